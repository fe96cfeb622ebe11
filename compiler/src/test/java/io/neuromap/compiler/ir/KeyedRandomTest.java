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
}
