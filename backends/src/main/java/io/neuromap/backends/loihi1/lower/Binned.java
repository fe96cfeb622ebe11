package io.neuromap.backends.loihi1.lower;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The error binning added to each profile field of each compartment position of one population:
 * the largest relative error over its neurons between the binned register and the neuron's own
 * quantized one. Fields that were not binned have none. Components are numbered as the soma's
 * tuple: current decay, voltage decay, refractory delay.
 */
final class Binned {
    static final int DECAY_U = 0;
    static final int DECAY_V = 1;
    static final int REFRACT = 2;
    private static final int COMPONENTS = 3;

    private final double[][] error;

    Binned(int positions) {
        error = new double[positions][COMPONENTS];
        for (double[] row : error) {
            Arrays.fill(row, Double.NaN);
        }
    }

    /** Records the binning of one position: {@code own} and {@code binned} are {@code [component][neuron]}. */
    void record(int position, int[][] own, int[][] binned, ProfileComponent[] components) {
        for (int j = 0; j < components.length; j++) {
            double max = 0;
            for (int i = 0; i < own[j].length; i++) {
                max = Math.max(max, components[j].relativeError(binned[j][i], own[j][i]));
            }
            error[position][j] = max;
        }
    }

    /** The binning error of one field, if it was binned. */
    OptionalDouble error(int position, int component) {
        double e = error[position][component];
        return Double.isNaN(e) ? OptionalDouble.empty() : OptionalDouble.of(e);
    }
}
