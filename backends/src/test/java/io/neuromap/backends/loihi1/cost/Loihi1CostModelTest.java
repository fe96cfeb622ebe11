package io.neuromap.backends.loihi1.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.report.Band;
import io.neuromap.backends.report.EstimateTerm;
import io.neuromap.backends.report.StepEstimate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cost model against numbers worked out by hand from specs/loihi1.md §4.1 (written here as
 * literal pJ and ns, not through the constants, so that a wrong constant fails).
 */
class Loihi1CostModelTest {
    private static final double PJ = 1e-12;
    private static final double NS = 1e-9;

    /** 100 compartments, 50 synaptic ops (10 plastic), 2 spikes, 4 messages out, 3 in, 2 E-W and 1 N-S hops. */
    private static Loihi1CoreActivity core() {
        return new Loihi1CoreActivity(100, 50, 10, 2, 4, 3, 2, 1);
    }

    private static void close(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * 1e-12 + 1e-30);
    }

    @Test
    void activeCompartmentsArePoissonArrivals() {
        close(100 * (1 - Math.exp(-0.5)), core().activeCompartments());
        // Never fewer than those that spike; never more than there are.
        close(5, new Loihi1CoreActivity(10, 0, 0, 5, 0, 0, 0, 0).activeCompartments());
        close(10, new Loihi1CoreActivity(10, 1e6, 0, 0, 0, 0, 0, 0).activeCompartments());
        close(0, new Loihi1CoreActivity(0, 0, 0, 0, 0, 0, 0, 0).activeCompartments());
    }

    @Test
    void energyPerStepNominalIsDaviesTable2() {
        StepEstimate e = Loihi1CostModel.estimate(new Loihi1Activity(List.of(core()), 1, 1, 0, 10, 1e-3));
        double active = 100 * (1 - Math.exp(-0.5));
        double nominal = 50 * 23.6 + active * 81 + (100 - active) * 52 + 4 * 1.7 + 2 * 3.0 + 1 * 4.0 + 10 * 120;
        close(nominal * PJ, e.energyJoules().nominal());
        close(8737.861086833364 * PJ, e.energyJoules().nominal());
    }

    @Test
    void energyBandSpansDaviesAndSanaFeWithItsError() {
        StepEstimate e = Loihi1CostModel.estimate(new Loihi1Activity(List.of(core()), 1, 1, 0, 10, 1e-3));
        // low: synop min(23.6, 24.0 x 0.88), compartments all inactive min(52, (51.2 + 21.6) x 0.88),
        // spikes 0, messages min(1.7, 111 x 0.88), hops min(3.0, 3.0 x 0.88) and min(4.0, 4.2 x 0.88), STDP 120
        double low = 50 * 21.12 + 100 * 52 + 0 + 4 * 1.7 + 2 * 2.64 + 1 * 3.696 + 10 * 120;
        // high: synop 35.5 x 1.12, compartments (51.2 + 27.6) x 1.12, spikes 69.3 x 1.12, messages 111 x 1.12,
        // hops 3.0 x 1.12 and 4.2 x 1.12, STDP 120
        double high = 50 * 39.76 + 100 * 88.256 + 2 * 77.616 + 4 * 124.32 + 2 * 3.36 + 1 * 4.704 + 10 * 120;
        close(7471.776 * PJ, low * PJ);
        close(low * PJ, e.energyJoules().low());
        close(12677.536 * PJ, e.energyJoules().high());
        close(high * PJ, e.energyJoules().high());
    }

    @Test
    void termsSumToTheTotal() {
        StepEstimate e = Loihi1CostModel.estimate(new Loihi1Activity(List.of(core(), core()), 1, 1, 0, 10, 1e-3));
        Band sum = Band.exactly(0);
        for (EstimateTerm t : e.terms()) {
            sum = sum.plus(t.energyJoules());
        }
        close(sum.nominal(), e.energyJoules().nominal());
        close(sum.low(), e.energyJoules().low());
        close(sum.high(), e.energyJoules().high());
        EstimateTerm synops = e.terms().get(0);
        assertEquals("synaptic op", synops.event());
        close(100, synops.perStep());
        close(100 * 23.6 * PJ, synops.energyJoules().nominal());
    }

    @Test
    void timePerStepIsTheBusiestCorePlusBarrier() {
        StepEstimate e = Loihi1CostModel.estimate(new Loihi1Activity(List.of(core()), 1, 1, 0, 10, 1e-3));
        double active = 100 * (1 - Math.exp(-0.5));
        // nominal: 50 x 3.5 + active x 8.4 + idle x 5.3 + 10 x 6.1 ns, barrier 113 ns (one tile)
        double nominal = 50 * 3.5 + active * 8.4 + (100 - active) * 5.3 + 10 * 6.1 + 113;
        close(1000.9754954890836 * NS, nominal * NS);
        close(nominal * NS, e.timeSeconds().nominal());
        // low: 50 x min(3.5, 3.1 x 0.76) + 100 x min(5.3, 9.7 x 0.76) + 10 x 6.1, barrier 113 ns
        close((50 * 2.356 + 100 * 5.3 + 61 + 113) * NS, e.timeSeconds().low());
        // high: 50 x 4.7 x 1.24 + 100 x 9.7 x 1.24 + 2 x 30 x 1.24 + 4 x 5.1 x 1.24 + 3 x 20 x 1.24 + 61, barrier 465 ns
        close((50 * 5.828 + 100 * 12.028 + 2 * 37.2 + 4 * 6.324 + 3 * 24.8 + 61 + 465) * NS, e.timeSeconds().high());
    }

    @Test
    void timeTakesTheBusiestCoreNotTheSum() {
        Loihi1CoreActivity idle = new Loihi1CoreActivity(10, 0, 0, 0, 0, 0, 0, 0);
        StepEstimate one = Loihi1CostModel.estimate(new Loihi1Activity(List.of(core()), 1, 1, 0, 10, 1e-3));
        StepEstimate two = Loihi1CostModel.estimate(new Loihi1Activity(List.of(idle, core()), 1, 1, 0, 10, 1e-3));
        close(one.timeSeconds().nominal(), two.timeSeconds().nominal());
        close(one.energyJoules().nominal() + 10 * 52 * PJ, two.energyJoules().nominal());
    }

    @Test
    void barrierInterpolatesOverTilesAndChips() {
        close(113 * NS, Loihi1CostModel.barrier(1, 1).nominal());
        close(465 * NS, Loihi1CostModel.barrier(1, 32).nominal());
        close((113 + 352.0 * 15 / 31) * NS, Loihi1CostModel.barrier(1, 16).nominal());
        close(16.2e-6, Loihi1CostModel.barrier(768, 3072).nominal());
        Band two = Loihi1CostModel.barrier(2, 40);
        close((465 + (16200 - 465) / 767.0) * NS, two.nominal());
        close(465 * NS, two.low());
        close(16.2e-6, two.high());
        assertTrue(Loihi1CostModel.barrier(1000, 4000).high() > 16.2e-6);
    }

    @Test
    void assumptionsNameTheDefaultRateAndStaticPower() {
        StepEstimate e = Loihi1CostModel.estimate(new Loihi1Activity(List.of(core()), 1, 1, 2.5, 10, 1e-3));
        assertTrue(e.assumptions().get(0).startsWith("neurons whose rate the network does not state fire at 10 Hz"),
                e.assumptions().get(0));
        assertTrue(e.assumptions().get(0).endsWith("time step 0.001 s"), e.assumptions().get(0));
        assertTrue(e.assumptions().stream().anyMatch(a -> a.startsWith("2.5 spike messages per step injected by the "
                + "host")), e.assumptions().toString());
        assertTrue(e.assumptions().stream().anyMatch(a -> a.startsWith("dynamic energy only: static power (about "
                + "104 mW per chip")), e.assumptions().toString());
        assertTrue(e.sources().get(0).startsWith("Davies18"));
        assertTrue(e.sources().get(1).contains("c55bfa87a0d9"));
    }

    @Test
    void rejectsImpossibleActivity() {
        assertThrows(IllegalArgumentException.class, () -> new Loihi1CoreActivity(1, 1, 2, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Loihi1CoreActivity(-1, 0, 0, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Loihi1CoreActivity(1, Double.NaN, 0, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Loihi1Activity(List.of(), 1, 1, 0, 10, 0));
    }
}
