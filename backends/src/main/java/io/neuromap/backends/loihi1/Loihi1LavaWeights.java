package io.neuromap.backends.loihi1;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * Lava's weight utilities ({@code lava.utils.weightutils}), reproduced exactly: sign-mode
 * detection, clipping to the sign mode's range, LSB truncation, and the search for the weight
 * exponent and weight bits that use the 8-bit mantissa best. Lava's {@code Dense} bit-accurate
 * model clips and truncates its weights with these once, so the {@code lava} arithmetic profile
 * of the emulator and the lowering use them too.
 *
 * <p>Per-weight functions are pure and allocation-free; the array forms write into a caller's
 * array. Weights are plain {@code int}s in any flattened shape: every operation is elementwise
 * except the ones that look at the whole matrix (sign mode, optimization). Shifts follow numpy's
 * int32 rules ({@link Loihi1FixedPoint#numpyRightShift}), so unusual bit counts give what
 * upstream gives instead of Java's modulo-32 shift.
 *
 * @see "loihi1.md §2.3; lava utils/weightutils.py (commit b6822fbc)"
 */
public final class Loihi1LavaWeights {

    /** Lava's default maximum number of weight bits for {@code truncate_weights}. */
    public static final int DEFAULT_MAX_NUM_WEIGHT_BITS = Loihi1Limits.WEIGHT_MANTISSA_BITS;

    private Loihi1LavaWeights() {
    }

    /**
     * Lava's {@code determine_sign_mode}: {@code min >= 0 -> EXCITATORY}, else
     * {@code max <= 0 -> INHIBITORY}, else {@code MIXED}. All-zero weights are excitatory.
     *
     * @throws IllegalArgumentException if {@code weights} is empty
     */
    public static Loihi1SignMode determineSignMode(int[] weights) {
        requireNonEmpty(weights);
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int w : weights) {
            min = Math.min(min, w);
            max = Math.max(max, w);
        }
        if (min >= 0) {
            return Loihi1SignMode.EXCITATORY;
        }
        if (max <= 0) {
            return Loihi1SignMode.INHIBITORY;
        }
        return Loihi1SignMode.MIXED;
    }

    /**
     * Lava's {@code clip_weights} for one weight. With {@code x = (mode == INHIBITORY ? -w : w)}:
     * {@code x = clip(x, MIXED ? -2^numBits : 0, 2^numBits - 1 - (learningSimulation && MIXED ? 1 : 0))},
     * then negated back for {@code INHIBITORY}. So with 8 bits: MIXED [-256, 255] (learning
     * simulation [-256, 254]), EXCITATORY [0, 255], INHIBITORY [-255, 0].
     *
     * @param numBits magnitude bits, 1..30
     * @see "loihi1.md §2.3 ('Learning simulations clip MIXED to 254')"
     */
    public static int clipWeight(int w, Loihi1SignMode mode, int numBits, boolean learningSimulation) {
        boolean inhibitory = mode == Loihi1SignMode.INHIBITORY;
        boolean mixed = mode == Loihi1SignMode.MIXED;
        int x = inhibitory ? -w : w;
        int min = mixed ? -(1 << numBits) : 0;
        int max = (1 << numBits) - 1 - (learningSimulation && mixed ? 1 : 0);
        x = Loihi1FixedPoint.clamp(x, min, max);
        return inhibitory ? -x : x;
    }

    /** {@link #clipWeight} over an array, into {@code out} (which may be {@code weights}). */
    public static void clipWeights(int[] weights, Loihi1SignMode mode, int numBits, boolean learningSimulation,
            int[] out) {
        requireSameLength(weights, out);
        requireNonNull(mode, "mode is null");
        for (int i = 0; i < weights.length; i++) {
            out[i] = clipWeight(weights[i], mode, numBits, learningSimulation);
        }
    }

    /**
     * Lava's {@code truncate_weights} for one weight: drop
     * {@code nt = maxNumWeightBits - numWeightBits + (MIXED ? 1 : 0)} least-significant bits by
     * {@code (x >> nt) << nt} on {@code x = (INHIBITORY ? -w : w)}, negated back for
     * {@code INHIBITORY}. Negative mixed weights therefore round toward -infinity, inhibitory
     * magnitudes toward zero.
     *
     * @see "loihi1.md §2.3 (truncate_weights)"
     */
    public static int truncateWeight(int w, Loihi1SignMode mode, int numWeightBits, int maxNumWeightBits) {
        boolean inhibitory = mode == Loihi1SignMode.INHIBITORY;
        int x = inhibitory ? -w : w;
        int nt = maxNumWeightBits - numWeightBits + (mode == Loihi1SignMode.MIXED ? 1 : 0);
        x = Loihi1FixedPoint.numpyLeftShift(Loihi1FixedPoint.numpyRightShift(x, nt), nt);
        return inhibitory ? -x : x;
    }

    /** {@link #truncateWeight} with Lava's default of 8 maximum weight bits. */
    public static int truncateWeight(int w, Loihi1SignMode mode, int numWeightBits) {
        return truncateWeight(w, mode, numWeightBits, DEFAULT_MAX_NUM_WEIGHT_BITS);
    }

    /** {@link #truncateWeight} over an array, into {@code out} (which may be {@code weights}). */
    public static void truncateWeights(int[] weights, Loihi1SignMode mode, int numWeightBits, int maxNumWeightBits,
            int[] out) {
        requireSameLength(weights, out);
        requireNonNull(mode, "mode is null");
        for (int i = 0; i < weights.length; i++) {
            out[i] = truncateWeight(weights[i], mode, numWeightBits, maxNumWeightBits);
        }
    }

    /**
     * The weight Lava's bit-accurate {@code Dense} actually uses:
     * {@code truncate_weights(clip_weights(w, mode, 8), mode, numWeightBits)}, on the 8-bit scale
     * with the weight exponent not yet applied (the golden files' {@code weights_effective}).
     *
     * @see "loihi1.md §2.3 (PyDenseModelBitAcc, once on the first run_spk)"
     */
    public static int denseWeight(int w, Loihi1SignMode mode, int numWeightBits) {
        int clipped = clipWeight(w, mode, Loihi1Limits.WEIGHT_MANTISSA_BITS, false);
        return truncateWeight(clipped, mode, numWeightBits, DEFAULT_MAX_NUM_WEIGHT_BITS);
    }

    /**
     * Lava's {@code optimize_weight_bits}: the weight exponent and number of weight bits that fit
     * {@code weights} best, and the weights rescaled for them.
     *
     * <ol>
     *   <li>Validate the range: MIXED [-256, 255], EXCITATORY [0, 255], INHIBITORY [-255, 0].
     *   <li>{@code weight_exp = 0} if all weights are 0; else with {@code scale} = MIXED:
     *       {@code min(127 / max (if max > 0), -128 / min (if min < 0))}, EXCITATORY:
     *       {@code 255 / max}, INHIBITORY: {@code -255 / min}, take
     *       {@code weight_exp = -(floor(log2(scale)) + (MIXED ? 1 : 0))}.
     *   <li>{@code n} = the number of trailing zero bits all weights share, at most 8 (MIXED:
     *       {@code n - 1}); {@code num_weight_bits = 8 + weight_exp - n}.
     *   <li>Weights become {@code w << -weight_exp} (numpy: 0 for a negative count).
     *   <li>With {@code loihi2}: {@code w = trunc(w / 2^(8 - num_weight_bits))}, and for MIXED
     *       {@code w = trunc(w / 2)}; a {@code num_weight_bits} above 8 is the upstream crash
     *       {@code ValueError: negative shift count}, reported here as
     *       {@link Loihi1QuantizationException.Reason#NEGATIVE_SHIFT_COUNT}.
     * </ol>
     *
     * {@code floor(log2(scale))} is computed exactly from the double's exponent.
     *
     * @param weights the 8-bit-scale weights, flattened
     * @param mode the sign mode; not {@link Loihi1SignMode#NULL}
     * @param loihi2 whether to optimize for Loihi 2 (Lava's flag)
     * @throws Loihi1QuantizationException if the weights are out of range for {@code mode}, or
     *     with {@code loihi2} when more than 8 weight bits are needed
     * @throws IllegalArgumentException if {@code weights} is empty or {@code mode} is NULL
     * @see "loihi1.md §2.3 (optimize_weight_bits)"
     */
    public static Loihi1OptimizedWeights optimizeWeightBits(int[] weights, Loihi1SignMode mode, boolean loihi2)
            throws Loihi1QuantizationException {
        requireNonEmpty(weights);
        requireNonNull(mode, "mode is null");
        if (mode == Loihi1SignMode.NULL) {
            throw new IllegalArgumentException("sign mode must be resolved before optimizing weight bits");
        }
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        int commonBits = 0;
        for (int w : weights) {
            min = Math.min(min, w);
            max = Math.max(max, w);
            commonBits |= w;
        }
        validateRange(mode, min, max);
        int weightExp = weightExponent(mode, min, max);
        int mixed = mode == Loihi1SignMode.MIXED ? 1 : 0;
        int n = Math.min(Integer.numberOfTrailingZeros(commonBits), Loihi1Limits.WEIGHT_MANTISSA_BITS) - mixed;
        int numWeightBits = Loihi1Limits.WEIGHT_MANTISSA_BITS + weightExp - n;

        int loihi2Shift = Loihi1Limits.WEIGHT_MANTISSA_BITS - numWeightBits;
        if (loihi2 && loihi2Shift < 0) {
            throw new Loihi1QuantizationException(Loihi1QuantizationException.Reason.NEGATIVE_SHIFT_COUNT,
                    "weights need " + numWeightBits + " weight bits, more than the "
                            + Loihi1Limits.WEIGHT_MANTISSA_BITS + " a Loihi 2 synapse stores",
                    "negative shift count");
        }
        int[] out = new int[weights.length];
        for (int i = 0; i < weights.length; i++) {
            int w = Loihi1FixedPoint.numpyLeftShift(weights[i], -weightExp);
            if (loihi2) {
                w = truncatingDivide(w, loihi2Shift);
                if (mixed == 1) {
                    w = w / 2;
                }
            }
            out[i] = w;
        }
        return new Loihi1OptimizedWeights(out, numWeightBits, weightExp);
    }

    private static int truncatingDivide(int w, int shift) {
        // Lava divides in floating point and truncates: integer division rounds toward zero too.
        return shift >= Long.SIZE - 1 ? 0 : (int) (w / (1L << shift));
    }

    private static void validateRange(Loihi1SignMode mode, int min, int max) throws Loihi1QuantizationException {
        int mixed = mode == Loihi1SignMode.MIXED ? 1 : 0;
        int excitatory = mode == Loihi1SignMode.EXCITATORY ? 1 : 0;
        int inhibitory = mode == Loihi1SignMode.INHIBITORY ? 1 : 0;
        int lo = Loihi1Limits.WEIGHT_MANTISSA_MIN * (mixed + inhibitory) + inhibitory;
        int hi = Loihi1Limits.WEIGHT_MANTISSA_MAX * (mixed + excitatory);
        if (max > hi || min < lo) {
            String text = "weights have to be between " + lo + " and " + hi + " for sign_mode=<SignMode." + mode.name()
                    + ": " + mode.code() + ">. Got weights between " + min + " and " + max + ".";
            throw new Loihi1QuantizationException(Loihi1QuantizationException.Reason.WEIGHTS_OUT_OF_RANGE,
                    "weights must be in [" + lo + ", " + hi + "] for " + mode.name().toLowerCase(Locale.ROOT)
                            + " weights, got [" + min + ", " + max + "]",
                    text);
        }
    }

    private static int weightExponent(Loihi1SignMode mode, int min, int max) {
        if (max == 0 && min == 0) {
            return 0;
        }
        double scale;
        if (mode == Loihi1SignMode.MIXED) {
            // A mixed-sign mantissa keeps 7 magnitude bits: [-128, 127] before the sign LSB shift.
            int half = 1 << (Loihi1Limits.WEIGHT_MANTISSA_BITS - 1);
            double pos = max > 0 ? (double) (half - 1) / max : Double.POSITIVE_INFINITY;
            double neg = min < 0 ? -(double) half / min : Double.POSITIVE_INFINITY;
            scale = Math.min(pos, neg);
        } else if (mode == Loihi1SignMode.INHIBITORY) {
            scale = -(double) Loihi1Limits.WEIGHT_MANTISSA_MAX / min;
        } else {
            scale = (double) Loihi1Limits.WEIGHT_MANTISSA_MAX / max;
        }
        int scaleBits = Loihi1Discretization.floorLog2(scale);
        if (mode == Loihi1SignMode.MIXED) {
            scaleBits += 1;
        }
        return -scaleBits;
    }

    private static void requireNonEmpty(int[] weights) {
        requireNonNull(weights, "weights is null");
        if (weights.length == 0) {
            throw new IllegalArgumentException("weights is empty");
        }
    }

    private static void requireSameLength(int[] weights, int[] out) {
        requireNonNull(weights, "weights is null");
        requireNonNull(out, "out is null");
        if (out.length != weights.length) {
            throw new IllegalArgumentException("out has length " + out.length + ", weights " + weights.length);
        }
    }
}
