package io.neuromap.backends.loihi1.lower;

/**
 * The spike times of a population the host injects (a {@code poisson} or {@code spike_times}
 * population, or a stimulus the lowering turned into one): the steps each neuron fires in, drawn
 * at compile time with the IR's keyed random streams, so the float reference and the emulator
 * see the same input (DESIGN.md, the float reference).
 */
@FunctionalInterface
public interface SpikeSource {
    /** The steps in {@code [0, steps)} in which neuron {@code neuron} (population-local) fires, ascending, distinct. */
    long[] steps(int neuron, long steps);
}
