package io.neuromap.emulator.validate;

import static java.util.Objects.requireNonNull;

import io.neuromap.emulator.record.SpikeRecorder;

/**
 * The spike steps of every neuron of a recording, grouped by neuron (compressed rows: neuron
 * {@code g}'s steps are {@code steps[start[g] .. start[g + 1])}, ascending), built in two passes
 * over the recorder without an object per neuron or spike.
 */
public final class SpikeTrains {

    private final int[] start;
    private final int[] steps;

    private SpikeTrains(int[] start, int[] steps) {
        this.start = start;
        this.steps = steps;
    }

    /**
     * The trains of neurons {@code 0 .. neurons - 1} of {@code spikes} (recorded in step order, so
     * each train comes out ascending); spikes of other neurons, and spikes in steps at or after
     * {@code stepLimit}, are ignored.
     */
    public static SpikeTrains of(SpikeRecorder spikes, int neurons, long stepLimit) {
        requireNonNull(spikes, "spikes is null");
        if (neurons < 0) {
            throw new IllegalArgumentException("neurons must be >= 0, got " + neurons);
        }
        int[] start = new int[neurons + 1];
        long n = spikes.count();
        for (long k = 0; k < n; k++) {
            int g = spikes.neuron(k);
            if (g < neurons && spikes.step(k) < stepLimit) {
                start[g + 1]++;
            }
        }
        for (int g = 0; g < neurons; g++) {
            start[g + 1] += start[g];
        }
        int[] fill = start.clone();
        int[] steps = new int[start[neurons]];
        for (long k = 0; k < n; k++) {
            int g = spikes.neuron(k);
            if (g < neurons && spikes.step(k) < stepLimit) {
                steps[fill[g]++] = spikes.step(k);
            }
        }
        return new SpikeTrains(start, steps);
    }

    /** Number of neurons covered. */
    public int neurons() {
        return start.length - 1;
    }

    /** Spikes of neuron {@code g}. */
    public int count(int g) {
        return start[g + 1] - start[g];
    }

    /** Spikes of neurons {@code [from, to)}. */
    public long count(int from, int to) {
        return start[to] - start[from];
    }

    /** Where neuron {@code g}'s steps begin in {@link #steps()}. */
    int from(int g) {
        return start[g];
    }

    /** Where neuron {@code g}'s steps end in {@link #steps()}. */
    int to(int g) {
        return start[g + 1];
    }

    /** All steps, neuron after neuron (shared, not copied: read only). */
    int[] steps() {
        return steps;
    }

    /** The steps of neuron {@code g}, ascending (a copy). */
    public int[] train(int g) {
        return java.util.Arrays.copyOfRange(steps, start[g], start[g + 1]);
    }

    @Override
    public String toString() {
        return "SpikeTrains[" + neurons() + " neurons, " + steps.length + " spikes]";
    }
}
