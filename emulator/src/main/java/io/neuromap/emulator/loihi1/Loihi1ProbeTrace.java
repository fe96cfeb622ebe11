package io.neuromap.emulator.loihi1;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.config.Loihi1ProbeVariable;
import java.util.Arrays;

/**
 * What one probe recorded: the values of one variable for a list of compartments (the columns,
 * in the config's target order), at steps {@code every - 1, 2 every - 1, ...} (the rows). Row
 * {@code k} holds the values after step {@code (k + 1) * every - 1}, so with {@code every = 1}
 * row k is golden-trace index k.
 *
 * <p>State probes (voltage, current, synaptic input) are dense: one row-major int array,
 * {@code rows x columns}. Spike probes are sparse, because spikes are: a 100,000-neuron network
 * probed every step for 10,000 steps is a billion 0/1 values of which a few in ten thousand are
 * ones. A spike trace holds only the ones, as compressed rows: the columns that spiked in row
 * {@code k} are {@link #spikeColumn} {@code (i)} for {@code i} from {@link #spikeStart}
 * {@code (k)} to {@code spikeStart(k + 1) - 1}, ascending. {@link #value} reads either kind.
 *
 * <p>Equality is by value: two runs that recorded the same values give equal traces, whatever
 * the thread count or the order their cores finished in.
 */
public final class Loihi1ProbeTrace {

    private final String name;
    private final Loihi1ProbeVariable variable;
    private final int every;
    private final int[] chip;
    private final int[] core;
    private final int[] compartment;
    private final int rows;
    /** Dense state values, {@code rows * columns}; null for a spike trace. */
    private final int[] values;
    /** Spike traces: where each row's spikes start in {@link #spikeColumns}, {@code rows + 1}; else null. */
    private final int[] spikeStarts;
    /** Spike traces: the columns that spiked, row by row, ascending within a row; else null. */
    private final int[] spikeColumns;

    private Loihi1ProbeTrace(String name, Loihi1ProbeVariable variable, int every, int[] chip, int[] core,
            int[] compartment, int rows, int[] values, int[] spikeStarts, int[] spikeColumns) {
        this.name = requireNonNull(name, "name is null");
        this.variable = requireNonNull(variable, "variable is null");
        this.chip = requireNonNull(chip, "chip is null");
        this.core = requireNonNull(core, "core is null");
        this.compartment = requireNonNull(compartment, "compartment is null");
        if (core.length != chip.length || compartment.length != chip.length) {
            throw new IllegalArgumentException("column arrays differ in length");
        }
        if (every < 1 || rows < 0) {
            throw new IllegalArgumentException("every " + every + ", rows " + rows);
        }
        this.every = every;
        this.rows = rows;
        this.values = values;
        this.spikeStarts = spikeStarts;
        this.spikeColumns = spikeColumns;
    }

    /**
     * A state probe's trace.
     *
     * @param name the probe's name
     * @param variable what was recorded (not {@link Loihi1ProbeVariable#SPIKES})
     * @param every the recording period in steps
     * @param chip chip id per column
     * @param core core id per column
     * @param compartment compartment per column
     * @param rows number of rows
     * @param values the recorded values, row-major, {@code rows * columns}
     */
    public static Loihi1ProbeTrace dense(String name, Loihi1ProbeVariable variable, int every, int[] chip, int[] core,
            int[] compartment, int rows, int[] values) {
        requireNonNull(values, "values is null");
        if (variable == Loihi1ProbeVariable.SPIKES) {
            throw new IllegalArgumentException("spike probe '" + name + "' is recorded sparse");
        }
        if ((long) rows * chip.length != values.length) {
            throw new IllegalArgumentException(values.length + " values for " + rows + " rows of " + chip.length
                    + " columns");
        }
        return new Loihi1ProbeTrace(name, variable, every, chip, core, compartment, rows, values, null, null);
    }

    /**
     * A spike probe's trace.
     *
     * @param name the probe's name
     * @param every the recording period in steps
     * @param chip chip id per column
     * @param core core id per column
     * @param compartment compartment per column
     * @param rows number of rows
     * @param spikeStarts where each row's spikes start in {@code spikeColumns}, {@code rows + 1}
     *     non-decreasing entries from 0 to {@code spikeColumns.length}
     * @param spikeColumns the columns that spiked, row by row, strictly ascending within a row
     */
    public static Loihi1ProbeTrace spikes(String name, int every, int[] chip, int[] core, int[] compartment, int rows,
            int[] spikeStarts, int[] spikeColumns) {
        requireNonNull(spikeStarts, "spikeStarts is null");
        requireNonNull(spikeColumns, "spikeColumns is null");
        if (rows < 0 || spikeStarts.length != rows + 1 || spikeStarts[0] != 0
                || spikeStarts[rows] != spikeColumns.length) {
            throw new IllegalArgumentException(spikeStarts.length + " row starts for " + rows + " rows and "
                    + spikeColumns.length + " spikes");
        }
        for (int r = 0; r < rows; r++) {
            for (int i = spikeStarts[r]; i < spikeStarts[r + 1]; i++) {
                if (spikeColumns[i] < 0 || spikeColumns[i] >= chip.length
                        || (i > spikeStarts[r] && spikeColumns[i] <= spikeColumns[i - 1])) {
                    throw new IllegalArgumentException("row " + r + ": spike columns must ascend within 0.."
                            + (chip.length - 1));
                }
            }
            if (spikeStarts[r + 1] < spikeStarts[r]) {
                throw new IllegalArgumentException("row starts descend at row " + r);
            }
        }
        return new Loihi1ProbeTrace(name, Loihi1ProbeVariable.SPIKES, every, chip, core, compartment, rows, null,
                spikeStarts, spikeColumns);
    }

    public String name() {
        return name;
    }

    public Loihi1ProbeVariable variable() {
        return variable;
    }

    /** The recording period in steps. */
    public int every() {
        return every;
    }

    /** Chip id per column (the array itself: do not change it). */
    public int[] chip() {
        return chip;
    }

    /** Core id per column (the array itself: do not change it). */
    public int[] core() {
        return core;
    }

    /** Compartment per column (the array itself: do not change it). */
    public int[] compartment() {
        return compartment;
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Number of columns (probed compartments). */
    public int columns() {
        return chip.length;
    }

    /** True for a spike probe's sparse trace, false for a state probe's dense one. */
    public boolean sparse() {
        return spikeColumns != null;
    }

    /**
     * The value of column {@code column} at row {@code row}: a spike trace says 1 where the
     * compartment spiked, else 0.
     */
    public int value(int row, int column) {
        if (row < 0 || row >= rows || column < 0 || column >= chip.length) {
            throw new IndexOutOfBoundsException("row " + row + ", column " + column + " out of bounds for " + rows
                    + " x " + chip.length);
        }
        if (values != null) {
            return values[row * chip.length + column];
        }
        return Arrays.binarySearch(spikeColumns, spikeStarts[row], spikeStarts[row + 1], column) >= 0 ? 1 : 0;
    }

    /**
     * State traces: the values, row-major, {@code rows x columns} (the array itself: do not
     * change it). A spike trace has no such matrix: read its {@link #spikeColumn spikes}.
     */
    public int[] values() {
        if (values == null) {
            throw new IllegalStateException("spike probe '" + name + "' is recorded sparse: read its spikes");
        }
        return values;
    }

    /** The step after which row {@code row} was recorded. */
    public int stepOfRow(int row) {
        return (row + 1) * every - 1;
    }

    /** Spike traces: the number of recorded spikes (the ones of the 0/1 matrix). */
    public int spikeCount() {
        return sparseOnly().length;
    }

    /** Spike traces: the index of row {@code row}'s first spike; {@code spikeStart(rows())} is the count. */
    public int spikeStart(int row) {
        sparseOnly();
        return spikeStarts[row];
    }

    /** Spike traces: the column of spike {@code i}. */
    public int spikeColumn(int i) {
        return sparseOnly()[i];
    }

    private int[] sparseOnly() {
        if (spikeColumns == null) {
            throw new IllegalStateException("probe '" + name + "' records " + variable.jsonName()
                    + ", a dense trace with no spike list");
        }
        return spikeColumns;
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
                && Arrays.equals(compartment, that.compartment) && Arrays.equals(values, that.values)
                && Arrays.equals(spikeStarts, that.spikeStarts) && Arrays.equals(spikeColumns, that.spikeColumns);
    }

    @Override
    public int hashCode() {
        int h = name.hashCode();
        h = 31 * h + variable.hashCode();
        h = 31 * h + every;
        h = 31 * h + rows;
        h = 31 * h + Arrays.hashCode(compartment);
        h = 31 * h + Arrays.hashCode(values);
        return 31 * h + Arrays.hashCode(spikeColumns);
    }

    @Override
    public String toString() {
        return "Loihi1ProbeTrace[name=" + name + ", variable=" + variable.jsonName() + ", every=" + every + ", rows="
                + rows + ", columns=" + chip.length + (sparse() ? ", spikes=" + spikeColumns.length : "") + "]";
    }
}
