package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One chip of the system and the cores used on it. Unused cores are not listed.
 *
 * @param id chip id, 0..chips-1 of the system
 * @param cores the used cores, each with a distinct id
 */
public record Loihi1ChipConfig(int id, List<Loihi1CoreConfig> cores) {

    public Loihi1ChipConfig {
        cores = List.copyOf(requireNonNull(cores, "cores is null"));
    }

    /** The core with id {@code coreId}, or null. */
    public Loihi1CoreConfig core(int coreId) {
        for (Loihi1CoreConfig core : cores) {
            if (core.id() == coreId) {
                return core;
            }
        }
        return null;
    }
}
