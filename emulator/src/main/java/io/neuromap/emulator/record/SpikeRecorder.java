package io.neuromap.emulator.record;

/**
 * Every recorded spike as a {@code (step, global neuron)} pair, in the order recorded: steps
 * never decrease (a run records step by step), and within a step the engines record neurons in
 * ascending order, so the list is sorted by (step, neuron) and two runs can be compared entry by
 * entry. Primitive chunked storage: recording allocates once per {@value GrowableInts#CHUNK}
 * spikes and never boxes.
 *
 * <p>Steps are 0-based and must fit an {@code int} (2^31 steps is 24 days at dt = 1 ms), which is
 * what {@code spikes.npy} stores.
 */
public final class SpikeRecorder {
    private final GrowableInts steps = new GrowableInts();
    private final GrowableInts neurons = new GrowableInts();
    private int lastStep = -1;

    /**
     * Records a spike of {@code neuron} in {@code step}.
     *
     * @throws IllegalArgumentException if {@code step} is before the last recorded step, negative
     *                                  or beyond {@code Integer.MAX_VALUE}, or the neuron is negative
     */
    public void record(long step, int neuron) {
        if (step < lastStep || step > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("spike step " + step + " out of order (last " + lastStep + ") or out of range");
        }
        if (neuron < 0) {
            throw new IllegalArgumentException("negative neuron index " + neuron);
        }
        lastStep = (int) step;
        steps.add((int) step);
        neurons.add(neuron);
    }

    /** Number of spikes recorded. */
    public long count() {
        return steps.size();
    }

    /** The step of spike {@code i} (0-based, in recording order). */
    public int step(long i) {
        return steps.get(i);
    }

    /** The global neuron index of spike {@code i}. */
    public int neuron(long i) {
        return neurons.get(i);
    }

    /** Spikes per neuron for neurons {@code 0..neuronCount-1}; spikes of neurons beyond are ignored. */
    public long[] countsPerNeuron(int neuronCount) {
        long[] counts = new long[neuronCount];
        long n = count();
        for (long i = 0; i < n; i++) {
            int j = neurons.get(i);
            if (j < neuronCount) {
                counts[j]++;
            }
        }
        return counts;
    }

    /** The steps at which {@code neuron} spiked, ascending. */
    public int[] spikeSteps(int neuron) {
        long n = count();
        int k = 0;
        for (long i = 0; i < n; i++) {
            if (neurons.get(i) == neuron) {
                k++;
            }
        }
        int[] out = new int[k];
        k = 0;
        for (long i = 0; i < n; i++) {
            if (neurons.get(i) == neuron) {
                out[k++] = steps.get(i);
            }
        }
        return out;
    }

    /** True when both recorded exactly the same spikes in the same order. */
    public boolean sameSpikes(SpikeRecorder other) {
        if (other.count() != count()) {
            return false;
        }
        long n = count();
        for (long i = 0; i < n; i++) {
            if (steps.get(i) != other.steps.get(i) || neurons.get(i) != other.neurons.get(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "SpikeRecorder[" + count() + " spikes]";
    }
}
