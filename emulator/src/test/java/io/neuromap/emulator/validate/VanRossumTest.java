package io.neuromap.emulator.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.neuromap.emulator.record.SpikeRecorder;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The closed form against hand-computed distances, the written-out double sums, and the integral
 * it stands for; the per-spike normalisation on synthetic trains (identical 0, unrelated 1).
 */
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

    @Test
    void perSpikeIsZeroForIdenticalRecordings() {
        SpikeTrains a = trains(new int[][] {{0, 3, 17, 40}, {5}, {}});
        assertEquals(0, VanRossum.perSpike(a, a, 0, 3, TAU), 1e-12);
        SpikeTrains none = trains(new int[][] {{}, {}});
        assertEquals(0, VanRossum.perSpike(none, none, 0, 2, TAU), "no spikes: nothing to tell apart");
    }

    @Test
    void perSpikeOfOneMissingSpikeAmongNIsOneOverTwoNMinusOne() {
        // 10 neurons x 20 spikes 100 steps apart (tau 10: no overlap to speak of); the emulation lacks one.
        int[][] ref = new int[10][20];
        int[][] emu = new int[10][];
        for (int g = 0; g < 10; g++) {
            for (int k = 0; k < 20; k++) {
                ref[g][k] = 7 * g + 100 * k;
            }
            emu[g] = g == 3 ? Arrays.copyOfRange(ref[g], 1, 20) : ref[g].clone();
        }
        // D^2 = 1/2 exactly up to e^(-10) overlaps; n = (200 + 199) / 2.
        assertEquals(1 / 399.0, VanRossum.perSpike(trains(ref), trains(emu), 0, 10, TAU), 1e-6);
    }

    @Test
    void perSpikeOfDisjointFarApartTrainsIsOne() {
        // Spikes 200 steps apart, the emulation's halfway between the reference's: each spike adds
        // 1/2 (the rest is e^(-10)), 2n halves over a mean count of n.
        int[][] ref = new int[50][30];
        int[][] emu = new int[50][30];
        for (int g = 0; g < 50; g++) {
            for (int k = 0; k < 30; k++) {
                ref[g][k] = 200 * k;
                emu[g][k] = 200 * k + 100;
            }
        }
        assertEquals(1, VanRossum.perSpike(trains(ref), trains(emu), 0, 50, TAU), 1e-3);
        int[][] none = new int[50][0];
        assertEquals(1, VanRossum.perSpike(trains(ref), trains(none), 0, 50, TAU), 1e-3,
                "against silence: n halves over a mean count of n / 2");
    }

    @Test
    void perSpikeOfIndependentPoissonTrainsOfEqualRatesIsOneOnAverage() {
        // In continuous time E S(a,b) = n_a r_b 2 tau and E S(a,a) = n_a + n_a r_a 2 tau, so
        // E D^2 = (n_a + n_b) / 2: unrelated trains score 1 per spike whatever the rate. On a grid
        // of steps, trains that spike with probability p per step also coincide by chance: S(a,b)
        // gains p^2 per step and the score is 1 - p.
        SplittableRandom random = new SplittableRandom(5);
        for (double p : new double[] {0.001, 0.01, 0.3}) {
            int[][] a = new int[400][];
            int[][] b = new int[400][];
            for (int g = 0; g < 400; g++) {
                a[g] = bernoulli(random, p, 5000);
                b[g] = bernoulli(random, p, 5000);
            }
            assertEquals(1 - p, VanRossum.perSpike(trains(a), trains(b), 0, 400, TAU), 0.02, "p = " + p);
        }
    }

    @Test
    void perSpikeRejectsNeuronsOutsideTheRecordings() {
        SpikeTrains a = trains(new int[][] {{1}, {2}});
        assertThrows(IllegalArgumentException.class, () -> VanRossum.perSpike(a, a, 0, 3, TAU));
        assertThrows(IllegalArgumentException.class, () -> VanRossum.perSpike(a, a, 2, 1, TAU));
    }

    /** Trains of neurons 0..n-1, spikes of each ascending. */
    private static SpikeTrains trains(int[][] perNeuron) {
        int steps = 0;
        for (int[] t : perNeuron) {
            for (int s : t) {
                steps = Math.max(steps, s + 1);
            }
        }
        int[] next = new int[perNeuron.length];
        SpikeRecorder r = new SpikeRecorder();
        for (int s = 0; s < steps; s++) {
            for (int g = 0; g < perNeuron.length; g++) {
                if (next[g] < perNeuron[g].length && perNeuron[g][next[g]] == s) {
                    r.record(s, g);
                    next[g]++;
                }
            }
        }
        return SpikeTrains.of(r, perNeuron.length, steps);
    }

    /** A Bernoulli train of {@code steps} steps, spiking with probability {@code p} per step. */
    private static int[] bernoulli(SplittableRandom random, double p, int steps) {
        return java.util.stream.IntStream.range(0, steps).filter(s -> random.nextDouble() < p).toArray();
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
