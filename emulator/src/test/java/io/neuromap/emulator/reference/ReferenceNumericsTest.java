package io.neuromap.emulator.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.neuromap.compiler.model.LifPropagators;
import org.junit.jupiter.api.Test;

/** The propagators and the matrix exponential against closed forms. */
class ReferenceNumericsTest {
    @Test
    void p21MatchesTheDifferenceOfExponentialsAndItsEqualTimeConstantLimit() {
        double h = 1e-3;
        double c = 0.25e-9;
        double tauM = 20e-3;
        for (double tauS : new double[] {1e-3, 5e-3, 19e-3, 30e-3}) {
            double direct = tauS * tauM / (c * (tauM - tauS)) * (Math.exp(-h / tauM) - Math.exp(-h / tauS));
            assertEquals(direct, LifPropagators.p21(h, tauS, tauM, c), Math.abs(direct) * 1e-12, "tau_syn " + tauS);
        }
        double limit = h / c * Math.exp(-h / tauM);
        assertEquals(limit, LifPropagators.p21(h, tauM, tauM, c), limit * 1e-14, "tau_syn = tau_m");
        assertEquals(limit, LifPropagators.p21(h, tauM * (1 + 1e-12), tauM, c), limit * 1e-9, "continuous at the limit");
        double p20 = tauM / c * (1 - Math.exp(-h / tauM));
        assertEquals(p20, LifPropagators.p20(h, tauM, c), p20 * 1e-14);
    }

    @Test
    void refractoryPeriodsRoundToTheGrid() {
        assertEquals(0, LifPropagators.refractorySteps(0.1e-3, 1e-3));
        assertEquals(2, LifPropagators.refractorySteps(2e-3, 1e-3));
        assertEquals(20, LifPropagators.refractorySteps(2e-3, 0.1e-3));
        assertEquals(3, LifPropagators.refractorySteps(2.6e-3, 1e-3));
    }

    @Test
    void matrixExponentialOfKnownMatrices() {
        MatrixExponential e = new MatrixExponential(2);
        double[] out = new double[4];
        e.compute(new double[] {0, 1, -1, 0}, 2.5, out);
        assertArray(new double[] {Math.cos(2.5), Math.sin(2.5), -Math.sin(2.5), Math.cos(2.5)}, out, 1e-14);
        e.compute(new double[] {0, 1, 0, 0}, 7, out);
        assertArray(new double[] {1, 7, 0, 1}, out, 1e-14);
        e.compute(new double[] {-200, 0, 0, -3}, 0.01, out);
        assertArray(new double[] {Math.exp(-2), 0, 0, Math.exp(-0.03)}, out, 1e-15);
        MatrixExponential three = new MatrixExponential(3);
        double[] big = new double[9];
        three.compute(new double[] {-1, 1, 0, 0, -1, 1, 0, 0, -1}, 3, big);
        double x = Math.exp(-3);
        assertArray(new double[] {x, 3 * x, 4.5 * x, 0, x, 3 * x, 0, 0, x}, big, 1e-15);
    }

    @Test
    void compartmentPropagatorSpectralFormAgreesWithTheMatrixExponential() {
        java.util.Random random = new java.util.Random(1);
        CompartmentPropagator p = new CompartmentPropagator();
        double[] spectral = new double[16];
        double[] matrix = new double[16];
        for (int trial = 0; trial < 500; trial++) {
            double cs = 0.2e-9 + random.nextDouble() * 2e-9;
            double cd = 0.1e-9 + random.nextDouble() * 2e-9;
            double gls = cs / (5e-3 + random.nextDouble() * 60e-3);
            double gld = cd / (5e-3 + random.nextDouble() * 100e-3);
            double gc = random.nextDouble() * 30e-9;
            double[] rates = new double[4];
            for (int j = 0; j < 4; j++) {
                rates[j] = -1 / (0.5e-3 + random.nextDouble() * 20e-3);
            }
            if (trial % 5 == 0) {
                // An input whose rate equals the leak of the soma: phi1 at (nearly) 0 must stay exact.
                rates[0] = -(gls + gc) / cs;
            }
            double h = trial % 2 == 0 ? 1e-3 : 1e-5;
            org.junit.jupiter.api.Assertions.assertTrue(CompartmentPropagator.spectral(cs, gls, cd, gld, gc, rates, h, spectral));
            p.byMatrixExponential(cs, gls, cd, gld, gc, rates, h, matrix);
            for (int k = 0; k < 16; k++) {
                double scale = Math.max(Math.abs(matrix[k]), k % 8 < 2 ? 1 : h / Math.min(cs, cd) * 1e-3);
                assertEquals(matrix[k], spectral[k], 1e-11 * scale, "trial " + trial + ", coefficient " + k);
            }
        }
    }

    @Test
    void uncoupledEqualCompartmentsFallBackToTheMatrixExponential() {
        double[] rates = {-200, -100, -200, -100};
        double[] out = new double[16];
        org.junit.jupiter.api.Assertions.assertFalse(CompartmentPropagator.spectral(1e-9, 50e-9, 1e-9, 50e-9, 0, rates, 1e-3, out));
        new CompartmentPropagator().compute(1e-9, 50e-9, 1e-9, 50e-9, 0, rates, 1e-3, out);
        assertEquals(Math.exp(-50e-3), out[0], 1e-15);
        assertEquals(0, out[1], 1e-15);
        assertEquals(LifPropagators.p21(1e-3, 5e-3, 20e-3, 1e-9), out[2], 1e-6 * 1e-9 * 1e6);
    }

    private static void assertArray(double[] expected, double[] actual, double tolerance) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance, "entry " + i);
        }
    }
}
