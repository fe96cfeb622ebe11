package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

/**
 * A population named by the origin table.
 *
 * @param name the population's name in the network (e.g. {@code exc}, {@code Striatum.msn})
 * @param size its number of neurons; origin rows name neurons 0..size-1
 */
public record Loihi1Population(String name, int size) {

    public Loihi1Population {
        requireNonNull(name, "name is null");
    }
}
