package io.neuromap.compiler.ir;

/**
 * Minimum, mean and maximum of a set of values, the statistics {@code inspect} prints for
 * heterogeneous parameters, fan-in and fan-out. An empty set has count 0 and NaN statistics.
 */
public record Summary(long count, double min, double mean, double max) {

    public static final Summary EMPTY = new Summary(0, Double.NaN, Double.NaN, Double.NaN);

    /** The summary of {@code count} copies of one value. */
    public static Summary constant(long count, double value) {
        return count == 0 ? EMPTY : new Summary(count, value, value, value);
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** Accumulates values without storing them. Not thread-safe. */
    public static final class Accumulator {
        private long count;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;
        private double sum;

        public void add(double v) {
            count++;
            sum += v;
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
        }

        /** Adds {@code n} copies of {@code v}. */
        public void add(double v, long n) {
            if (n <= 0) {
                return;
            }
            count += n;
            sum += v * n;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }

        public Summary result() {
            return count == 0 ? EMPTY : new Summary(count, min, sum / count, max);
        }
    }
}
