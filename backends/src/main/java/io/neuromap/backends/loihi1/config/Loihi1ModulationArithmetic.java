package io.neuromap.backends.loihi1.config;

import io.neuromap.backends.loihi1.Loihi1Limits;

/**
 * The integer arithmetic of the management program ({@link Loihi1Modulation}), shared by the
 * emulator, which runs it, and the compiler, which chooses its constants and reports its error.
 * All values fit 32-bit registers of the x86 core; products are formed in 64 bits. Shifts are
 * arithmetic (floor) unless said otherwise.
 *
 * <ul>
 *   <li><b>Concentration</b>: signed, {@link #CONCENTRATION_FRAC_BITS} fraction bits, saturating
 *       at the int range.</li>
 *   <li><b>Decay</b>, like a Loihi trace decay rounded toward zero:
 *       {@code x = c - b; c' = b + sign(x) ((|x| keep) >> 16)}.</li>
 *   <li><b>Release</b>: {@code c' += release * count}.</li>
 *   <li><b>Response table</b>: piecewise linear ({@link #lookup}).</li>
 *   <li><b>Effects</b>: {@link #combine}; bias re-encoded by {@link #encodeBias}, threshold mantissas
 *       clamped to 1..2^17 - 1.</li>
 * </ul>
 */
public final class Loihi1ModulationArithmetic {
    /** Fraction bits of concentrations, baselines and releases. */
    public static final int CONCENTRATION_FRAC_BITS = 16;
    /** Fraction bits of the retained fraction {@code keep}. */
    public static final int KEEP_BITS = 16;
    /** {@code keep} of a concentration that never decays. */
    public static final int KEEP_UNITY = 1 << KEEP_BITS;
    /** Longest release delay, steps (the program keeps a ring of this many counts per modulator). */
    public static final int MAX_DELAY = 4095;
    /** Largest shift of a response table's spacing. */
    public static final int MAX_LUT_SHIFT = 30;
    /** Largest fraction-bit count of an effect. */
    public static final int MAX_FRAC_BITS = 62;
    /** Most entries of a response table. */
    public static final int MAX_LUT_VALUES = 4096;

    private Loihi1ModulationArithmetic() {
    }

    /** The concentration after one step's decay toward {@code baseline}. */
    public static int decay(int c, int baseline, int keep) {
        long x = (long) c - baseline;
        long kept = x >= 0 ? (x * keep) >> KEEP_BITS : -((-x * keep) >> KEEP_BITS);
        return saturate(baseline + kept);
    }

    /** One management update: decay, then {@code count} spikes' release. */
    public static int update(int c, int baseline, int keep, int release, long count) {
        return saturate((long) decay(c, baseline, keep) + release * count);
    }

    /** The response table's value at concentration {@code c}. */
    public static long lookup(Loihi1ModulationLut lut, int c) {
        int[] v = lut.values();
        long d = (long) c - lut.origin();
        long k = d >> lut.shift();
        k = Math.max(0, Math.min(k, v.length - 2));
        int at = (int) k;
        long f = d - (k << lut.shift());
        return v[at] + (((long) (v[at + 1] - v[at]) * f) >> lut.shift());
    }

    /** A register after one effect: {@code register} before, {@code scale} the target's, y the table's value. */
    public static long combine(Loihi1ModulationOp op, long register, int scale, long y, int fracBits) {
        return switch (op) {
            case ADD -> register + round(scale * y, fracBits);
            case SET -> round(scale * y, fracBits);
            case MULTIPLY -> round(register * y, fracBits);
        };
    }

    /** {@code x / 2^bits} rounded half up. */
    public static long round(long x, int bits) {
        return bits == 0 ? x : (x + (1L << (bits - 1))) >> bits;
    }

    /**
     * The full-scale bias the chip holds after writing {@code value}: the smallest exponent 0..7
     * whose mantissa {@code round(value / 2^exp)} fits 13 bits signed, saturating at
     * {@code ±4095 << 7}.
     */
    public static int encodeBias(long value) {
        for (int e = Loihi1Limits.BIAS_EXP_MIN; e <= Loihi1Limits.BIAS_EXP_MAX; e++) {
            long m = round(value, e);
            if (Math.abs(m) <= Loihi1Limits.BIAS_MANTISSA_MAX) {
                return (int) (m << e);
            }
        }
        return value > 0 ? Loihi1Limits.BIAS_MAX : -Loihi1Limits.BIAS_MAX;
    }

    /** A threshold mantissa the register holds: clamped to 1..2^17 - 1. */
    public static int clampVth(long mantissa) {
        return (int) Math.max(1, Math.min(mantissa, Loihi1Limits.VTH_MANTISSA_MAX));
    }

    /** A decay register the program writes: clamped to 0..4095. */
    public static int clampDecay(long decay) {
        return (int) Math.max(0, Math.min(decay, Loihi1Limits.DECAY_MAX));
    }

    /** A concentration, baseline or release in fixed point. */
    public static int toFixed(double value) {
        return saturate(Math.round(value * (1 << CONCENTRATION_FRAC_BITS)));
    }

    /** A fixed-point concentration as a number. */
    public static double fromFixed(long value) {
        return value / (double) (1 << CONCENTRATION_FRAC_BITS);
    }

    /** {@code keep} of a decay time constant {@code tau} at step {@code dt}: {@code round(2^16 exp(-dt / tau))}. */
    public static int keepOf(double dt, double tau) {
        if (!(tau > 0) || Double.isInfinite(tau)) {
            return KEEP_UNITY;
        }
        return (int) Math.round(KEEP_UNITY * StrictMath.exp(-dt / tau));
    }

    private static int saturate(long x) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(x, Integer.MAX_VALUE));
    }
}
