package io.neuromap.compiler.model;

/**
 * The exact propagators of the current-based LIF neuron with exponential synaptic currents over
 * one step h (NEST {@code iaf_psc_exp}; Rotter and Diesmann 1999). With
 * {@code tau_m dV/dt = -(V - E_L) + R (I_syn + I_dc)}, {@code R = tau_m / C}, and
 * {@code dI_syn/dt = -I_syn / tau_syn}:
 *
 * <pre>
 * V(t+h) - E_L = P22 (V(t) - E_L) + P21 I_syn(t) + P20 I_dc
 * I_syn(t+h)   = P11 I_syn(t)
 *
 * P11 = exp(-h / tau_syn)
 * P22 = exp(-h / tau_m)
 * P20 = tau_m / C (1 - exp(-h / tau_m))
 * P21 = tau_syn tau_m / (C (tau_m - tau_syn)) (exp(-h / tau_m) - exp(-h / tau_syn))
 *     = exp(-h / tau_m) (1 - exp(-h a)) / (C a),   a = 1 / tau_syn - 1 / tau_m
 *     -> h / C exp(-h / tau_m)                      as tau_syn -> tau_m
 * </pre>
 *
 * The second form of P21, with {@code expm1}, is accurate to rounding for every pair of time
 * constants, including equal and nearly equal ones, where the first form cancels catastrophically.
 * The float reference integrates with them; the Loihi 1 lowering normalises a spike's weight by
 * them, so the chip's membrane answers a spike as the reference's does.
 */
public final class LifPropagators {
    private LifPropagators() {
    }

    /** {@code exp(-h / tau)}: the decay of an exponential current (P11) or of the membrane (P22). */
    public static double decay(double h, double tau) {
        return StrictMath.exp(-h / tau);
    }

    /** P20: the voltage response to a current held constant over the step. */
    public static double p20(double h, double tauM, double c) {
        return -tauM / c * StrictMath.expm1(-h / tauM);
    }

    /** P21: the voltage response to a synaptic current that starts the step at 1 A and decays with {@code tauSyn}. */
    public static double p21(double h, double tauSyn, double tauM, double c) {
        double a = 1.0 / tauSyn - 1.0 / tauM;
        double pm = StrictMath.exp(-h / tauM);
        if (a == 0) {
            return h / c * pm;
        }
        return pm * -StrictMath.expm1(-h * a) / (c * a);
    }

    /** Refractory period in whole steps, {@code round(tau_refrac / h)} (NEST rounds to the grid likewise). */
    public static int refractorySteps(double tauRefrac, double h) {
        double steps = Math.rint(tauRefrac / h);
        if (!(steps >= 0) || steps > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("refractory period " + tauRefrac + " s is out of range at dt = " + h);
        }
        return (int) steps;
    }
}
