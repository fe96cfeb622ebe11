package io.neuromap.backends.loihi1;

/**
 * The integer operations of the Loihi 1 compartment, as pure static functions: two's-complement
 * wrap with its overflow flag, the 12-bit decay that rounds toward zero, Lava's single-correction
 * current wrap, clamps, and numpy's well-defined shifts. The emulator's kernels and the quantizer
 * both call these, so the two can never disagree on an edge case.
 *
 * <p>Every function is allocation-free and branch-light: they run once per compartment per step.
 * An overflow helper returns the wrapped value; the flag comes from its twin predicate, so the hot
 * path pays for the flag only where the caller counts overflows.
 *
 * @see "loihi1.md §2 (notation, trunc_decay), §2.1 (Lava), §2.2 (nengo-loihi), §2.5"
 */
public final class Loihi1FixedPoint {

    private Loihi1FixedPoint() {
    }

    /**
     * Two's-complement wrap of {@code x} to {@code bits} magnitude bits plus sign, as nengo-loihi's
     * {@code overflow_signed}: {@code y = (x & (2^bits - 1)) - (x & 2^bits)}, so
     * {@code y ∈ [-2^bits, 2^bits)} and {@code y ≡ x (mod 2^(bits+1))}. {@code wrapSigned(x, 23)}
     * is the current u, {@code wrapSigned(x, 21)} the accumulator q.
     *
     * @param bits magnitude bits, 1..62
     * @see "loihi1.md §2.2 (wrap); nengo-loihi builder/discretize.py overflow_signed"
     */
    public static long wrapSigned(long x, int bits) {
        long sign = 1L << bits;
        return (x & (sign - 1)) - (x & sign);
    }

    /**
     * Whether {@link #wrapSigned(long, int)} changes {@code x}: {@code x < -2^bits || x >= 2^bits}.
     * nengo-loihi reports it as "Overflow in q0" / "Overflow in current".
     *
     * @see "loihi1.md §1.3 (emulator overflow messages); nengo-loihi overflow_signed"
     */
    public static boolean overflowsSigned(long x, int bits) {
        long sign = 1L << bits;
        return x < -sign || x >= sign;
    }

    /**
     * The 12-bit decay rounded toward zero: {@code sign(x) * ((|x| * r) >> 12)}, where
     * {@code r = 4096 - decay - offset} is the retained fraction in 1/4096. The product is formed
     * in 64 bits ({@code |x| < 2^24}, {@code r <= 4096}); Java's {@code >>} floors, so the shift
     * acts on the magnitude.
     *
     * @param x the value to decay (u or v)
     * @param r the retained fraction, {@code 4096 - decay - offset}
     * @see "loihi1.md §2 (trunc_decay), §2.5"
     */
    public static long truncDecay(long x, long r) {
        return Long.signum(x) * ((Math.abs(x) * r) >> Loihi1Limits.DECAY_BITS);
    }

    /**
     * nengo-loihi's {@code decay_int(x, decay, bits=12, offset)}:
     * {@code sign(x) * ((|x| * (2^12 - offset - decay)) >> 12)}. The current uses offset 1
     * ({@link Loihi1Limits#DECAY_U_OFFSET}), the voltage offset 0.
     *
     * @see "loihi1.md §2.2; nengo-loihi builder/discretize.py decay_int"
     */
    public static long decayInt(long x, long decay, int offset) {
        return decayInt(x, decay, offset, Loihi1Limits.DECAY_BITS);
    }

    /**
     * {@code decay_int} with another shift: {@code sign(x) * ((|x| * (2^bits - offset - decay)) >> bits)}.
     * An {@code offset + decay} above {@code 2^bits} makes the factor negative, and the shift then
     * floors the negative product, as numpy does.
     *
     * @param bits the decay shift, 1..30
     * @see "nengo-loihi builder/discretize.py decay_int"
     */
    public static long decayInt(long x, long decay, int offset, int bits) {
        long r = (1L << bits) - offset - decay;
        return Long.signum(x) * ((Math.abs(x) * r) >> bits);
    }

    /**
     * Lava's current wrap after {@code d = decayed u + (a_in << 6)}: one correction of
     * {@code 2^24}, {@code d > 2^23 -> d - 2^24}, {@code d <= -2^23 -> d + 2^24}, else {@code d}.
     * The range is (-2^23, 2^23]: unlike {@link #wrapSigned}, {@code +2^23} is kept and
     * {@code -2^23} becomes {@code +2^23}.
     *
     * @see "loihi1.md §2.1, §2.4 (u overflow row); lava proc/lif/models.py AbstractPyLifModelFixed"
     */
    public static long lavaWrapCurrent(long d) {
        long max = 1L << Loihi1Limits.U_BITS;
        if (d > max) {
            return d - 2 * max;
        }
        if (d <= -max) {
            return d + 2 * max;
        }
        return d;
    }

    /**
     * Whether {@link #lavaWrapCurrent(long)} changes {@code d}: {@code d > 2^23 || d <= -2^23}.
     *
     * @see "loihi1.md §2.1"
     */
    public static boolean lavaCurrentWraps(long d) {
        long max = 1L << Loihi1Limits.U_BITS;
        return d > max || d <= -max;
    }

    /**
     * Lava's voltage saturation: {@code clamp(w, -(2^23 - 1), 2^23 - 1)}.
     *
     * @see "loihi1.md §2.1 (v = clamp(w, -(2^23-1), 2^23-1))"
     */
    public static long lavaSaturateVoltage(long w) {
        return clamp(w, -Loihi1Limits.V_MAX, Loihi1Limits.V_MAX);
    }

    /** {@code min(max(x, lo), hi)}; the nengo-loihi voltage clamp to [vmin, vmax]. */
    public static long clamp(long x, long lo, long hi) {
        return x < lo ? lo : (x > hi ? hi : x);
    }

    /** {@code min(max(x, lo), hi)} on ints. */
    public static int clamp(int x, int lo, int hi) {
        return x < lo ? lo : (x > hi ? hi : x);
    }

    /**
     * Lava's effective bias {@code bias_exp >= 0 ? bias_mant << bias_exp : bias_mant >> -bias_exp}
     * (arithmetic shift, floor), recomputed every step from the mantissa and exponent.
     *
     * @see "loihi1.md §2.1 (eff_bias)"
     */
    public static long effectiveBias(long biasMantissa, int biasExp) {
        return biasExp >= 0 ? biasMantissa << biasExp : biasMantissa >> -biasExp;
    }

    /**
     * The full-scale threshold {@code vth_mant << 6}.
     *
     * @see "loihi1.md §2.1 (eff_vth), §1.1 (threshold)"
     */
    public static long effectiveThreshold(long thresholdMantissa) {
        return thresholdMantissa << Loihi1Limits.VTH_EXP;
    }

    /**
     * A weight's contribution to q per spike on nengo-loihi's scale:
     * {@code w_mant x 2^(6 + weight_exp)}, shifting right (floor) when the exponent sum is
     * negative.
     *
     * @see "loihi1.md §1.2 (synaptic input to q), §2.3"
     */
    public static long scaledWeight(long weightMantissa, int weightExp) {
        return shift(weightMantissa, Loihi1Limits.ACTIVATION_SHIFT + weightExp);
    }

    /**
     * {@code s >= 0 ? x << s : x >> -s}, with Java's arithmetic (flooring) right shift; nengo-loihi's
     * {@code shift} and Lava Dense's weight-exponent shift of the summed activation.
     *
     * @param s shift, -63..63
     * @see "loihi1.md §2.3 (a_buff = weight_exp > 0 ? acc << weight_exp : acc >> -weight_exp)"
     */
    public static long shift(long x, int s) {
        return s >= 0 ? x << s : x >> -s;
    }

    /**
     * numpy's {@code int32 >> b}: an arithmetic shift for {@code 0 <= b < 32}; for any other
     * count (negative or too wide) numpy defines the result as {@code -1} for negative {@code a}
     * and {@code 0} otherwise. Lava's weight utilities can reach those counts.
     *
     * @see "numpy npy_rshift (shifts by >= the bit width are well defined)"
     */
    public static int numpyRightShift(int a, int b) {
        if (b >= 0 && b < Integer.SIZE) {
            return a >> b;
        }
        return a < 0 ? -1 : 0;
    }

    /**
     * numpy's {@code int32 << b}: a two's-complement shift for {@code 0 <= b < 32}, {@code 0} for
     * any other count (including negative ones: Lava's {@code weights << -weight_exp} with a
     * positive exponent).
     *
     * @see "numpy npy_lshift (shifts by >= the bit width are well defined)"
     */
    public static int numpyLeftShift(int a, int b) {
        if (b >= 0 && b < Integer.SIZE) {
            return a << b;
        }
        return 0;
    }
}
