package io.neuromap.emulator.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The closed form against hand-computed distances, the written-out double sums, and the integral it stands for. */
class VanRossumTest {
    private static final double TAU = 10;

    @Test
    void identicalTrainsAreAtDistanceZero() {
        int[] a = {0, 3, 17, 40, 41};
        assertEquals(0, VanRossum.squaredDistance(a, a.clone(), TAU), 1e-12);
        assertEquals(0, VanRossum.squaredDistance(new int[0], new int[0], TAU));
    }

    @Test
    void oneSpikeAgainstNoneIsOneHalf() {
        assertEquals(0.5, VanRossum.squaredDistance(new int[] {7}, new int[0], TAU), 1e-15);
        assertEquals(0.5, VanRossum.squaredDistance(new int[0], new int[] {7}, TAU), 1e-15);
    }

    @Test
    void aSpikeMovedByDAddsOneMinusExpMinusDOverTau() {
        // D^2 = 1/2 (1 + 1 - 2 e^(-5/10)) = 1 - e^(-1/2) = 0.3934693402873666
        assertEquals(0.3934693402873666, VanRossum.squaredDistance(new int[] {20}, new int[] {25}, TAU), 1e-15);
        assertEquals(0.3934693402873666, VanRossum.squaredDistance(new int[] {25}, new int[] {20}, TAU), 1e-15);
    }

    @Test
    void twoSpikesAgainstNoneCountTheirOverlap() {
        // S(a, a) = 2 + 2 e^(-1): D^2 = 1 + e^(-1) = 1.3678794411714423
        assertEquals(1.3678794411714423, VanRossum.squaredDistance(new int[] {0, 10}, new int[0], TAU), 1e-15);
    }

    @Test
    void twoSpikesAgainstOneBetweenThem() {
        // 1/2 (S(a,a) + S(b,b) - 2 S(a,b)) = 1/2 (2 + 2e^-1 + 1 - 4 e^-0.5) = 0.6548181217...
        double expected = 0.5 * (3 + 2 * Math.exp(-1) - 4 * Math.exp(-0.5));
        assertEquals(expected, VanRossum.squaredDistance(new int[] {0, 10}, new int[] {5}, TAU), 1e-15);
        assertEquals(0.6548181217, expected, 1e-10);
    }

    @Test
    void simultaneousSpikesOfTheTwoTrainsMatch() {
        assertEquals(0, VanRossum.squaredDistance(new int[] {0, 4, 9}, new int[] {0, 4, 9}, 0.5), 1e-12);
        double d = VanRossum.squaredDistance(new int[] {4}, new int[] {4, 9}, TAU);
        assertEquals(0.5, d, 1e-12, "1/2 (1 + 2 + 2e^-0.5 - 2 (1 + e^-0.5)): the shared spike cancels, the extra one costs 1/2");
    }

    @Test
    void agreesWithTheDoubleSumsWrittenOut() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            int[] a = train(random, random.nextInt(30));
            int[] b = train(random, random.nextInt(30));
            double tau = 0.5 + random.nextDouble() * 30;
            double expected = 0.5 * (sum(a, a, tau) + sum(b, b, tau) - 2 * sum(a, b, tau));
            assertEquals(expected, VanRossum.squaredDistance(a, b, tau), 1e-9 * Math.max(1, expected),
                    Arrays.toString(a) + " " + Arrays.toString(b));
        }
    }

    @Test
    void equalsTheIntegralOfTheSquaredDifferenceOfTheFilteredTrains() {
        int[] a = {2, 9, 10, 30};
        int[] b = {3, 12, 31, 33, 60};
        double h = 1e-3;
        double integral = 0;
        for (double t = 0; t < 200; t += h) {
            double d = filtered(a, t + h / 2) - filtered(b, t + h / 2);
            integral += d * d * h;
        }
        assertEquals(integral / TAU, VanRossum.squaredDistance(a, b, TAU), 1e-6);
    }

    @Test
    void rangesSelectPartsOfSharedArrays() {
        int[] all = {1, 5, 9, 2, 6};
        assertEquals(VanRossum.squaredDistance(new int[] {1, 5, 9}, new int[] {2, 6}, TAU),
                VanRossum.squaredDistance(all, 0, 3, all, 3, 5, TAU), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> VanRossum.squaredDistance(all, all, 0));
        assertThrows(IllegalArgumentException.class, () -> VanRossum.squaredDistance(all, 3, 2, all, 0, 1, TAU));
        assertEquals(Math.sqrt(0.5), VanRossum.distance(new int[] {1}, new int[0], TAU), 1e-15);
    }

    private static int[] train(SplittableRandom random, int n) {
        int[] out = new int[n];
        int t = 0;
        for (int i = 0; i < n; i++) {
            t += 1 + random.nextInt(20);
            out[i] = t;
        }
        return out;
    }

    private static double sum(int[] x, int[] y, double tau) {
        double s = 0;
        for (int xi : x) {
            for (int yj : y) {
                s += Math.exp(-Math.abs(xi - yj) / tau);
            }
        }
        return s;
    }

    private static double filtered(int[] spikes, double t) {
        double f = 0;
        for (int s : spikes) {
            if (s <= t) {
                f += Math.exp(-(t - s) / TAU);
            }
        }
        return f;
    }
}
