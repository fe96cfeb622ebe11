package io.neuromap.compiler.ir;

import java.util.Locale;
import java.util.Optional;

/**
 * How many copies of a modulator's concentration exist: one for the network (a broadcast), one
 * per target population, or one per target neuron (the SpiNNaker/Loihi style).
 */
public enum ModulatorScope {
    GLOBAL, PER_POPULATION, PER_TARGET_NEURON;

    /** {@code global}, {@code per_population}, {@code per_target_neuron}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ModulatorScope> fromWord(String word) {
        for (ModulatorScope s : values()) {
            if (s.word().equals(word)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
