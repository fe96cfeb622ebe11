package io.neuromap.backends.loihi1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * nengo-loihi's discretization beyond the golden functions: decays from time constants, the
 * decay-magnitude correction, the block scale choice and the synapse weight exponent.
 */
final class Loihi1DiscretizationTest {
    private static final double DT = 0.001;

    @Test
    void decaysFromTimeConstantsMatchNengoLoihisFloat32Arithmetic() {
        // {tau (s), decayU, decayV}, computed with numpy 2.4 by nengo-loihi's formulas (float32).
        double[][] table = {
            {0.001, 2588, 2589}, {0.002, 1610, 1611}, {0.005, 741, 742}, {0.01, 389, 390},
            {0.02, 199, 200}, {0.1, 40, 41}, {1.0, 3, 4}, {0.0005, 3540, 3541},
        };
        for (double[] row : table) {
            assertEquals((int) row[1], Loihi1Discretization.decayUFromTau(row[0], DT), "decayU tau=" + row[0]);
            assertEquals((int) row[2], Loihi1Discretization.decayVFromTau(row[0], DT), "decayV tau=" + row[0]);
        }
        assertEquals(4094, Loihi1Discretization.decayUFromTau(0, DT), "tau 0 means no filter");
        assertEquals(0, Loihi1Discretization.decayVFromTau(Double.POSITIVE_INFINITY, DT), "no leak");
        assertEquals(0, Loihi1Discretization.decayUInt(0.0f), "clipped at 0");
    }

    @Test
    void decayScalingThresholdIsHalfADecayUnit() {
        assertTrue(Loihi1Discretization.isDecayScalable(Loihi1Discretization.decayFraction(1.0, DT)));
        assertFalse(Loihi1Discretization.isDecayScalable(Loihi1Discretization.decayFraction(10.0, DT)));
        assertEquals(3, Loihi1Discretization.refractoryDelay(0.002, DT));
        assertEquals(1, Loihi1Discretization.refractoryDelay(0.0, DT));
    }

    @Test
    void decayMagnitudeMatchesUpstreamValues() {
        // {decay, offset, decay_magnitude(decay, x0=2^21, offset)} from numpy 2.4.
        double[][] table = {
            {0, 1, 4068.558651678331}, {4, 1, 817.8487394723425}, {180, 1, 22.628402150142296},
            {741, 1, 5.520127454396134}, {4094, 1, 1.0002437679481546}, {200, 0, 20.478820278663417},
        };
        double x0 = 1 << Loihi1Limits.Q_BITS;
        for (double[] row : table) {
            double actual = Loihi1Discretization.decayMagnitude(row[0], x0, Loihi1Limits.DECAY_BITS, (int) row[1]);
            assertEquals(row[2], actual, Math.abs(row[2]) * 1e-12, "decay " + row[0]);
        }
        assertEquals(1.0 / table[3][2], Loihi1Discretization.currentInputFactor(741), 1e-12);
        assertEquals(1.0 / table[5][2], Loihi1Discretization.voltageInputFactor(200), 1e-12);
    }

    @Test
    void decayMagnitudeEstimatesTheIntegerSeries() {
        long x0 = 1L << Loihi1Limits.Q_BITS;
        for (int offset = 0; offset <= 1; offset++) {
            for (int decay : new int[] {4, 40, 180, 741, 2000, 4000}) {
                long sum = 0;
                for (long x = x0; x > 0; x = Loihi1FixedPoint.decayInt(x, decay, offset)) {
                    sum += x;
                }
                double estimate = Loihi1Discretization.decayMagnitude(decay, x0, Loihi1Limits.DECAY_BITS, offset);
                assertEquals(1.0, (double) sum / x0 / estimate, 1e-4, "decay " + decay + " offset " + offset);
            }
        }
    }

    @Test
    void blockScaleTakesTheFirstExponentThatFits() throws Loihi1QuantizationException {
        Loihi1CompartmentScale easy = Loihi1Discretization.compartmentScale(2.0, 1.0, 1.0, 1.0, 0.5);
        assertEquals(0, easy.weightExp());
        assertEquals(255 / 2.0, easy.weightScale());
        assertEquals(255 / 2.0 * 64, easy.voltageScale());

        double uInf = Loihi1Discretization.currentInputFactor(Loihi1Discretization.decayUFromTau(0.005, DT));
        int deepest = 0;
        for (double vth : new double[] {1, 50, 400, 2000, 10_000}) {
            Loihi1CompartmentScale s = Loihi1Discretization.compartmentScale(1.0, uInf, 1.0, vth, 0);
            deepest = Math.min(deepest, s.weightExp());
            assertTrue(Math.rint(vth * s.voltageScale()) <= Loihi1Limits.VTH_MAX, "vth " + vth);
            if (s.weightExp() < 0) {
                double looser = s.voltageScale() * 2;
                assertTrue(Math.rint(vth * looser) > Loihi1Limits.VTH_MAX, "exponent " + s.weightExp()
                        + " is not the first that fits for vth " + vth);
            }
        }
        assertEquals(Loihi1Limits.WEIGHT_EXP_MIN, deepest, "the sweep reaches the last exponent");
        Loihi1QuantizationException e = assertThrows(Loihi1QuantizationException.class,
                () -> Loihi1Discretization.compartmentScale(1e-6, 1.0, 1.0, 1e6, 0));
        assertEquals(Loihi1QuantizationException.Reason.NO_WEIGHT_EXPONENT, e.reason());
        assertEquals("Could not find appropriate weight exponent", e.upstreamMessage());
    }

    @Test
    void blockScaleWithoutWeightsUsesBiasOrThreshold() throws Loihi1QuantizationException {
        Loihi1CompartmentScale bias = Loihi1Discretization.compartmentScale(0, 1.0, 1.0, 1.0, 2.0);
        assertEquals(0, bias.weightExp());
        assertTrue(Math.rint(2.0 * bias.biasScale()) <= Loihi1Limits.BIAS_MAX);
        assertTrue(Math.rint(1.0 * bias.voltageScale()) <= Loihi1Limits.VTH_MAX);

        Loihi1QuantizationException e = assertThrows(Loihi1QuantizationException.class,
                () -> Loihi1Discretization.compartmentScale(0, 1.0, 1.0, 1e3, 1e-6));
        assertEquals(Loihi1QuantizationException.Reason.NO_BIAS_SCALING, e.reason());

        Loihi1CompartmentScale none = Loihi1Discretization.compartmentScale(0, 1.0, 1.0, 1.0, 0);
        assertEquals(((1 << Loihi1Limits.Q_BITS) - 1) / 2.0, none.voltageScale());
    }

    @Test
    void smallerSynapsesGetSmallerExponentsDownToMinusSix() {
        assertEquals(-2, Loihi1Discretization.synapseWeightExponent(-2, 10, 10));
        assertEquals(-4, Loihi1Discretization.synapseWeightExponent(-2, 10, 2.4));
        assertEquals(2, Loihi1Discretization.synapseWeightShift(-2, 10, 2.4));
        assertEquals(-3, Loihi1Discretization.synapseWeightExponent(-2, 8, 4), "exact power of two");
        assertEquals(-6, Loihi1Discretization.synapseWeightExponent(-5, 8, 1));
        assertEquals(3, Loihi1Discretization.synapseWeightShift(-5, 8, 1), "not reduced at the floor");
        assertEquals(-6, Loihi1Discretization.synapseWeightExponent(0, 8, 0));
        assertEquals(6, Loihi1Discretization.synapseWeightShift(0, 8, 0));
    }

    @Test
    void weightHelpers() {
        assertEquals(1, Loihi1Discretization.shiftBits(7, true));
        assertEquals(4, Loihi1Discretization.shiftBits(4, false));
        assertEquals(6, Loihi1Discretization.lostWeightBits(1, -7));
        assertEquals(0, Loihi1Discretization.lostWeightBits(1, -1));
        assertEquals(-128, Loihi1Discretization.chipWeightMantissa(-64, -7), "scale 2^(6 - 7) = 0.5");
        assertEquals(255, Loihi1Discretization.chipWeightMantissa(255 * 64, 0));
        // The lossy two-part shift rounds small weights to 0 or to multiples of 64; the lossless
        // shift keeps them (values from nengo-loihi's discretize_weights under numpy 2.4).
        assertEquals(0, Loihi1Discretization.discretizeWeight(3.0, 1, -6, true));
        assertEquals(4, Loihi1Discretization.discretizeWeight(3.0, 1, -6, false));
        assertEquals(64, Loihi1Discretization.discretizeWeight(40.0, 1, -6, true));
        assertEquals(40, Loihi1Discretization.discretizeWeight(40.0, 1, -6, false));
    }

    @Test
    void exactLogarithmsAtPowersOfTwo() {
        assertEquals(3, Loihi1Discretization.floorLog2(8.0));
        assertEquals(2, Loihi1Discretization.floorLog2(Math.nextDown(8.0)));
        assertEquals(3, Loihi1Discretization.ceilLog2(8.0));
        assertEquals(4, Loihi1Discretization.ceilLog2(Math.nextUp(8.0)));
        assertEquals(-1074, Loihi1Discretization.floorLog2(Double.MIN_VALUE));
        assertEquals(10.0, Loihi1Discretization.log2(1024.0));
        assertEquals(7, Loihi1Discretization.vmaxExponent(Double.POSITIVE_INFINITY));
        assertEquals(0, Loihi1Discretization.vmaxExponent(1023), "(10 - 9) / 2 = 0.5 rounds to even");
        assertEquals(1, Loihi1Discretization.vmaxExponent(2047));
        assertEquals(0, Loihi1Discretization.vminExponent(0));
        assertEquals(23, Loihi1Discretization.vminExponent(-(1 << 23) + 1));
        assertThrows(IllegalArgumentException.class, () -> Loihi1Discretization.floorLog2(0));
    }
}
