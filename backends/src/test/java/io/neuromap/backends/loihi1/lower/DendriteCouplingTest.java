package io.neuromap.backends.loihi1.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The two_comp coupling formulas on hand-computed cases (units: nF, nS, ms, mV, pA are consistent:
 * nS x mV = pA, nF / nS = s; the tests use SI).
 */
class DendriteCouplingTest {
    private static final double NF = 1e-9;
    private static final double NS = 1e-9;
    private static final double MS = 1e-3;
    private static final double MV = 1e-3;
    private static final double NA = 1e-9;

    @Test
    void sharesAndTheSomasEffectiveRest() {
        // Dendrite: g_L = 0.5 nF / 30 ms = 16.67 nS; g_c = 10 nS is 10 / 26.67 = 0.375 of its leak.
        assertEquals(0.375, DendriteCoupling.share(0.5 * NF, 30 * MS, 10 * NS), 1e-12);
        // Soma: g_L = 50 nS; (50 x -70 + 10 x -65) / 60 = -69.1667 mV.
        assertEquals(-4150.0 / 60 * MV, DendriteCoupling.somaRest(1 * NF, 20 * MS, -70 * MV, 10 * NS, -65 * MV), 1e-12);
    }

    @Test
    void belowThresholdTheOperatingPointIsTheCoupledSteadyState() {
        // g_s = 60 nS, g_d = 26.67 nS, K_s = 50 x -70 = -3500 pA, K_d = 16.67 x -65 = -1083.3 pA:
        // V_s = (K_s g_d + g_c K_d) / (g_s g_d - g_c^2) = -104166.7 / 1500 = -69.444 mV (and V_d = -66.667 mV).
        double rest = DendriteCoupling.operatingPoint(1 * NF, 20 * MS, -70 * MV, -65 * MV, -50 * MV, 2 * MS, 0.5 * NF,
                30 * MS, -65 * MV, 10 * NS, 0, 0);
        assertEquals(-625.0 / 9 * MV, rest, 1e-9 * MV);
        // 0.4 nA into the soma: K_s = -3100 pA, V_s = (-3100 x 26.67 - 10833.3) / 1500 = -62.333 mV.
        double driven = DendriteCoupling.operatingPoint(1 * NF, 20 * MS, -70 * MV, -65 * MV, -50 * MV, 2 * MS, 0.5 * NF,
                30 * MS, -65 * MV, 10 * NS, 0.4 * NA, 0);
        assertEquals(-187.0 / 3 * MV, driven, 1e-9 * MV);
        // The same current into the dendrite reaches the soma through g_c / g_d: 400 x 10 / 1500 = 2.667 mV.
        double apical = DendriteCoupling.operatingPoint(1 * NF, 20 * MS, -70 * MV, -65 * MV, -50 * MV, 2 * MS, 0.5 * NF,
                30 * MS, -65 * MV, 10 * NS, 0, 0.4 * NA);
        assertEquals((-625.0 / 9 + 8.0 / 3) * MV, apical, 1e-9 * MV);
    }

    @Test
    void aFiringSomasMeanVoltageIsTheAverageOverItsPeriod() {
        // V_inf = -40 mV, tau 10 ms, reset -65, threshold -50: T = 10 ln(25 / 10) = 9.163 ms and the
        // free phase averages -40 - 10 x 15 / T = -56.370 mV; 2 ms at reset weigh in.
        double period = 10 * Math.log(2.5);
        double free = -40 - 150 / period;
        assertEquals(free * MV, DendriteCoupling.lifMeanVoltage(-40 * MV, 10 * MS, -65 * MV, -50 * MV, 0), 1e-12);
        assertEquals((period * free - 2 * 65) / (period + 2) * MV,
                DendriteCoupling.lifMeanVoltage(-40 * MV, 10 * MS, -65 * MV, -50 * MV, 2 * MS), 1e-12);
        // The closed form against a numerical average of V(t) = V_inf + (v_reset - V_inf) e^(-t / tau).
        int steps = 1_000_000;
        double sum = 0;
        for (int k = 0; k < steps; k++) {
            double t = (k + 0.5) / steps * period;
            sum += -40 + (-65 + 40) * Math.exp(-t / 10);
        }
        assertEquals(sum / steps, free, 1e-9);
        // Below threshold, the compartment does not fire: its mean is V_inf.
        assertEquals(-55 * MV, DendriteCoupling.lifMeanVoltage(-55 * MV, 10 * MS, -65 * MV, -50 * MV, 2 * MS), 0);
    }

    @Test
    void aSomaDrivenPastThresholdSitsAtTheFixedPoint() {
        double cmS = 1 * NF;
        double tauS = 20 * MS;
        double gc = 10 * NS;
        double driveS = 1.5 * NA;
        double driveD = 0.2 * NA;
        double v = DendriteCoupling.operatingPoint(cmS, tauS, -70 * MV, -65 * MV, -50 * MV, 2 * MS, 0.5 * NF, 30 * MS,
                -65 * MV, gc, driveS, driveD);
        assertTrue(v > -65 * MV && v < -50 * MV, "between reset and threshold: " + v);
        double gs = 50 * NS + gc;
        double gd = 0.5 * NF / (30 * MS) + gc;
        double vd = (0.5 * NF / (30 * MS) * -65 * MV + driveD + gc * v) / gd;
        double vInf = (50 * NS * -70 * MV + driveS + gc * vd) / gs;
        assertEquals(DendriteCoupling.lifMeanVoltage(vInf, cmS / gs, -65 * MV, -50 * MV, 2 * MS), v, 1e-12);
    }

    @Test
    void theDendritesScaleMakesItsPushTheCouplingCurrent() {
        // Soma scale 2 units/A, g_c / g_d = 0.375, half of the settled value per step (decay_v 2048): 0.375.
        assertEquals(0.375, DendriteCoupling.dendriteCurrentScale(2, 10 * NS, 0.5 * NF, 30 * MS, 2048), 1e-12);
        // A decay_v of 0 still moves the voltage by one unit's share.
        assertEquals(2 * 0.375 / 4096, DendriteCoupling.dendriteCurrentScale(2, 10 * NS, 0.5 * NF, 30 * MS, 0), 1e-15);
    }

    @Test
    void theDendritesDriveAndTheSomaErrorBound() {
        // 0.1 nA + 0.05 nA + 10 nS x (-60 - -65) mV = 0.2 nA.
        assertEquals(0.2 * NA, DendriteCoupling.dendriteDrive(0.1 * NA, 0.05 * NA, 10 * NS, -60 * MV, -65 * MV), 1e-20);
        // Shares 1/6 and 0.375, V* = -60 mV between -65 and -50: the swing is 10 mV, the bound 0.625 mV.
        assertEquals(0.625 * MV, DendriteCoupling.somaErrorBound(1.0 / 6, 0.375, -60 * MV, -65 * MV, -50 * MV), 1e-15);
        // At rest below reset (-69.4 mV) the swing is up to threshold.
        assertEquals(1.0 / 6 * 0.375 * 19.4 * MV,
                DendriteCoupling.somaErrorBound(1.0 / 6, 0.375, -69.4 * MV, -65 * MV, -50 * MV), 1e-15);
    }
}
