package io.neuromap.backends.loihi1.lower;

import io.neuromap.backends.loihi1.Loihi1Limits;

/**
 * The formulas of the {@code two_comp} coupling on Loihi 1, in one place for the lowering and for
 * whatever recomputes registers later (a management program that modulates a leak calls the
 * same functions). The model:
 *
 * <pre>
 * C_s dV_s/dt = -g_Ls (V_s - E_s) + g_c (V_d - V_s) + I_s
 * C_d dV_d/dt = -g_Ld (V_d - E_d) + g_c (V_s - V_d) + I_d        g_L = C / tau_m
 * </pre>
 *
 * The chip's tree passes the dendrite's value to the soma in the same step, never back, so the
 * soma is exact (the dendrite pushes {@code g_c (V_d - E_d)}, the soma's leak is
 * {@code g_Ls + g_c} around {@link #somaRest}) while the dendrite's input {@code g_c (V_s - E_d)}
 * must be a constant: it is taken at the operating point {@code V*}, the soma's time-averaged
 * voltage under the network's mean drive ({@link #operatingPoint}). The dendrite is linear, so
 * its time-averaged voltage depends on the soma's only through the soma's mean: at {@code V* =
 * mean(V_s)} the dendrite's mean is exact and what is left is the fluctuation
 * {@code V_s - V*}, low-pass filtered by the dendrite and scaled twice by the coupling's shares
 * ({@link #somaErrorBound}). Linearising at the soma's resting potential instead (the former
 * choice) makes the mean itself wrong by {@code share_d (mean(V_s) - E_rest)} in the dendrite.
 */
public final class DendriteCoupling {
    /** Fixed-point iterations of {@link #operatingPoint}: it contracts by at least share_s share_d &lt; 1 each. */
    private static final int MAX_ITERATIONS = 200;

    private DendriteCoupling() {
    }

    /** The coupling's share of a compartment's total leak: {@code g_c / (C / tau_m + g_c)}. */
    public static double share(double cm, double tauM, double gc) {
        return gc / (cm / tauM + gc);
    }

    /**
     * The soma's effective resting potential with the coupling folded into its leak (the dendrite's
     * push is measured from E_d): {@code (g_Ls E_s + g_c E_d) / (g_Ls + g_c)}.
     */
    public static double somaRest(double cmS, double tauS, double eS, double gc, double eD) {
        double gL = cmS / tauS;
        return (gL * eS + gc * eD) / (gL + gc);
    }

    /**
     * The time-averaged voltage of a LIF compartment whose voltage relaxes towards {@code vInf}
     * with time constant {@code tau}: {@code vInf} when it stays below threshold; else it fires
     * regularly with inter-spike interval {@code T = tau ln((vInf - v_reset) / (vInf - v_thresh))},
     * its mean over the free phase is {@code vInf - tau (v_thresh - v_reset) / T}, and it sits at
     * {@code v_reset} for {@code tauRef}: the mean over a period weighs both.
     */
    public static double lifMeanVoltage(double vInf, double tau, double vReset, double vThresh, double tauRef) {
        if (!(vInf > vThresh) || !(vThresh > vReset)) {
            return vInf;
        }
        double period = tau * Math.log((vInf - vReset) / (vInf - vThresh));
        double free = vInf - tau * (vThresh - vReset) / period;
        return (period * free + tauRef * vReset) / (period + tauRef);
    }

    /**
     * The soma's operating point {@code V*}: its time-averaged voltage when both compartments get
     * their mean currents {@code driveS}, {@code driveD} (amperes: i_offset, dc and the mean
     * synaptic current of inputs whose rates are known). Below threshold it is the coupled
     * system's steady state; a soma driven past threshold fires, and {@code V*} solves
     * {@code V* = lifMean(V_inf(V_d(V*)))} with {@code V_d(V) = (g_Ld E_d + g_c V + I_d) / (g_Ld + g_c)}
     * and {@code V_inf(V_d) = (g_Ls E_s + g_c V_d + I_s) / (g_Ls + g_c)} ({@link #lifMeanVoltage},
     * leak time constant {@code C_s / (g_Ls + g_c)}), by fixed-point iteration.
     */
    public static double operatingPoint(double cmS, double tauS, double eS, double vReset, double vThresh,
            double tauRef, double cmD, double tauD, double eD, double gc, double driveS, double driveD) {
        double gs = cmS / tauS + gc;
        double gd = cmD / tauD + gc;
        double ks = cmS / tauS * eS + driveS;
        double kd = cmD / tauD * eD + driveD;
        // Steady state of [gs -gc; -gc gd] (V_s, V_d) = (ks, kd).
        double steady = (ks * gd + gc * kd) / (gs * gd - gc * gc);
        if (!(steady > vThresh)) {
            return steady;
        }
        double tauEff = cmS / gs;
        double v = steady;
        for (int k = 0; k < MAX_ITERATIONS; k++) {
            double vd = (kd + gc * v) / gd;
            double next = lifMeanVoltage((ks + gc * vd) / gs, tauEff, vReset, vThresh, tauRef);
            if (Math.abs(next - v) <= 1e-12 * Math.max(1, Math.abs(v))) {
                return next;
            }
            v = next;
        }
        return v;
    }

    /**
     * The constant drive (amperes) of the dendrite compartment on the chip, whose leak is
     * {@code g_Ld + g_c} around E_d: its own offset and dc plus the soma's current at the operating
     * point, {@code i_offset_d + dc_d + g_c (V* - E_d)}.
     */
    public static double dendriteDrive(double iOffsetD, double dcD, double gc, double vStar, double eD) {
        return iOffsetD + dcD + gc * (vStar - eD);
    }

    /**
     * The dendrite's current scale (chip state units per ampere of its input, per unit threshold
     * scale when {@code somaCurrentScale} is): its push must be the coupling current
     * {@code g_c (V_d - E_d)} at the soma's scale, so its voltage is {@code g_c} times the soma's
     * current scale per volt; a constant input I settles it at {@code I / (g_Ld + g_c)} volts, which
     * the chip reaches by adding {@code decay_v / 4096} of the settled value per step:
     * {@code somaCurrentScale g_c / (C_d / tau_d + g_c) max(decay_v, 1) / 4096}. The dendrite's bias
     * is this scale times {@link #dendriteDrive}.
     */
    public static double dendriteCurrentScale(double somaCurrentScale, double gc, double cmD, double tauD,
            int decayV) {
        return somaCurrentScale * gc / (cmD / tauD + gc) * Math.max(decayV, 1) / Loihi1Limits.DECAY_UNITY;
    }

    /**
     * A bound on the soma's voltage error (V) the constant soma-to-dendrite current causes while
     * the soma stays in {@code [min(v_reset, V*), max(v_thresh, V*)]}: the current's error
     * {@code g_c (V_s - V*)} moves the dendrite by at most {@code share_d |V_s - V*|} (a low-pass
     * filter of unit gain), which moves the soma by at most {@code share_s} of that:
     * {@code share_s share_d max(v_thresh - V*, V* - v_reset)}, with the shares of
     * {@link #share}. The time-averaged error is 0 when V* is the soma's mean.
     */
    public static double somaErrorBound(double shareS, double shareD, double vStar, double vReset, double vThresh) {
        double swing = Math.max(Math.max(vThresh - vStar, vStar - vReset), 0);
        return shareS * shareD * swing;
    }
}
