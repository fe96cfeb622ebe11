package io.neuromap.compiler.ir;

import java.util.Arrays;

/**
 * A list-valued parameter ({@code times} of a {@code spike_times} source) for every neuron of a
 * population, in SI. Shared by all neurons when homogeneous, per neuron otherwise. Immutable;
 * {@link #get(int)} returns a copy because lists are small and rarely read.
 */
public final class ListParameterValues {
    private final int size;
    private final double[] shared;
    private final double[][] perNeuron;

    private ListParameterValues(int size, double[] shared, double[][] perNeuron) {
        this.size = size;
        this.shared = shared;
        this.perNeuron = perNeuron;
    }

    /** Every neuron has the same list. */
    public static ListParameterValues shared(int size, double[] values) {
        return new ListParameterValues(size, values.clone(), null);
    }

    /** One list per neuron; takes ownership of the arrays. Compacted when all lists are equal. */
    public static ListParameterValues of(double[][] lists) {
        boolean same = true;
        for (int i = 1; i < lists.length && same; i++) {
            same = Arrays.equals(lists[i], lists[0]);
        }
        if (lists.length > 0 && same) {
            return new ListParameterValues(lists.length, lists[0], null);
        }
        return new ListParameterValues(lists.length, lists.length == 0 ? new double[0] : null, lists);
    }

    public int size() {
        return size;
    }

    public boolean isHomogeneous() {
        return perNeuron == null;
    }

    /** The list of neuron {@code i}. */
    public double[] get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + " out of bounds for " + size + " neurons");
        }
        return (perNeuron == null ? shared : perNeuron[i]).clone();
    }

    /** The length of neuron {@code i}'s list. */
    public int length(int i) {
        return (perNeuron == null ? shared : perNeuron[i]).length;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ListParameterValues l) || l.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!Arrays.equals(perNeuron == null ? shared : perNeuron[i], l.perNeuron == null ? l.shared : l.perNeuron[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return perNeuron == null ? size * 31 + Arrays.hashCode(shared) : size * 31 + Arrays.deepHashCode(perNeuron);
    }

    @Override
    public String toString() {
        return perNeuron == null ? "ListParameterValues[" + size + " x " + Arrays.toString(shared) + "]"
                : "ListParameterValues[" + size + " lists]";
    }
}
