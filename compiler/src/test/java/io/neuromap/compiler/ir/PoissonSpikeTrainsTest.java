package io.neuromap.compiler.ir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PoissonSpikeTrainsTest {
    private static final double DT = 1e-3;

    @Test
    void spikeCountsMatchTheRate() {
        PoissonSpikeTrains t = new PoissonSpikeTrains(7, "Net/ctx", DT);
        long steps = 100_000;
        long spikes = 0;
        for (int n = 0; n < 10; n++) {
            spikes += t.spikeSteps(n, 20, 0, steps).length;
        }
        double p = PoissonSpikeTrains.stepProbability(20, DT);
        double expected = 10 * steps * p;
        assertEquals(expected, spikes, 4 * Math.sqrt(expected * (1 - p)));
        assertEquals(1 - Math.exp(-0.02), p, 1e-15);
    }

    @Test
    void trainsAreDeterministicAndReadableFromAnyStep() {
        PoissonSpikeTrains a = new PoissonSpikeTrains(7, "Net/ctx", DT);
        PoissonSpikeTrains b = new PoissonSpikeTrains(7, "Net/ctx", DT);
        long[] whole = a.spikeSteps(3, 50, 0, 10_000);
        assertArrayEquals(whole, b.spikeSteps(3, 50, 0, 10_000));
        long[] tail = a.spikeSteps(3, 50, 5_000, 10_000);
        assertArrayEquals(Arrays.stream(whole).filter(s -> s >= 5_000).toArray(), tail);
        double p = PoissonSpikeTrains.stepProbability(50, DT);
        for (long s = 0; s < 10_000; s++) {
            assertEquals(Arrays.binarySearch(whole, s) >= 0, a.fires(3, s, p));
        }
    }

    @Test
    void neuronsPathsAndSeedsGiveIndependentTrains() {
        PoissonSpikeTrains t = new PoissonSpikeTrains(7, "Net/ctx", DT);
        long[] n0 = t.spikeSteps(0, 50, 0, 10_000);
        assertFalse(Arrays.equals(n0, t.spikeSteps(1, 50, 0, 10_000)));
        assertFalse(Arrays.equals(n0, new PoissonSpikeTrains(7, "Net/other", DT).spikeSteps(0, 50, 0, 10_000)));
        assertFalse(Arrays.equals(n0, new PoissonSpikeTrains(8, "Net/ctx", DT).spikeSteps(0, 50, 0, 10_000)));
        // Coincidences between two neurons are as rare as independence predicts.
        long[] n1 = t.spikeSteps(1, 50, 0, 10_000);
        long both = Arrays.stream(n0).filter(s -> Arrays.binarySearch(n1, s) >= 0).count();
        double p = PoissonSpikeTrains.stepProbability(50, DT);
        assertEquals(10_000 * p * p, both, 4 * Math.sqrt(10_000 * p * p) + 1);
    }

    @Test
    void stepsOfTimes() {
        assertEquals(0, PoissonSpikeTrains.stepAtOrAfter(0, DT));
        assertEquals(100, PoissonSpikeTrains.stepAtOrAfter(0.1, DT));
        assertEquals(101, PoissonSpikeTrains.stepAtOrAfter(0.1005, DT));
        assertEquals(Long.MAX_VALUE, PoissonSpikeTrains.stepAtOrAfter(Double.POSITIVE_INFINITY, DT));
        assertEquals(0, PoissonSpikeTrains.stepProbability(0, DT));
        assertNotEquals(0, PoissonSpikeTrains.stepProbability(1, DT));
    }
}
