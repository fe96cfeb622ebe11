package io.neuromap.backends.loihi1;

import static java.util.Objects.requireNonNull;

/**
 * nengo-loihi's discretization of real model parameters into Loihi 1 integers, reproduced
 * exactly: decays from time constants, the decay-magnitude correction, threshold and bias
 * mantissa/exponent, trace magnitudes, weights with the lossy two-part shift, and the choice of a
 * block's weight exponent. The lowering uses these per population and projection; the golden
 * test checks them value for value against the upstream functions.
 *
 * <p>Rounding follows numpy: {@code np.round} is round-half-to-even ({@link Math#rint}),
 * {@code int()} and {@code astype(int32)} truncate toward zero. Where nengo-loihi computes in
 * float32 (decays are stored in float32 arrays before rounding), so does this class. Transcendental
 * functions use {@link StrictMath} so results do not depend on the JVM; {@code floor}/{@code ceil}
 * of {@code log2} are computed exactly from the double's exponent.
 *
 * <p>Per-weight functions are pure and allocation-free; array forms write into a caller's array.
 *
 * @see "loihi1.md §2.3; nengo-loihi builder/discretize.py, block.py (commit e564f66e)"
 */
public final class Loihi1Discretization {

    /**
     * Expected rounding loss per decay step that nengo-loihi found by simulation (state units);
     * {@code decay_magnitude} subtracts it every step.
     *
     * @see "nengo-loihi builder/discretize.py decay_magnitude (q = 0.494)"
     */
    public static final double DECAY_ROUNDING_LOSS = 0.494;

    /**
     * Decays at or below half a decay unit (0.5 / 4096) cannot be rescaled: nengo-loihi's
     * "Current (U) scaling is required" and "Voltage (V) scaling is required" errors.
     *
     * @see "loihi1.md §1.3; nengo-loihi block.py Compartment.DECAY_SCALE_TH"
     */
    public static final double DECAY_SCALE_THRESHOLD = 0.5 / Loihi1Limits.DECAY_UNITY;

    /** Below this largest weight a block counts as having no weights (nengo-loihi). */
    private static final double BLOCK_WEIGHT_EPSILON = 1e-8;
    /** Below this largest bias a block counts as having no bias (nengo-loihi). */
    private static final double BLOCK_BIAS_EPSILON = 1e-8;
    /** Below this largest weight a synapse counts as empty (nengo-loihi discretize_synapse). */
    private static final double SYNAPSE_WEIGHT_EPSILON = 1e-16;

    private static final double LN2 = StrictMath.log(2.0);

    private Loihi1Discretization() {
    }

    // ------------------------------------------------------------------------------------------
    // Decays

    /**
     * The per-step decay fraction of a first-order filter with time constant {@code tau}, stored
     * as float32 like nengo-loihi's compartment arrays: {@code (float) -expm1(-dt / tau)}, and
     * exactly 1 when {@code tau == 0} (no filter).
     *
     * @param tau time constant (s), {@code >= 0}; {@code +inf} gives 0 (no decay)
     * @param dt time step (s), {@code > 0}
     * @see "loihi1.md §2.3 (decay = 1 - exp(-dt/tau)); nengo-loihi block.py configure_filter, configure_lif"
     */
    public static float decayFraction(double tau, double dt) {
        if (tau == 0) {
            return 1.0f;
        }
        return (float) -StrictMath.expm1(-dt / tau);
    }

    /**
     * The decayU register from a float32 decay fraction:
     * {@code round(clip(f32(f32(decay * 4095) - 1), 0, 4095))}. The 1 is subtracted "because it
     * gets added back by the chip" ({@link Loihi1Limits#DECAY_U_OFFSET}).
     *
     * @see "loihi1.md §2.3; nengo-loihi discretize_compartment"
     */
    public static int decayUInt(float decay) {
        float x = decay * (float) Loihi1Limits.DECAY_MAX - 1.0f;
        x = Math.max(0.0f, Math.min(x, (float) Loihi1Limits.DECAY_MAX));
        return (int) Math.rint(x);
    }

    /**
     * The decayV register from a float32 decay fraction: {@code round(f32(decay * 4095))}.
     *
     * @see "loihi1.md §2.3; nengo-loihi discretize_compartment"
     */
    public static int decayVInt(float decay) {
        return (int) Math.rint(decay * (float) Loihi1Limits.DECAY_MAX);
    }

    /** {@code decayUInt(decayFraction(tauSynapse, dt))}: the current decay of a synapse filter. */
    public static int decayUFromTau(double tauSynapse, double dt) {
        return decayUInt(decayFraction(tauSynapse, dt));
    }

    /** {@code decayVInt(decayFraction(tauMembrane, dt))}: the voltage decay of a LIF membrane. */
    public static int decayVFromTau(double tauMembrane, double dt) {
        return decayVInt(decayFraction(tauMembrane, dt));
    }

    /**
     * Whether a decay fraction is large enough for nengo-loihi's input rescaling:
     * {@code decay > 0.5 / 4096}. When it is not, a synapse time constant (current) or membrane
     * time constant (voltage) is too long for the chip.
     *
     * @see "loihi1.md §1.3 ('Current (U) scaling is required', 'Voltage (V) scaling is required')"
     */
    public static boolean isDecayScalable(double decay) {
        return decay > DECAY_SCALE_THRESHOLD;
    }

    /**
     * LIF refractory delay register: {@code round(tau_ref / dt) + 1} (steps).
     *
     * @see "loihi1.md §2.3; nengo-loihi block.py configure_lif"
     */
    public static int refractoryDelay(double tauRef, double dt) {
        return (int) Math.rint(tauRef / dt) + 1;
    }

    /**
     * nengo-loihi's {@code decay_magnitude}: an estimate of {@code Σ x_i / x0} for the integer
     * series {@code x_i = floor(r x_{i-1})} that models the rounding loss, with
     * {@code r = (2^bits - offset - decay) / 2^bits}, {@code q = 0.494}:
     * <pre>
     *   n         = -log1p(x0 (1 - r) / q) / log(r)
     *   principal = (1 - r^(n+1)) / (1 - r)
     *   loss      = q / ((1 - r) x0) * (n + 1 - (1 - r^(n+1)) / (1 - r))
     *   result    = principal - loss
     * </pre>
     * A decay of 0 with offset 0 ({@code r = 1}) has no finite integral and gives NaN, as upstream.
     *
     * @param decay the integer decay register
     * @param x0 the initial magnitude (nengo-loihi uses 2^21)
     * @see "loihi1.md §2.3; nengo-loihi builder/discretize.py decay_magnitude"
     */
    public static double decayMagnitude(double decay, double x0, int bits, int offset) {
        double unity = StrictMath.scalb(1.0, bits);
        double r = (unity - offset - decay) / unity;
        double n = -StrictMath.log1p(x0 * (1 - r) / DECAY_ROUNDING_LOSS) / StrictMath.log(r);
        double rn = StrictMath.pow(r, n + 1);
        double principal = (1 - rn) / (1 - r);
        double loss = DECAY_ROUNDING_LOSS / ((1 - r) * x0) * (n + 1 - (1 - rn) / (1 - r));
        return principal - loss;
    }

    /**
     * nengo-loihi's input factor for the current: {@code 1 / decay_magnitude(decayU, x0 = 2^21,
     * offset = 1)}. It makes a spike's integrated current independent of the synapse time
     * constant; use 1 when the decay is not {@linkplain #isDecayScalable scalable}.
     *
     * @see "nengo-loihi discretize_compartment (u_infactor)"
     */
    public static double currentInputFactor(int decayU) {
        return 1.0 / decayMagnitude(decayU, StrictMath.scalb(1.0, Loihi1Limits.Q_BITS), Loihi1Limits.DECAY_BITS,
                Loihi1Limits.DECAY_U_OFFSET);
    }

    /**
     * nengo-loihi's input factor for the voltage: {@code 1 / decay_magnitude(decayV, x0 = 2^21,
     * offset = 0)}; use 1 when voltage scaling is off (nengo-loihi scales v only when asked).
     *
     * @see "nengo-loihi discretize_compartment (v_infactor)"
     */
    public static double voltageInputFactor(int decayV) {
        return 1.0 / decayMagnitude(decayV, StrictMath.scalb(1.0, Loihi1Limits.Q_BITS), Loihi1Limits.DECAY_BITS,
                Loihi1Limits.DECAY_V_OFFSET);
    }

    // ------------------------------------------------------------------------------------------
    // Threshold, bias, traces

    /**
     * nengo-loihi's {@code vth_to_manexp} mantissa: {@code round(vth / 2^6)} (half to even); the
     * exponent is always {@link Loihi1Limits#VTH_EXP}. A result outside
     * {@code 1..VTH_MANTISSA_MAX} is not representable (upstream asserts); the caller reports it.
     *
     * @param vth full-scale threshold (state units)
     * @see "loihi1.md §2.3; nengo-loihi vth_to_manexp"
     */
    public static long thresholdMantissa(double vth) {
        return (long) Math.rint(vth / StrictMath.scalb(1.0, Loihi1Limits.VTH_EXP));
    }

    /**
     * nengo-loihi's {@code bias_to_manexp} exponent: {@code ceil(log2(max(|bias| / 4095, 1)))},
     * computed exactly. A result above {@link Loihi1Limits#BIAS_EXP_MAX} is not representable
     * (upstream asserts); the caller reports it.
     *
     * @param bias full-scale bias (state units), finite
     * @see "loihi1.md §2.3; nengo-loihi bias_to_manexp"
     */
    public static int biasExponent(double bias) {
        double r = Math.max(Math.abs(bias) / Loihi1Limits.BIAS_MANTISSA_MAX, 1.0);
        return ceilLog2(r);
    }

    /**
     * nengo-loihi's {@code bias_to_manexp} mantissa for exponent {@code exp}:
     * {@code round(bias / 2^exp)} (half to even).
     *
     * @see "loihi1.md §2.3; nengo-loihi bias_to_manexp"
     */
    public static long biasMantissa(double bias, int exp) {
        return (long) Math.rint(bias / StrictMath.scalb(1.0, exp));
    }

    /**
     * Integer part of a trace increment, {@code int(mag)} (toward zero).
     *
     * @see "nengo-loihi tracing_mag_int_frac"
     */
    public static long traceMagnitudeInteger(double mag) {
        return (long) mag;
    }

    /**
     * Fractional part of a trace increment in 1/128: {@code int(128 * (mag - int(mag)))}
     * (toward zero).
     *
     * @see "nengo-loihi tracing_mag_int_frac"
     */
    public static long traceMagnitudeFraction(double mag) {
        return (long) (Loihi1Limits.TRACE_MAGNITUDE_FRACTION_SCALE * (mag - (double) (long) mag));
    }

    /**
     * Per-core vmin exponent nengo-loihi chooses for a scaled floor {@code vmin <= 0}:
     * {@code clip(round(log2(-vmin + 1)), 0, 2^5 - 1)}; the floor is then {@code -2^k + 1}.
     *
     * @see "loihi1.md §1.1; nengo-loihi discretize_compartment"
     */
    public static int vminExponent(double vminScaled) {
        double k = Math.rint(log2(-vminScaled + 1));
        return (int) Math.max(0, Math.min(k, (1 << Loihi1Limits.VMIN_EXP_FIELD_BITS) - 1));
    }

    /**
     * Per-core vmax exponent nengo-loihi chooses for a scaled ceiling (infinite for "none"):
     * {@code clip(round((log2(vmax + 1) - 9) * 0.5), 0, 7)}; the ceiling is then
     * {@code 2^(9 + 2j) - 1}.
     *
     * @see "loihi1.md §1.1; nengo-loihi discretize_compartment"
     */
    public static int vmaxExponent(double vmaxScaled) {
        double j = Math.rint((log2(vmaxScaled + 1) - Loihi1Limits.VMAX_BASE_BITS) * 0.5);
        return (int) Math.max(Loihi1Limits.VMAX_EXP_MIN, Math.min(j, Loihi1Limits.VMAX_EXP_MAX));
    }

    // ------------------------------------------------------------------------------------------
    // Weights

    /**
     * Bits a weight is right-shifted by in a synapse format:
     * {@code 8 - WEIGHT_BITS_MAP[code] + (mixed ? 1 : 0)}; 1 for nengo-loihi's 8-bit mixed format.
     * The sign of a mixed-sign format costs this one LSB of precision, not memory.
     *
     * @see "loihi1.md §1.2; nengo-loihi SynapseConfig.shift_bits"
     */
    public static int shiftBits(int weightBitsCode, boolean mixed) {
        return Loihi1Limits.WEIGHT_MANTISSA_BITS - Loihi1Limits.weightBitsOfCode(weightBitsCode) + (mixed ? 1 : 0);
    }

    /**
     * nengo-loihi's {@code discretize_weights} for one weight, returning the value added to q per
     * spike (the full-scale weight {@code w_mant x 2^(6 + weight_exp)}). With
     * {@code s = shiftBits}, {@code m = 2^(8 - s) - 1}, {@code s2 = s + weightExp}:
     * <pre>{@code
     *   w = clip(round(w / 2^s), -m, m)                          // round half to even
     *   lossy:    if s2 < 0: w = clip(round(w * 2^s2) / 2^s2, -m, m)   // "Lost -s2 extra bits"
     *             w = (s2 >= 0 ? w << s2 : w >> -s2) << 6
     *   lossless: w = (6 + s2 >= 0 ? w << (6 + s2) : w >> -(6 + s2))
     * }</pre>
     *
     * @param w the weight already scaled to the [-255, 255] range, finite
     * @param shiftBits from {@link #shiftBits(int, boolean)}
     * @param weightExp the synapse format's weight exponent, -7..7
     * @param lossyShift mimic the chip's two-part shift (nengo-loihi's default)
     * @see "loihi1.md §2.3; nengo-loihi builder/discretize.py discretize_weights"
     */
    public static int discretizeWeight(double w, int shiftBits, int weightExp, boolean lossyShift) {
        double m = (1 << (Loihi1Limits.WEIGHT_MANTISSA_BITS - shiftBits)) - 1;
        int q = (int) clip(Math.rint(w / StrictMath.scalb(1.0, shiftBits)), -m, m);
        int s2 = shiftBits + weightExp;
        if (!lossyShift) {
            return (int) Loihi1FixedPoint.shift(q, Loihi1Limits.ACTIVATION_SHIFT + s2);
        }
        if (s2 < 0) {
            // Round before the right shift, as upstream does: a plain shift would floor every weight.
            double unit = StrictMath.scalb(1.0, s2);
            q = (int) clip(Math.rint(q * unit) / unit, -m, m);
        }
        return (int) Loihi1FixedPoint.shift(q, s2) << Loihi1Limits.ACTIVATION_SHIFT;
    }

    /** {@link #discretizeWeight} over an array, into {@code out}. */
    public static void discretizeWeights(double[] weights, int shiftBits, int weightExp, boolean lossyShift,
            int[] out) {
        requireNonNull(weights, "weights is null");
        requireNonNull(out, "out is null");
        if (out.length != weights.length) {
            throw new IllegalArgumentException("out has length " + out.length + ", weights " + weights.length);
        }
        for (int i = 0; i < weights.length; i++) {
            out[i] = discretizeWeight(weights[i], shiftBits, weightExp, lossyShift);
        }
    }

    /**
     * Weight bits the lossy shift loses: {@code max(0, -(shiftBits + weightExp))}; nengo-loihi
     * warns "Lost %d extra bits in weight rounding" when it is positive.
     *
     * @see "loihi1.md §1.3; nengo-loihi discretize_weights"
     */
    public static int lostWeightBits(int shiftBits, int weightExp) {
        return Math.max(0, -(shiftBits + weightExp));
    }

    /**
     * The chip's weight field for a discretized weight: {@code floor(w / 2^(6 + weightExp))},
     * which must lie in [-256, 255].
     *
     * @see "loihi1.md §2.3 (chip weight field = w // 2^(6+weight_exp))"
     */
    public static long chipWeightMantissa(int discretizedWeight, int weightExp) {
        return (long) Math.floor(discretizedWeight
                / StrictMath.scalb(1.0, Loihi1Limits.ACTIVATION_SHIFT + weightExp));
    }

    /**
     * nengo-loihi's {@code discretize_compartment} scale choice for a block. With
     * {@code wMax > 1e-8}: {@code w_scale = 255 / w_max}, and the first {@code w_exp} in 0, -1,
     * ..., -7 for which {@code v_scale = w_scale / (u_inf v_inf) * 2^(6 + w_exp)} keeps
     * {@code round(vth_max v_scale) <= (2^17 - 1) 2^6} and
     * {@code round(|bias|_max v_scale v_inf) <= 4095 2^7}. Else with a bias: halve
     * {@code b_scale = BIAS_MAX / b_max} until {@code round(vth_max b_scale / v_inf) <= VTH_MAX}.
     * Else: {@code v_scale = min(VTH_MAX, 2^21 - 1) / (vth_max + 1)}. Rounding is monotone, so the
     * block's largest threshold and bias stand for all of its compartments.
     *
     * @param wMax the block's largest absolute weight (0 if it has none)
     * @param currentInputFactor {@link #currentInputFactor} of the block's decayU, or 1
     * @param voltageInputFactor {@link #voltageInputFactor} of the block's decayV, or 1
     * @param vthMax the block's largest real threshold
     * @param biasAbsMax the block's largest absolute real bias
     * @throws Loihi1QuantizationException {@code NO_WEIGHT_EXPONENT} or {@code NO_BIAS_SCALING}
     *     when nothing fits, as upstream raises {@code BuildError}
     * @see "loihi1.md §2.3 (choosing the weight exponent); nengo-loihi discretize_compartment"
     */
    public static Loihi1CompartmentScale compartmentScale(double wMax, double currentInputFactor,
            double voltageInputFactor, double vthMax, double biasAbsMax) throws Loihi1QuantizationException {
        double vthLimit = Loihi1Limits.VTH_MAX;
        double unitWeightScale = StrictMath.scalb(1.0, Loihi1Limits.ACTIVATION_SHIFT);
        if (wMax > BLOCK_WEIGHT_EPSILON) {
            double wScale = Loihi1Limits.WEIGHT_FULL_SCALE / wMax;
            double sScale = 1.0 / (currentInputFactor * voltageInputFactor);
            for (int wExp = 0; wExp >= Loihi1Limits.WEIGHT_EXP_MIN; wExp--) {
                double vScale = sScale * wScale * StrictMath.scalb(1.0, Loihi1Limits.ACTIVATION_SHIFT + wExp);
                double bScale = vScale * voltageInputFactor;
                if (Math.rint(vthMax * vScale) <= vthLimit
                        && Math.rint(biasAbsMax * bScale) <= Loihi1Limits.BIAS_MAX) {
                    return new Loihi1CompartmentScale(wScale, wExp, vScale, bScale);
                }
            }
            throw new Loihi1QuantizationException(Loihi1QuantizationException.Reason.NO_WEIGHT_EXPONENT,
                    "no weight exponent from 0 to " + Loihi1Limits.WEIGHT_EXP_MIN
                            + " keeps the threshold and bias in range (largest weight " + wMax + ", threshold "
                            + vthMax + ", bias " + biasAbsMax + ")",
                    "Could not find appropriate weight exponent");
        }
        if (biasAbsMax > BLOCK_BIAS_EPSILON) {
            double bScale = Loihi1Limits.BIAS_MAX / biasAbsMax;
            while (bScale * biasAbsMax > 1) {
                double vScale = bScale / voltageInputFactor;
                double wScale = bScale * currentInputFactor / unitWeightScale;
                if (Math.rint(vthMax * vScale) <= vthLimit) {
                    return new Loihi1CompartmentScale(wScale, 0, vScale, bScale);
                }
                bScale /= 2.0;
            }
            throw new Loihi1QuantizationException(Loihi1QuantizationException.Reason.NO_BIAS_SCALING,
                    "no bias scale keeps the threshold " + vthMax + " in range with bias " + biasAbsMax,
                    "Could not find appropriate bias scaling");
        }
        // No weights and no bias: lower the threshold ceiling to the accumulator range so that
        // later learning from zero weights cannot overflow.
        vthLimit = Math.min(vthLimit, (1 << Loihi1Limits.Q_BITS) - 1);
        double vScale = vthLimit / (vthMax + 1);
        double bScale = vScale * voltageInputFactor;
        double wScale = vScale * voltageInputFactor * currentInputFactor / unitWeightScale;
        return new Loihi1CompartmentScale(wScale, 0, vScale, bScale);
    }

    /**
     * The weight exponent nengo-loihi gives one synapse (projection) of a block whose exponent is
     * {@code blockWeightExp}: {@code max(w_exp - floor(log2(w_max / w_max_i)), -6)}, so that
     * smaller weights keep their bits; {@code -6} for a synapse with no weight above 1e-16.
     *
     * @see "loihi1.md §2.3; nengo-loihi discretize_synapse"
     */
    public static int synapseWeightExponent(int blockWeightExp, double blockWMax, double synapseWMax) {
        if (!(synapseWMax > SYNAPSE_WEIGHT_EPSILON)) {
            return Loihi1Limits.SYNAPSE_WEIGHT_EXP_FLOOR;
        }
        return Math.max(blockWeightExp - floorLog2(blockWMax / synapseWMax), Loihi1Limits.SYNAPSE_WEIGHT_EXP_FLOOR);
    }

    /**
     * The power of two nengo-loihi multiplies one synapse's weights by before
     * {@code discretize_weights} ({@code dw_exp}): {@code floor(log2(w_max / w_max_i))}, or
     * {@code w_exp + 6} for a synapse with no weight above 1e-16. It is not reduced when
     * {@link #synapseWeightExponent} hits its floor, as upstream.
     *
     * @see "nengo-loihi discretize_synapse"
     */
    public static int synapseWeightShift(int blockWeightExp, double blockWMax, double synapseWMax) {
        if (!(synapseWMax > SYNAPSE_WEIGHT_EPSILON)) {
            return blockWeightExp - Loihi1Limits.SYNAPSE_WEIGHT_EXP_FLOOR;
        }
        return floorLog2(blockWMax / synapseWMax);
    }

    // ------------------------------------------------------------------------------------------
    // Exact base-2 logarithms

    /**
     * {@code floor(log2(x))} for finite {@code x > 0}, exactly (from the binary exponent), so
     * that exact powers of two are never off by one as {@code log(x) / log(2)} can be.
     */
    static int floorLog2(double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            throw new IllegalArgumentException("log2 needs a finite positive value, got " + x);
        }
        if (x < Double.MIN_NORMAL) {
            return Math.getExponent(x * 0x1p54) - 54;
        }
        return Math.getExponent(x);
    }

    /** {@code ceil(log2(x))} for finite {@code x > 0}, exactly. */
    static int ceilLog2(double x) {
        int floor = floorLog2(x);
        return isPowerOfTwo(x) ? floor : floor + 1;
    }

    /**
     * {@code log2(x)}: exact for powers of two (where numpy is exact too and where rounding to
     * the nearest integer has its ties), otherwise exponent plus the mantissa's logarithm.
     * {@code log2(+inf) = +inf}.
     */
    static double log2(double x) {
        if (Double.isInfinite(x) && x > 0) {
            return Double.POSITIVE_INFINITY;
        }
        int exponent = floorLog2(x);
        if (isPowerOfTwo(x)) {
            return exponent;
        }
        double mantissa = x / StrictMath.scalb(1.0, exponent);
        return exponent + StrictMath.log(mantissa) / LN2;
    }

    private static boolean isPowerOfTwo(double x) {
        double normal = x < Double.MIN_NORMAL ? x * 0x1p54 : x;
        return (Double.doubleToRawLongBits(normal) & 0x000F_FFFF_FFFF_FFFFL) == 0;
    }

    private static double clip(double x, double lo, double hi) {
        return x < lo ? lo : (x > hi ? hi : x);
    }
}
