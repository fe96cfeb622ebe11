package io.neuromap.compiler.mapping;

/**
 * A contiguous run of neurons of one population placed on one core: population-local indices
 * {@code [from, to)}. A core holds one or more slices; every synapse lives on the core of its
 * post neuron.
 *
 * @param population index into the network's populations
 */
public record Slice(int population, int from, int to) {
    public Slice {
        if (population < 0 || from < 0 || to <= from) {
            throw new IllegalArgumentException("bad slice: population " + population + " [" + from + ", " + to + ")");
        }
    }

    public int size() {
        return to - from;
    }

    @Override
    public String toString() {
        return population + "[" + from + ":" + to + ")";
    }
}
