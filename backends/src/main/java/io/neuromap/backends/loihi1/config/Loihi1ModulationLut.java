package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A response function in fixed point: {@code values[k]} is the function at concentration
 * {@code origin + k 2^shift} (concentration fixed point), and the program interpolates linearly
 * between entries and extrapolates the first and last segments beyond the table
 * ({@link Loihi1ModulationArithmetic#lookup}), so an affine response needs two entries and is
 * exact everywhere. The array is owned by this record.
 *
 * @param origin concentration of entry 0, fixed point
 * @param shift log2 of the spacing of entries, in concentration units, 0..30
 * @param values at least two entries
 */
public record Loihi1ModulationLut(int origin, int shift, int[] values) {

    public Loihi1ModulationLut {
        requireNonNull(values, "values is null");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Loihi1ModulationLut that && origin == that.origin && shift == that.shift
                && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * origin + shift) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Loihi1ModulationLut[origin=" + origin + ", shift=" + shift + ", " + values.length + " values]";
    }
}
