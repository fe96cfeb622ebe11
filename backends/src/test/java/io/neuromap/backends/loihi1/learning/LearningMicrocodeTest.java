package io.neuromap.backends.loihi1.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.config.Loihi1Learning;
import io.neuromap.backends.loihi1.config.Loihi1Learning.Product;
import io.neuromap.backends.loihi1.config.Loihi1Learning.Variable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fewer product terms the learning lowering writes so that rules fit a core's 16 words of
 * microcode (LOIHI1-LEARN-008): da_stdp's w_max headroom in at most two signed digits, whose
 * saturating sums equal those of the binary digits they replace, and the constant of a term
 * carried as {@code (r1 + C)} only where the merged product resolves it.
 */
class LearningMicrocodeTest {
    /** The accumulator's clip, as the learning engine applies it after every product. */
    private static final long ACC_MAX = (1 << Loihi1Limits.LEARNING_ACCUMULATOR_BITS) - 1;
    private static final int SHIFT = Loihi1Limits.LEARNING_VARIABLE_SHIFT;

    @Test
    void everyHeldBoundHasAHeadroomOfAtMostTwoDigitsWithinOneMantissa() {
        int moved = 0;
        int fallback = 0;
        for (int c = 1; c < LearningLowerer.SATURATION; c++) {
            int held = LearningLowerer.heldBound(c);
            assertTrue(Math.abs(held - c) <= 1, c + " -> " + held);
            int[] digits = LearningLowerer.headroomDigits(LearningLowerer.SATURATION - held);
            if (digits == null) {
                // c = 1, 2, 6, 10, 14 (neither neighbour has two digits either) keep three binary digits.
                assertTrue(c <= 14 && held == c, "c " + c);
                fallback++;
                continue;
            }
            assertNotNull(digits, "c " + held);
            assertTrue(digits.length <= LearningLowerer.HEADROOM_DIGITS, "c " + held);
            int sum = 0;
            for (int d : digits) {
                sum += d;
            }
            assertEquals(LearningLowerer.SATURATION - held, sum, "c " + held);
            moved += held != c ? 1 : 0;
        }
        // 40 headrooms need three digits (137..151, 169..183, 201..215 odd, 233..255 but for
        // 234, 236, 238, 240, 244, 248, 252): 35 bounds move by one, 5 keep the binary digits.
        assertEquals(35, moved);
        assertEquals(5, fallback);
        assertNull(LearningLowerer.headroomDigits(201));
        assertNull(LearningLowerer.headroomDigits(255));
        assertEquals(1, LearningLowerer.headroomDigits(224).length);
    }

    /**
     * For every bound c, every weight w in [0, 255] and dw from -3 to +3 ranges of the weight
     * (in 1/128 mantissa; dw stands for the products between head and tail; with and without a
     * w_min product after the tail), the saturating sum of
     * head, dw, tail ends, after the sign mode's clamp to 0, where the all-positive binary digits
     * of {@link LearningLowerer#constant} end.
     */
    @Test
    void signedDigitsSaturateExactlyWhereTheBinaryDigitsDo() {
        List<Product> dw = List.of(new Product(Variable.U, 0, 1, 0, List.of(new Loihi1Learning.Factor(Variable.T, 0))));
        for (int c = 1; c < LearningLowerer.SATURATION; c++) {
            int held = LearningLowerer.heldBound(c);
            if (held != c) {
                continue;
            }
            List<Product> signed = LearningLowerer.clampAbove(dw, c, new ArrayList<>());
            int h = LearningLowerer.SATURATION - c;
            List<Product> binary = new ArrayList<>(LearningLowerer.constant(h));
            binary.addAll(dw);
            binary.addAll(LearningLowerer.constant(-h));
            if (LearningLowerer.headroomDigits(h) != null) {
                assertTrue(signed.size() <= 2 * LearningLowerer.HEADROOM_DIGITS + 1, signed::toString);
            }
            for (int w = 0; w <= Loihi1Limits.WEIGHT_MANTISSA_MAX; w++) {
                for (long change = -3L * 256 << SHIFT; change <= 3L * 256 << SHIFT; change += 251) {
                    for (long lowerBound : new long[] {0, 127L << SHIFT}) {
                        long a = run(signed, w, change, lowerBound);
                        long b = run(binary, w, change, lowerBound);
                        if (Math.max(0, a) != Math.max(0, b)) {
                            fail("c " + c + " w " + w + " dw " + change + ": " + a + " against " + b + ", " + signed);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aTermsConstantRidesOnItsRewardProductOnlyWhereThatProductResolvesIt() {
        // l5_pyramidal_two_comp: y0 x1 (r1 + 4) at 3 x 2^-7 (right shift 3): floored to 2^-7
        // of a mantissa, finer than the constant's 12 x 2^-10 per unit of x1.
        ScaleFit fine = ScaleFit.of(3 * StrictMath.scalb(1.0, -10), ScaleFit.shift(14));
        assertEquals(-7, fine.exponent());
        assertEquals(4, LearningLowerer.rewardConstant(fine, 12 * StrictMath.scalb(1.0, -10), 7));
        // distal_reward_lif: u0 t (r1 + 1) at 6 x 2^-3 (right shift 5) is floored to 1/8 of a
        // mantissa, coarser than the baseline term's 6 x 2^-8 per unit of tag: kept apart.
        ScaleFit coarse = ScaleFit.of(6 * StrictMath.scalb(1.0, -8), ScaleFit.shift(16));
        assertEquals(-3, coarse.exponent());
        assertEquals(0, LearningLowerer.rewardConstant(coarse, 6 * StrictMath.scalb(1.0, -8), 9));
        // A constant that would clip the expected peak of r1 stays a product of its own.
        assertEquals(0, LearningLowerer.rewardConstant(fine, 40 * 3 * StrictMath.scalb(1.0, -10), 7));
        assertEquals(0, LearningLowerer.rewardConstant(fine, 0, 7));
    }

    /**
     * The learning accumulator over {@code products} from weight {@code w}: factorless
     * products add their constant, the one with a factor adds {@code change}, then a w_min
     * product adds {@code lowerBound}; each product and the sum clipped as the engine clips them.
     */
    private static long run(List<Product> products, int w, long change, long lowerBound) {
        long acc = (long) w << SHIFT;
        for (Product p : products) {
            long add = p.factors().isEmpty() ? (long) p.mantissa() << (p.exponent() + SHIFT) : change;
            add = Math.max(-ACC_MAX - 2, Math.min(ACC_MAX, add));
            acc = Math.max(-ACC_MAX - 2, Math.min(ACC_MAX, acc + add));
        }
        return Math.max(-ACC_MAX - 2, Math.min(ACC_MAX, acc + lowerBound));
    }
}
