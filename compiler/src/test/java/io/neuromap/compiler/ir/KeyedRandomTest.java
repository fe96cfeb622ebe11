package io.neuromap.compiler.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyedRandomTest {

    @Test
    void aStreamIsAPureFunctionOfItsKey() {
        long key = KeyedRandom.key(7, KeyedRandom.pathHash("Net/exc/tau_m"), 12);
        KeyedRandom a = new KeyedRandom(key);
        KeyedRandom b = new KeyedRandom().reset(key);
        for (int n = 0; n < 100; n++) {
            long x = a.nextLong();
            assertEquals(x, b.nextLong());
            assertEquals(x, KeyedRandom.at(key, n), "random access agrees with the cursor");
        }
    }

    @Test
    void keysDifferInEveryComponent() {
        long path = KeyedRandom.pathHash("Net/exc/tau_m");
        long base = KeyedRandom.key(7, path, 12);
        assertNotEquals(base, KeyedRandom.key(8, path, 12));
        assertNotEquals(base, KeyedRandom.key(7, KeyedRandom.pathHash("Net/exc/tau_s"), 12));
        assertNotEquals(base, KeyedRandom.key(7, path, 13));
        assertEquals(KeyedRandom.pathHash("Net/a"), KeyedRandom.pathHash("Net/a"));
    }

    @Test
    void uniformsAreUniformAcrossStreams() {
        // The first draw of 10^5 neighbouring streams: what per-neuron sampling relies on.
        long path = KeyedRandom.pathHash("Net/p/x");
        int n = 100_000;
        int[] bins = new int[10];
        double sum = 0;
        double lag = 0;
        double previous = 0;
        KeyedRandom r = new KeyedRandom();
        for (int i = 0; i < n; i++) {
            double u = r.reset(KeyedRandom.key(1, path, i)).nextDouble();
            assertTrue(u >= 0 && u < 1);
            bins[(int) (u * 10)]++;
            sum += u;
            lag += (u - 0.5) * (previous - 0.5);
            previous = u;
        }
        assertEquals(0.5, sum / n, 4 * Math.sqrt(1.0 / 12 / n));
        double chi2 = 0;
        for (int b : bins) {
            chi2 += (b - n / 10.0) * (b - n / 10.0) / (n / 10.0);
        }
        assertTrue(chi2 < 27.9, "chi-square with 9 degrees of freedom, p = 0.001: " + chi2);
        assertEquals(0, lag / n, 4 * (1.0 / 12) / Math.sqrt(n), "neighbouring streams are uncorrelated");
    }

    @Test
    void nextIntIsUnbiasedAndInRange() {
        KeyedRandom r = new KeyedRandom(42);
        int[] counts = new int[7];
        for (int i = 0; i < 70_000; i++) {
            counts[r.nextInt(7)]++;
        }
        for (int c : counts) {
            assertEquals(10_000, c, 4 * Math.sqrt(10_000 * 6.0 / 7));
        }
        for (int i = 0; i < 1000; i++) {
            int v = r.nextInt(Integer.MAX_VALUE);
            assertTrue(v >= 0);
        }
        assertEquals(0, r.nextInt(1));
    }

    @Test
    void gaussiansHaveUnitVariance() {
        KeyedRandom r = new KeyedRandom(3);
        int n = 100_000;
        double s = 0;
        double s2 = 0;
        double s4 = 0;
        for (int i = 0; i < n; i++) {
            double g = r.nextGaussian();
            s += g;
            s2 += g * g;
            s4 += g * g * g * g;
        }
        assertEquals(0, s / n, 4 / Math.sqrt(n));
        assertEquals(1, s2 / n, 4 * Math.sqrt(2.0 / n));
        assertEquals(3, s4 / n, 0.1, "kurtosis of a normal");
    }

    @Test
    void gaussiansFollowTheNormalCdfIntoTheTails() {
        // The ziggurat's rectangles, wedges and tail each cover part of the line: check the CDF at
        // points in every region, with a binomial 4-sigma tolerance at each.
        double[] x = {-4, -3.5, -3, -2.5, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4};
        double[] cdf = {3.167124183311998e-05, 0.0002326290790355401, 0.0013498980316301035, 0.006209665325776159,
                0.02275013194817921, 0.06680720126885809, 0.15865525393145707, 0.3085375387259869, 0.5,
                0.6914624612740131, 0.8413447460685429, 0.9331927987311419, 0.9772498680518208, 0.9937903346742238,
                0.9986501019683699, 0.9997673709209645, 0.9999683287581669};
        int n = 2_000_000;
        long[] below = new long[x.length];
        KeyedRandom r = new KeyedRandom(KeyedRandom.key(9, KeyedRandom.pathHash("cdf"), 0));
        for (int i = 0; i < n; i++) {
            double g = r.nextGaussian();
            for (int j = 0; j < x.length; j++) {
                if (g < x[j]) {
                    below[j]++;
                }
            }
        }
        for (int j = 0; j < x.length; j++) {
            double p = cdf[j];
            assertEquals(p * n, below[j], 4 * Math.sqrt(n * p * (1 - p)) + 1, "P(Z < " + x[j] + ")");
        }
    }

    @Test
    void exponentialsFollowTheExponentialCdfIntoTheTail() {
        double[] x = {0.01, 0.1, 0.5, 1, 2, 4, 7, 7.7, 9, 12};
        int n = 2_000_000;
        long[] below = new long[x.length];
        double sum = 0;
        KeyedRandom r = new KeyedRandom(KeyedRandom.key(9, KeyedRandom.pathHash("exp"), 0));
        for (int i = 0; i < n; i++) {
            double e = r.nextExponential();
            assertTrue(e >= 0);
            sum += e;
            for (int j = 0; j < x.length; j++) {
                if (e < x[j]) {
                    below[j]++;
                }
            }
        }
        assertEquals(1, sum / n, 4 / Math.sqrt(n));
        for (int j = 0; j < x.length; j++) {
            double p = -Math.expm1(-x[j]);
            assertEquals(p * n, below[j], 4 * Math.sqrt(n * p * (1 - p)) + 1, "P(E < " + x[j] + ")");
        }
    }
}
