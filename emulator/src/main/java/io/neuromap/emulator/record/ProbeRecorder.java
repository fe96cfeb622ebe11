package io.neuromap.emulator.record;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.npy.NpyDtype;

/**
 * One probe's samples: the values of one quantity (a state variable, a synaptic current, a
 * modulator concentration, weights) for a fixed list of columns (neurons or synapses), taken in
 * steps {@code 0, every, 2 every, ...}. Samples are stored row-major ({@code [sample][column]})
 * in chunked primitive storage.
 *
 * <p>Values are held as {@code double}; an emulator that probes integers records them with
 * {@link NpyDtype#INT32} (every {@code int} is exact in a {@code double}), and the file
 * is written with that dtype, so the float reference and the bit-accurate emulators share one
 * recorder and one file layout.
 *
 * @see RecordingWriter for the files
 */
public final class ProbeRecorder {
    private final String name;
    private final String kind;
    private final String variable;
    private final String unit;
    private final int[] columns;
    private final int everySteps;
    private final NpyDtype dtype;
    private final GrowableDoubles values = new GrowableDoubles();
    private final GrowableInts sampleSteps = new GrowableInts();
    private int column;

    /**
     * @param kind {@code state}, {@code modulator}, {@code weights}, ... as in the language
     * @param variable the probed variable ({@code v}, {@code soma.i_syn_e}, the modulator's name)
     * @param unit the unit of the stored values ({@code V}, {@code A}, {@code 1}, or a chip's integer unit)
     * @param columns what each column is: global neuron indices, or synapse indices for weights
     * @param everySteps the sampling period in steps (>= 1)
     */
    public ProbeRecorder(String name, String kind, String variable, String unit, int[] columns, int everySteps,
            NpyDtype dtype) {
        this.name = requireNonNull(name, "name is null");
        this.kind = requireNonNull(kind, "kind is null");
        this.variable = requireNonNull(variable, "variable is null");
        this.unit = requireNonNull(unit, "unit is null");
        this.columns = requireNonNull(columns, "columns is null").clone();
        if (everySteps < 1) {
            throw new IllegalArgumentException("probe period must be >= 1 step, found " + everySteps);
        }
        this.everySteps = everySteps;
        this.dtype = requireNonNull(dtype, "dtype is null");
        if (dtype != NpyDtype.FLOAT64 && dtype != NpyDtype.INT32) {
            throw new IllegalArgumentException("probes are recorded as float64 or int32, not " + dtype);
        }
    }

    /** True when {@code step} is a sampling step of this probe. */
    public boolean due(long step) {
        return step % everySteps == 0;
    }

    /** Starts the sample of {@code step}; exactly {@link #columnCount()} {@link #put} calls must follow. */
    public void begin(long step) {
        if (column != 0) {
            throw new IllegalStateException("probe " + name + ": the previous sample has " + column + " of "
                    + columns.length + " values");
        }
        if (step > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("step " + step + " beyond the recordable range");
        }
        sampleSteps.add((int) step);
        if (columns.length == 0) {
            return;
        }
        column = columns.length;
    }

    /** The next value of the current sample, in column order. */
    public void put(double value) {
        if (column == 0) {
            throw new IllegalStateException("probe " + name + ": put without begin, or too many values");
        }
        values.add(value);
        column--;
    }

    public String name() {
        return name;
    }

    public String kind() {
        return kind;
    }

    public String variable() {
        return variable;
    }

    public String unit() {
        return unit;
    }

    public int everySteps() {
        return everySteps;
    }

    public NpyDtype dtype() {
        return dtype;
    }

    public int columnCount() {
        return columns.length;
    }

    /** What column {@code c} records (a global neuron, or a synapse for weight probes). */
    public int column(int c) {
        return columns[c];
    }

    /** A copy of the column list. */
    public int[] columns() {
        return columns.clone();
    }

    /** Number of complete samples. */
    public int sampleCount() {
        long n = sampleSteps.size();
        return column == 0 ? (int) n : (int) n - 1;
    }

    /** The step of sample {@code s}. */
    public int sampleStep(int s) {
        return sampleSteps.get(s);
    }

    /** The value of column {@code c} in sample {@code s}. */
    public double value(int s, int c) {
        if (s < 0 || s >= sampleCount() || c < 0 || c >= columns.length) {
            throw new IndexOutOfBoundsException("sample " + s + ", column " + c + " out of bounds for " + sampleCount()
                    + " x " + columns.length);
        }
        return values.get((long) s * columns.length + c);
    }

    /** The time course of column {@code c}, one value per sample. */
    public double[] trace(int c) {
        int n = sampleCount();
        double[] out = new double[n];
        for (int s = 0; s < n; s++) {
            out[s] = value(s, c);
        }
        return out;
    }

    @Override
    public String toString() {
        return "ProbeRecorder[" + name + ", " + kind + "(" + variable + ") in " + unit + ", " + columns.length
                + " columns, every " + everySteps + " steps, " + sampleCount() + " samples]";
    }
}
