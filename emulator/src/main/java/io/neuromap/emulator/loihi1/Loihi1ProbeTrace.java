package io.neuromap.emulator.loihi1;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.config.Loihi1ProbeVariable;
import java.util.Arrays;

/**
 * What one probe recorded: the values of one variable for a list of compartments (the columns,
 * in the config's target order), at steps {@code every - 1, 2 every - 1, ...} (the rows), as one
 * row-major int array: the value of column {@code j} at row {@code k} is
 * {@code values[k * columns + j]}. Row {@code k} holds the values after step
 * {@code (k + 1) * every - 1}, so with {@code every = 1} row k is golden-trace index k.
 *
 * @param name the probe's name
 * @param variable what was recorded
 * @param every the recording period in steps
 * @param chip chip id per column
 * @param core core id per column
 * @param compartment compartment per column
 * @param rows number of rows
 * @param values the recorded values, {@code rows * columns}
 */
public record Loihi1ProbeTrace(String name, Loihi1ProbeVariable variable, int every, int[] chip, int[] core,
        int[] compartment, int rows, int[] values) {

    public Loihi1ProbeTrace {
        requireNonNull(name, "name is null");
        requireNonNull(variable, "variable is null");
        requireNonNull(chip, "chip is null");
        requireNonNull(core, "core is null");
        requireNonNull(compartment, "compartment is null");
        requireNonNull(values, "values is null");
        if (core.length != chip.length || compartment.length != chip.length) {
            throw new IllegalArgumentException("column arrays differ in length");
        }
        if ((long) rows * chip.length != values.length) {
            throw new IllegalArgumentException(values.length + " values for " + rows + " rows of " + chip.length
                    + " columns");
        }
    }

    /** Number of columns (probed compartments). */
    public int columns() {
        return chip.length;
    }

    /** The value of column {@code column} at row {@code row}. */
    public int value(int row, int column) {
        return values[row * chip.length + column];
    }

    /** The step after which row {@code row} was recorded. */
    public int stepOfRow(int row) {
        return (row + 1) * every - 1;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Loihi1ProbeTrace)) {
            return false;
        }
        Loihi1ProbeTrace that = (Loihi1ProbeTrace) o;
        return name.equals(that.name) && variable == that.variable && every == that.every && rows == that.rows
                && Arrays.equals(chip, that.chip) && Arrays.equals(core, that.core)
                && Arrays.equals(compartment, that.compartment) && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        int h = name.hashCode();
        h = 31 * h + variable.hashCode();
        h = 31 * h + every;
        h = 31 * h + rows;
        h = 31 * h + Arrays.hashCode(compartment);
        return 31 * h + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Loihi1ProbeTrace[name=" + name + ", variable=" + variable.jsonName() + ", every=" + every + ", rows="
                + rows + ", columns=" + chip.length + "]";
    }
}
