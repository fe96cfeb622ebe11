package io.neuromap.backends.loihi1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Laws and edge cases of the compartment's integer operations (loihi1.md §2). */
final class Loihi1FixedPointTest {
    private static final long U_LIMIT = 1L << 23;

    @Test
    void wrapIsModularAndFlagsExactlyTheChangedValues() {
        SplittableRandom random = new SplittableRandom(7);
        for (int bits : new int[] {Loihi1Limits.Q_BITS, Loihi1Limits.U_BITS}) {
            long modulus = 1L << (bits + 1);
            for (int i = 0; i < 100_000; i++) {
                long x = i % 2 == 0 ? random.nextLong(-(1L << 40), 1L << 40) : random.nextLong(-modulus, modulus);
                long y = Loihi1FixedPoint.wrapSigned(x, bits);
                assertTrue(y >= -(1L << bits) && y < (1L << bits), "range of " + x);
                assertEquals(0, Math.floorMod(x - y, modulus), "congruence of " + x);
                assertEquals(y != x, Loihi1FixedPoint.overflowsSigned(x, bits), "flag of " + x);
            }
        }
    }

    @Test
    void lavaCurrentWrapKeepsPlusTwoTo23AndMovesMinusTwoTo23() {
        assertEquals(U_LIMIT, Loihi1FixedPoint.lavaWrapCurrent(U_LIMIT));
        assertFalse(Loihi1FixedPoint.lavaCurrentWraps(U_LIMIT));
        assertEquals(-U_LIMIT + 1, Loihi1FixedPoint.lavaWrapCurrent(U_LIMIT + 1));
        assertEquals(U_LIMIT, Loihi1FixedPoint.lavaWrapCurrent(-U_LIMIT));
        assertTrue(Loihi1FixedPoint.lavaCurrentWraps(-U_LIMIT));
        assertEquals(-U_LIMIT + 1, Loihi1FixedPoint.lavaWrapCurrent(-U_LIMIT + 1));
        // nengo-loihi's true wrap differs at both edges.
        assertEquals(-U_LIMIT, Loihi1FixedPoint.wrapSigned(U_LIMIT, Loihi1Limits.U_BITS));
        assertEquals(-U_LIMIT, Loihi1FixedPoint.wrapSigned(-U_LIMIT, Loihi1Limits.U_BITS));
    }

    @Test
    void decayRoundsTowardZeroSymmetrically() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 50_000; i++) {
            long x = random.nextLong(-U_LIMIT, U_LIMIT);
            long r = random.nextLong(0, Loihi1Limits.DECAY_UNITY + 1);
            long y = Loihi1FixedPoint.truncDecay(x, r);
            assertEquals(-y, Loihi1FixedPoint.truncDecay(-x, r));
            assertTrue(Math.abs(y) * Loihi1Limits.DECAY_UNITY <= Math.abs(x) * r);
            assertTrue((Math.abs(y) + 1) * Loihi1Limits.DECAY_UNITY > Math.abs(x) * r);
        }
        // Java's >> alone would give -1 here: the decay must round toward zero.
        assertEquals(0, Loihi1FixedPoint.truncDecay(-1, 4095));
        assertEquals(0, Loihi1FixedPoint.decayInt(-100_000, 4095, 1));
    }

    @Test
    void biasThresholdAndWeightScaling() {
        assertEquals(-12, Loihi1FixedPoint.effectiveBias(-3, 2));
        assertEquals(2, Loihi1FixedPoint.effectiveBias(5, -1));
        assertEquals(-3, Loihi1FixedPoint.effectiveBias(-5, -1));
        assertEquals(256 * 64, Loihi1FixedPoint.effectiveThreshold(256));
        assertEquals(255 * 64, Loihi1FixedPoint.scaledWeight(255, 0));
        assertEquals(127, Loihi1FixedPoint.scaledWeight(255, -7));
        assertEquals(-128, Loihi1FixedPoint.scaledWeight(-255, -7));
    }

    @Test
    void numpyShiftsAreDefinedForEveryCount() {
        assertEquals(12, Loihi1FixedPoint.numpyLeftShift(3, 2));
        assertEquals(0, Loihi1FixedPoint.numpyLeftShift(3, -1));
        assertEquals(0, Loihi1FixedPoint.numpyLeftShift(3, 32));
        assertEquals(-2, Loihi1FixedPoint.numpyRightShift(-5, 2));
        assertEquals(-1, Loihi1FixedPoint.numpyRightShift(-5, 40));
        assertEquals(0, Loihi1FixedPoint.numpyRightShift(5, -1));
        assertEquals(-1, Loihi1FixedPoint.numpyRightShift(-5, -1));
    }

    @Test
    void clampsAndLavaSaturation() {
        assertEquals(Loihi1Limits.V_MAX, Loihi1FixedPoint.lavaSaturateVoltage(1L << 30));
        assertEquals(-Loihi1Limits.V_MAX, Loihi1FixedPoint.lavaSaturateVoltage(-(1L << 30)));
        assertEquals(5, Loihi1FixedPoint.clamp(5, 0, 10));
        assertEquals(0L, Loihi1FixedPoint.clamp(-5L, 0L, 10L));
    }
}
