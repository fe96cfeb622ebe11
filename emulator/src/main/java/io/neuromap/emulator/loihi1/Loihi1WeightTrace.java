package io.neuromap.emulator.loihi1;

import static java.util.Objects.requireNonNull;

/**
 * What one weight probe of the config's learning section recorded: the weight mantissas of its
 * synapses (columns in the probe's order) after steps {@code every - 1, 2 every - 1, ...}.
 *
 * @param values {@code [row][column]}
 */
public record Loihi1WeightTrace(String name, int every, int[][] values) {
    public Loihi1WeightTrace {
        requireNonNull(name, "name is null");
        requireNonNull(values, "values is null");
    }

    /** Number of rows (samples). */
    public int rows() {
        return values.length;
    }

    /** Number of columns (synapses). */
    public int columns() {
        return values.length == 0 ? 0 : values[0].length;
    }

    /** The step after which row {@code row} was recorded. */
    public int stepOfRow(int row) {
        return (row + 1) * every - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Loihi1WeightTrace t && name.equals(t.name) && every == t.every
                && java.util.Arrays.deepEquals(values, t.values);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + java.util.Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return "Loihi1WeightTrace[" + name + ", every " + every + ", " + rows() + " x " + columns() + "]";
    }
}
