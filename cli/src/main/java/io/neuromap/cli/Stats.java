package io.neuromap.cli;

/**
 * Minimum, mean, maximum and (population) standard deviation of a set of values, in whatever
 * unit they were added in. What {@code inspect} prints for heterogeneous parameters, degrees,
 * weights and delays. An empty set has count 0 and NaN statistics.
 */
record Stats(long count, double min, double mean, double max, double sd) {
    static final Stats EMPTY = new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    boolean isEmpty() {
        return count == 0;
    }

    /** True when every value is the same (or there are none). */
    boolean isConstant() {
        return count == 0 || min == max;
    }

    /** The statistics of {@code values[from..to)}, each divided by {@code scale}. */
    static Stats of(double[] values, int from, int to, double scale) {
        Accumulator a = new Accumulator();
        for (int i = from; i < to; i++) {
            a.add(values[i] / scale);
        }
        return a.result();
    }

    /** Accumulates values without storing them (Welford's update, stable for large counts). Not thread-safe. */
    static final class Accumulator {
        private long count;
        private double mean;
        private double m2;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;

        void add(double v) {
            count++;
            double delta = v - mean;
            mean += delta / count;
            m2 += delta * (v - mean);
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
        }

        Stats result() {
            return count == 0 ? EMPTY : new Stats(count, min, mean, max, Math.sqrt(Math.max(0, m2 / count)));
        }
    }
}
