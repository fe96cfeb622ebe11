package io.neuromap.backends.loihi1.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link NeuronLowering#gridCharge}: with it, the chip's recurrence ({@code u} decaying by P11,
 * {@code v <- P22 v + R (1 - P22) u}) answers a spike with the model's exact membrane response
 * sampled on the grid, whatever the ratio of the time constants to the step.
 */
class GridChargeTest {
    private static final double H = 1e-3;
    private static final double C = 1e-9;
    private static final double W = 2e-8;

    /** The model's membrane response at time t to a spike of weight W at 0 (C dV/dt = -V/R + I). */
    private static double exact(double t, double tauSyn, double tauMem) {
        if (tauSyn == tauMem) {
            return W * t / C * Math.exp(-t / tauMem);
        }
        return W * tauSyn * tauMem / (C * (tauMem - tauSyn)) * (Math.exp(-t / tauMem) - Math.exp(-t / tauSyn));
    }

    @Test
    void theChipsRecurrenceSamplesTheExactResponse() {
        double[][] cases = {{1e-3, 10e-3}, {1e-3, 5e-3}, {0.5e-3, 20e-3}, {5e-3, 20e-3}, {4e-3, 4e-3}, {20e-3, 2e-3}};
        for (double[] k : cases) {
            double tauSyn = k[0];
            double tauMem = k[1];
            double p11 = Math.exp(-H / tauSyn);
            double p22 = Math.exp(-H / tauMem);
            double r = tauMem / C;
            // u0 M = W gridCharge, with the ideal decay's M = 1 / (1 - P11).
            double u = W * NeuronLowering.gridCharge(H, tauSyn, tauMem) * (1 - p11);
            double v = 0;
            for (int step = 0; step < 40; step++) {
                v = p22 * v + r * (1 - p22) * u;
                u *= p11;
                double want = exact((step + 1) * H, tauSyn, tauMem);
                assertEquals(want, v, Math.abs(want) * 1e-9, "tau_syn " + tauSyn + ", tau_m " + tauMem + ", step " + step);
            }
        }
    }

    @Test
    void longTimeConstantsKeepTheSpikesCharge() {
        // tau_syn / h to second order in h / tau: the charge normalisation nengo-loihi uses.
        assertEquals(1, NeuronLowering.gridCharge(H, 100e-3, 200e-3) / 100, 1e-4);
        assertEquals(5 * 0.99917, NeuronLowering.gridCharge(H, 5e-3, 20e-3), 5e-5);
        // With tau_syn = h the first order is all there is: 0.8 % (tau_m 10 ms) and 1.6 % (5 ms) less.
        assertEquals(0.99182, NeuronLowering.gridCharge(H, 1e-3, 10e-3), 1e-5);
        assertEquals(0.98367, NeuronLowering.gridCharge(H, 1e-3, 5e-3), 1e-5);
    }

    @Test
    void noCurrentAndNoLeakAreTheirLimits() {
        assertEquals(0, NeuronLowering.gridCharge(H, 0, 10e-3));
        assertEquals(5, NeuronLowering.gridCharge(H, 5e-3, Double.POSITIVE_INFINITY), 1e-12);
    }
}
