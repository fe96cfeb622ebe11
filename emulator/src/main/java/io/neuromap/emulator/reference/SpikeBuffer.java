package io.neuromap.emulator.reference;

/**
 * The spikes of the current step: global neuron indices, ascending, with the segment each
 * population wrote, so delivery, plasticity and modulator release read "the spikes of population
 * p" without searching. Reused every step; never reallocated.
 */
final class SpikeBuffer {
    private final int[] neurons;
    private final int[] popStart;
    private final int[] popEnd;
    private int count;
    private int open = -1;

    SpikeBuffer(int neuronCount, int populationCount) {
        neurons = new int[neuronCount];
        popStart = new int[populationCount];
        popEnd = new int[populationCount];
    }

    void clear() {
        count = 0;
        open = -1;
    }

    /** Starts population {@code p}'s segment. */
    void begin(int p) {
        open = p;
        popStart[p] = count;
    }

    void add(int globalNeuron) {
        neurons[count++] = globalNeuron;
    }

    void close(int p) {
        if (p != open) {
            throw new IllegalStateException("segment of population " + open + " closed as " + p);
        }
        popEnd[p] = count;
        open = -1;
    }

    int count() {
        return count;
    }

    int neuron(int i) {
        return neurons[i];
    }

    /** First index of population {@code population}'s spikes in this step. */
    int start(int population) {
        return popStart[population];
    }

    /** One past the last index of population {@code population}'s spikes in this step. */
    int end(int population) {
        return popEnd[population];
    }
}
