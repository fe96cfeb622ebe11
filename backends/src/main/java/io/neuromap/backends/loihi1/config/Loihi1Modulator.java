package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

/**
 * One modulator's concentration as the management program keeps it between steps: a signed
 * fixed-point number with {@link Loihi1ModulationArithmetic#CONCENTRATION_FRAC_BITS} fraction
 * bits, updated after every step by {@link Loihi1ModulationArithmetic#decay} and the release of
 * the source spikes counted {@code delay} steps earlier. Loihi 1 has no register for it: it lives
 * in the embedded x86 core's memory (specs/loihi1-compartments-reward.md §2.3).
 *
 * <p>The language's {@code scope} (global, per population, per target neuron) says how many
 * copies a chip keeps; every copy receives the same source spikes and decays alike, so all copies
 * are equal at every step and one state stands for all of them.
 *
 * @param name the modulator's name (probes and reports name it)
 * @param baseline resting concentration, fixed point
 * @param keep retained fraction of {@code c - baseline} per step, in 1/2^16 (0..65536)
 * @param release concentration added per counted source spike, fixed point
 * @param delay steps from a source spike to its release, 0..{@link Loihi1ModulationArithmetic#MAX_DELAY}
 * @param source the counted spikes
 */
public record Loihi1Modulator(String name, int baseline, int keep, int release, int delay, Loihi1ModulatorSource source) {

    public Loihi1Modulator {
        requireNonNull(name, "name is null");
        requireNonNull(source, "source is null");
    }
}
