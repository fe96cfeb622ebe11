package io.neuromap.emulator.reference;

import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.model.LifPropagators;

/**
 * {@code adex}: the adaptive exponential integrate-and-fire neuron of Brette and Gerstner (2005)
 * with current-based exponential synapses (PyNN's {@code EIF_cond_exp_isfa_ista} parameters):
 *
 * <pre>
 * C dV/dt   = -g_L (V - E_L) + g_L Delta_T exp((min(V, V_spike) - V_T) / Delta_T) - w + I
 * tau_w dw/dt = a (V - E_L) - w                                       g_L = C / tau_m
 * V &gt;= V_spike  -&gt;  spike, V &lt;- V_reset, w &lt;- w + b
 * </pre>
 *
 * with I = g (I_e + I_i) + i_offset + bias + dc, and V_T = v_thresh plus the {@code threshold}
 * offset of pathway effects (the exponential threshold is where a neuron starts to fire; V_spike
 * only detects the spike). Capping V at V_spike inside the exponential, as NEST's
 * {@code aeif_psc_exp} does, keeps the right-hand side finite for an overshooting stage.
 *
 * <p><b>Integration</b>: Heun's method (explicit trapezoidal RK2) with n = ceil(dt / 0.05 ms)
 * equal sub-steps; the synaptic currents enter with their exact value at each stage time (they
 * decay by {@code exp(-h / tau_syn)} per sub-step). A spike is detected after a sub-step; the
 * neuron is then held at V_reset for the rest of the step and for round(tau_refrac / dt) more steps
 * (at most one spike per step), while w relaxes exactly towards a (V_reset - E_L) over the held
 * time. Arrivals are added to the synaptic currents at the start of the step they arrive in, before
 * the sub-steps, as for {@code lif}.
 */
final class AdexKernel extends ParameterizedKernel {
    private static final String[] PARAMETERS = {"cm", "tau_m", "v_rest", "v_reset", "v_thresh", "delta_T", "v_spike",
        "tau_w", "a", "b", "tau_refrac", "tau_syn_E", "tau_syn_I", "i_offset"};
    private static final String[] STATE = {"v", "w", "i_syn_e", "i_syn_i"};
    private static final String[] UNITS = {"V", "A", "A", "A"};
    private static final int TAU_REFRAC = 10;
    private static final int TAU_SYN_E = 11;
    private static final int TAU_SYN_I = 12;
    /** Largest Heun sub-step, s. */
    static final double MAX_SUB_STEP = 0.05e-3;

    private final int offset;
    private final int size;
    private final int slotBase;
    private final double dt;
    private final int subSteps;
    private final double h;
    private final double[] cm;
    private final double[] tauM;
    private final double[] eL;
    private final double[] vReset;
    private final double[] vT;
    private final double[] deltaT;
    private final double[] vSpike;
    private final double[] tauW;
    private final double[] aW;
    private final double[] bW;
    private final double[] iOffset;
    private final double[] q11e;
    private final double[] q11i;
    private final double[] p11e;
    private final double[] p11i;
    private final int[] refractorySteps;
    private final double[] v;
    private final double[] w;
    private final double[] iE;
    private final double[] iI;
    private final int[] refractory;

    AdexKernel(Population population, int slotBase, double dt) {
        super(new ParameterTable(population, PARAMETERS), STATE, UNITS, "v_thresh");
        this.offset = population.offset();
        this.size = population.size();
        this.slotBase = slotBase;
        this.dt = dt;
        this.subSteps = Math.max(1, (int) Math.ceil(dt / MAX_SUB_STEP - 1e-9));
        this.h = dt / subSteps;
        cm = params.column("cm");
        tauM = params.column("tau_m");
        eL = params.column("v_rest");
        vReset = params.column("v_reset");
        vT = params.column("v_thresh");
        deltaT = params.column("delta_T");
        vSpike = params.column("v_spike");
        tauW = params.column("tau_w");
        aW = params.column("a");
        bW = params.column("b");
        iOffset = params.column("i_offset");
        q11e = new double[size];
        q11i = new double[size];
        p11e = new double[size];
        p11i = new double[size];
        refractorySteps = new int[size];
        for (int i = 0; i < size; i++) {
            refresh(i);
        }
        v = population.parameter("v_init").orElseThrow().toArray();
        w = new double[size];
        iE = new double[size];
        iI = new double[size];
        refractory = new int[size];
    }

    @Override
    void refresh(int i) {
        q11e[i] = LifPropagators.decay(h, params.get(TAU_SYN_E, i));
        q11i[i] = LifPropagators.decay(h, params.get(TAU_SYN_I, i));
        p11e[i] = LifPropagators.decay(dt, params.get(TAU_SYN_E, i));
        p11i[i] = LifPropagators.decay(dt, params.get(TAU_SYN_I, i));
        refractorySteps[i] = LifPropagators.refractorySteps(params.get(TAU_REFRAC, i), dt);
    }

    /** dV/dt, V/s. */
    private static double dv(double v, double w, double current, double c, double gL, double eL, double vT,
            double deltaT, double vSpike) {
        double spike = gL * deltaT * StrictMath.exp((Math.min(v, vSpike) - vT) / deltaT);
        return (-gL * (v - eL) + spike - w + current) / c;
    }

    @Override
    public void step(StepInputs in, SpikeBuffer out) {
        final double[] ring = in.ring;
        final int read = in.readBase();
        final double[] gain = in.gain;
        final double[] bias = in.excitability;
        final double[] dc = in.dc;
        final double[] thOff = in.thresholdOffset;
        final int n = subSteps;
        final double h = this.h;
        for (int i = 0; i < size; i++) {
            int slot = slotBase + i;
            int ch = read + 2 * slot;
            double ie = iE[i] + ring[ch];
            double ii = iI[i] + ring[ch + 1];
            ring[ch] = 0;
            ring[ch + 1] = 0;
            double x = v[i];
            double wi = w[i];
            double c = cm[i];
            double gL = c / tauM[i];
            double el = eL[i];
            double tw = tauW[i];
            double a = aW[i];
            boolean fired = false;
            int held;
            if (refractory[i] > 0) {
                refractory[i]--;
                held = n;
            } else {
                double g = gain[slot];
                double steady = iOffset[i] + bias[slot] + dc[slot];
                double vt = vT[i] + thOff[offset + i];
                double dT = deltaT[i];
                double vs = vSpike[i];
                double qe = q11e[i];
                double qi = q11i[i];
                double se = ie;
                double si = ii;
                held = 0;
                for (int k = 0; k < n; k++) {
                    double i0 = g * (se + si) + steady;
                    se *= qe;
                    si *= qi;
                    double i1 = g * (se + si) + steady;
                    double k1v = dv(x, wi, i0, c, gL, el, vt, dT, vs);
                    double k1w = (a * (x - el) - wi) / tw;
                    double xp = x + h * k1v;
                    double wp = wi + h * k1w;
                    double k2v = dv(xp, wp, i1, c, gL, el, vt, dT, vs);
                    double k2w = (a * (xp - el) - wp) / tw;
                    x += 0.5 * h * (k1v + k2v);
                    wi += 0.5 * h * (k1w + k2w);
                    if (x >= vs) {
                        fired = true;
                        x = vReset[i];
                        wi += bW[i];
                        refractory[i] = refractorySteps[i];
                        held = n - k - 1;
                        break;
                    }
                }
            }
            if (held > 0) {
                x = vReset[i];
                double wInf = a * (x - el);
                wi = wInf + (wi - wInf) * StrictMath.exp(-held * h / tw);
            }
            v[i] = x;
            w[i] = wi;
            iE[i] = p11e[i] * ie;
            iI[i] = p11i[i] * ii;
            if (fired) {
                out.add(offset + i);
            }
        }
    }

    @Override
    public double state(int index, int local) {
        return switch (index) {
            case 0 -> v[local];
            case 1 -> w[local];
            case 2 -> iE[local];
            case 3 -> iI[local];
            default -> throw new IndexOutOfBoundsException("state " + index);
        };
    }
}
