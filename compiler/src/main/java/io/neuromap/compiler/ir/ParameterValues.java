package io.neuromap.compiler.ir;

import java.util.Arrays;

/**
 * One scalar parameter for every neuron of a population (or every target neuron of a stimulus),
 * in SI. A homogeneous parameter is stored as one value, a heterogeneous one as a
 * {@code double[]}; {@link #get(int)} reads both alike, so consumers never special-case it.
 * Immutable.
 */
public final class ParameterValues {
    private final int size;
    private final double constant;
    private final double[] values;

    private ParameterValues(int size, double constant, double[] values) {
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
        this.size = size;
        this.constant = constant;
        this.values = values;
    }

    /** {@code size} neurons that all have {@code value}. */
    public static ParameterValues constant(int size, double value) {
        return new ParameterValues(size, value, null);
    }

    /**
     * Per-neuron values; takes ownership of the array. Stored compactly when every value is the
     * same (bit for bit, so that a digest does not depend on the representation).
     */
    public static ParameterValues of(double[] values) {
        if (values.length > 0 && allSame(values)) {
            return new ParameterValues(values.length, values[0], null);
        }
        return new ParameterValues(values.length, values.length == 0 ? 0 : Double.NaN, values);
    }

    private static boolean allSame(double[] values) {
        long first = Double.doubleToLongBits(values[0]);
        for (double v : values) {
            if (Double.doubleToLongBits(v) != first) {
                return false;
            }
        }
        return true;
    }

    public int size() {
        return size;
    }

    /** The value of neuron {@code i} (0-based, local to the owner). */
    public double get(int i) {
        if (values != null) {
            return values[i];
        }
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + " out of bounds for " + size + " neurons");
        }
        return constant;
    }

    /** True when all neurons share one value. */
    public boolean isHomogeneous() {
        return values == null;
    }

    /** The shared value of a homogeneous parameter. */
    public double constantValue() {
        if (values != null) {
            throw new IllegalStateException("parameter is heterogeneous");
        }
        return constant;
    }

    /** A fresh array with every neuron's value. */
    public double[] toArray() {
        if (values != null) {
            return values.clone();
        }
        double[] out = new double[size];
        Arrays.fill(out, constant);
        return out;
    }

    public Summary summary() {
        if (values == null) {
            return Summary.constant(size, constant);
        }
        Summary.Accumulator acc = new Summary.Accumulator();
        for (double v : values) {
            acc.add(v);
        }
        return acc.result();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ParameterValues p) || p.size != size) {
            return false;
        }
        if (values == null && p.values == null) {
            return Double.doubleToLongBits(constant) == Double.doubleToLongBits(p.constant);
        }
        for (int i = 0; i < size; i++) {
            if (Double.doubleToLongBits(get(i)) != Double.doubleToLongBits(p.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        if (values == null) {
            return size * 31 + Double.hashCode(constant);
        }
        return size * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        if (values == null) {
            return "ParameterValues[" + size + " x " + constant + "]";
        }
        Summary s = summary();
        return "ParameterValues[" + size + ", min " + s.min() + ", mean " + s.mean() + ", max " + s.max() + "]";
    }
}
