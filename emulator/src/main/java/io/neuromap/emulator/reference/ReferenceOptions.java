package io.neuromap.emulator.reference;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

/**
 * How to run the float reference.
 *
 * @param steps steps to run; empty: the network's {@code simulate} duration / dt
 * @param external values of the network's external channels
 * @param spikes whose spikes the recorder keeps: every neuron's (sources included), or only those
 *               named by {@code probe spikes}
 */
public record ReferenceOptions(OptionalLong steps, ExternalInputs external, SpikeScope spikes) {
    public ReferenceOptions {
        requireNonNull(steps, "steps is null");
        requireNonNull(external, "external is null");
        requireNonNull(spikes, "spikes is null");
        if (steps.isPresent() && steps.getAsLong() < 0) {
            throw new IllegalArgumentException("steps must be >= 0, found " + steps.getAsLong());
        }
    }

    /** Which spikes are recorded. */
    public enum SpikeScope {
        /** Every neuron of every population, spike sources included. */
        ALL,
        /** The neurons of the network's {@code spikes} probes. */
        PROBED
    }

    /** The network's own duration, no external input, every spike recorded. */
    public static ReferenceOptions defaults() {
        return new ReferenceOptions(OptionalLong.empty(), ExternalInputs.NONE, SpikeScope.ALL);
    }

    public ReferenceOptions withSteps(long n) {
        return new ReferenceOptions(OptionalLong.of(n), external, spikes);
    }

    public ReferenceOptions withExternal(ExternalInputs inputs) {
        return new ReferenceOptions(steps, inputs, spikes);
    }

    public ReferenceOptions withSpikes(SpikeScope scope) {
        return new ReferenceOptions(steps, external, scope);
    }
}
