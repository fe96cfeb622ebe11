package io.neuromap.backends.loihi1.lower;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * Bins the profile tuples of one compartment role of one population (e.g. the soma's
 * (decayU, decayV, refractory delay)) into at most k distinct tuples: weighted k-means over the
 * distinct quantized tuples, in coordinates where distance is relative error
 * ({@link ProfileComponent#coordinate}), each centre mapped back to the nearest register values.
 * Deterministic: the first centre is the most frequent tuple, each next one the tuple with the
 * largest count-weighted squared distance to its nearest centre (k-means++ without the dice), and
 * Lloyd iterations run to convergence or a fixed cap.
 *
 * <p>Works on distinct tuples (a sort, no hashing or boxing), so a homogeneous population costs
 * one pass over its neurons.
 */
final class ProfileBinner {
    private static final int MAX_ITERATIONS = 30;
    private static final int FIELD_BITS = 16;
    private static final long FIELD_MASK = (1L << FIELD_BITS) - 1;

    private ProfileBinner() {
    }

    /**
     * The result for one role: per neuron its (possibly binned) tuple, and the error binning
     * introduced (relative, max over components, against the neuron's own quantized tuple).
     *
     * @param values binned register values, {@code [component][neuron]}
     * @param distinct distinct tuples before binning
     * @param bins distinct tuples after binning
     * @param maxError largest binning error over neurons
     * @param meanError mean binning error over neurons
     */
    record Result(int[][] values, int distinct, int bins, double maxError, double meanError) {
    }

    /** Number of distinct tuples among the neurons. */
    static int distinct(int[][] values) {
        long[] keys = keys(values);
        Arrays.sort(keys);
        return unique(keys);
    }

    /**
     * Bins {@code values} ({@code [component][neuron]}, each value 0..65535) into at most
     * {@code k} tuples; returns them unchanged when there are no more than {@code k} distinct.
     */
    static Result bin(int[][] values, ProfileComponent[] components, int k) {
        requireNonNull(values, "values is null");
        requireNonNull(components, "components is null");
        if (components.length != values.length || k < 1) {
            throw new IllegalArgumentException("components " + components.length + ", values " + values.length + ", k " + k);
        }
        int n = values.length == 0 ? 0 : values[0].length;
        long[] keys = keys(values);
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        int d = unique(sorted);
        long[] distinct = Arrays.copyOf(sorted, d);
        if (d <= k) {
            return new Result(copy(values), d, d, 0, 0);
        }
        int c = components.length;
        long[] count = new long[d];
        int[] of = new int[n];
        for (int i = 0; i < n; i++) {
            of[i] = Arrays.binarySearch(distinct, keys[i]);
            count[of[i]]++;
        }
        double[][] x = new double[d][c];
        for (int t = 0; t < d; t++) {
            for (int j = 0; j < c; j++) {
                x[t][j] = components[j].coordinate(field(distinct[t], j));
            }
        }
        double[][] centre = initialCentres(x, count, k);
        int[] assign = new int[d];
        Arrays.fill(assign, -1);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            boolean changed = false;
            for (int t = 0; t < d; t++) {
                int best = nearest(x[t], centre);
                if (best != assign[t]) {
                    assign[t] = best;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            double[][] sum = new double[k][c];
            double[] weight = new double[k];
            for (int t = 0; t < d; t++) {
                weight[assign[t]] += count[t];
                for (int j = 0; j < c; j++) {
                    sum[assign[t]][j] += count[t] * x[t][j];
                }
            }
            for (int b = 0; b < k; b++) {
                if (weight[b] > 0) {
                    for (int j = 0; j < c; j++) {
                        centre[b][j] = sum[b][j] / weight[b];
                    }
                }
            }
        }
        int[][] binnedOf = new int[k][c];
        for (int b = 0; b < k; b++) {
            for (int j = 0; j < c; j++) {
                binnedOf[b][j] = components[j].quantize(centre[b][j]);
            }
        }
        int[][] out = new int[c][n];
        double max = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int b = assign[of[i]];
            double err = 0;
            for (int j = 0; j < c; j++) {
                out[j][i] = binnedOf[b][j];
                err = Math.max(err, components[j].relativeError(binnedOf[b][j], values[j][i]));
            }
            max = Math.max(max, err);
            sum += err;
        }
        long[] binKeys = keys(out);
        Arrays.sort(binKeys);
        int usedCount = unique(binKeys);
        return new Result(out, d, usedCount, max, n == 0 ? 0 : sum / n);
    }

    private static double[][] initialCentres(double[][] x, long[] count, int k) {
        int d = x.length;
        int c = x[0].length;
        double[][] centre = new double[k][];
        int first = 0;
        for (int t = 1; t < d; t++) {
            if (count[t] > count[first]) {
                first = t;
            }
        }
        centre[0] = x[first].clone();
        double[] nearest = new double[d];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int b = 1; b < k; b++) {
            int pick = -1;
            double best = -1;
            for (int t = 0; t < d; t++) {
                nearest[t] = Math.min(nearest[t], distance2(x[t], centre[b - 1]));
                double score = count[t] * nearest[t];
                if (score > best) {
                    best = score;
                    pick = t;
                }
            }
            centre[b] = x[pick].clone();
        }
        return centre;
    }

    private static int nearest(double[] point, double[][] centre) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int b = 0; b < centre.length; b++) {
            double dist = distance2(point, centre[b]);
            if (dist < bestDistance) {
                bestDistance = dist;
                best = b;
            }
        }
        return best;
    }

    private static double distance2(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double diff = a[j] - b[j];
            s += diff * diff;
        }
        return s;
    }

    private static long[] keys(int[][] values) {
        int n = values.length == 0 ? 0 : values[0].length;
        long[] keys = new long[n];
        for (int j = 0; j < values.length; j++) {
            if (values.length * FIELD_BITS > Long.SIZE - 1) {
                throw new IllegalArgumentException("at most 3 components");
            }
            for (int i = 0; i < n; i++) {
                int v = values[j][i];
                if (v < 0 || v > FIELD_MASK) {
                    throw new IllegalArgumentException("register value " + v + " outside 0.." + FIELD_MASK);
                }
                keys[i] |= (long) v << (FIELD_BITS * j);
            }
        }
        return keys;
    }

    private static int field(long key, int j) {
        return (int) ((key >>> (FIELD_BITS * j)) & FIELD_MASK);
    }

    /** Compacts a sorted array to its distinct values in place; returns their number. */
    private static int unique(long[] sorted) {
        int m = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (m == 0 || sorted[m - 1] != sorted[i]) {
                sorted[m++] = sorted[i];
            }
        }
        return m;
    }

    private static int[][] copy(int[][] values) {
        int[][] out = new int[values.length][];
        for (int j = 0; j < values.length; j++) {
            out[j] = values[j].clone();
        }
        return out;
    }
}
