package io.neuromap.backends.report;

import static java.util.Objects.requireNonNull;

/**
 * Neurons {@code [from, to)} of a population, held by one core: how a report says what a core
 * holds, by the names the user wrote rather than by IR indices.
 *
 * @param population the population's name
 * @param from first population-local neuron index
 * @param to one past the last
 */
public record PopulationSlice(String population, int from, int to) {
    public PopulationSlice {
        requireNonNull(population, "population is null");
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("bad slice " + population + "[" + from + ":" + to + ")");
        }
    }

    public int size() {
        return to - from;
    }

    /** {@code exc[0:512)}. */
    @Override
    public String toString() {
        return population + "[" + from + ":" + to + ")";
    }
}
