package io.neuromap.emulator.reference;

import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.model.LifPropagators;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code two_comp}: a spiking LIF soma and a passive dendrite joined by a coupling conductance
 * g_c, each compartment with its own excitatory and inhibitory exponential synaptic currents:
 *
 * <pre>
 * C_s dV_s/dt = -g_Ls (V_s - E_s) + g_c (V_d - V_s) + g_s (I_se + I_si) + J_s
 * C_d dV_d/dt = -g_Ld (V_d - E_d) + g_c (V_s - V_d) + g_d (I_de + I_di) + J_d
 * dI_x/dt     = -I_x / tau_x            g_L = C / tau_m,  J = i_offset + bias + dc
 * V_s &gt;= soma.v_thresh + offset  -&gt;  spike, V_s &lt;- soma.v_reset, soma refractory for round(soma.tau_refrac / dt) steps
 * </pre>
 *
 * (g_s, g_d are the compartments' {@code gain} effects.)
 *
 * <p><b>Exact integration.</b> The system is linear between spikes: with the constant drives
 * K = g_L E + J held over the step, the voltages at the end of a step are a linear combination of
 * (V_s, V_d, I_se, I_si, I_de, I_di, K_s, K_d) at its start, with the coefficients of the exact
 * propagator ({@link CompartmentPropagator}: closed form through the eigenvalues of the coupled
 * 2 x 2 system, the augmented matrix exponential when they coincide), computed once per distinct
 * parameter set and again when a pathway modulates a parameter. While the soma is refractory it
 * is clamped at v_reset, and the dendrite follows the one-compartment system
 * {@code C_d dV_d/dt = -(g_Ld + g_c) V_d + g_c v_reset + g_d (I_de + I_di) + K_d}, integrated
 * exactly the same way. Synaptic arrivals are added to the currents at the start of the step they
 * arrive in, before the step is propagated, as for {@code lif}.
 */
final class TwoCompartmentKernel extends ParameterizedKernel {
    private static final String[] PARAMETERS = {"soma.cm", "soma.tau_m", "soma.v_rest", "soma.v_reset", "soma.v_thresh",
        "soma.tau_refrac", "soma.tau_syn_E", "soma.tau_syn_I", "soma.i_offset", "dendrite.cm", "dendrite.tau_m",
        "dendrite.v_rest", "dendrite.tau_syn_E", "dendrite.tau_syn_I", "dendrite.i_offset", "g_c"};
    private static final int CM_S = 0;
    private static final int TAU_S = 1;
    private static final int TAU_REFRAC = 5;
    private static final int TSE = 6;
    private static final int TSI = 7;
    private static final int CM_D = 9;
    private static final int TAU_D = 10;
    private static final int TDE = 12;
    private static final int TDI = 13;
    private static final int G_C = 15;
    private static final String[] STATE = {"soma.v", "dendrite.v", "soma.i_syn_e", "soma.i_syn_i", "dendrite.i_syn_e",
        "dendrite.i_syn_i"};
    private static final String[] UNITS = {"V", "V", "A", "A", "A", "A"};
    /** Coefficients per neuron: two voltage rows of 8, the refractory dendrite row of 4, four current decays. */
    private static final int COEFFS = 8 + 8 + 4 + 4;

    private final int offset;
    private final int size;
    private final int somaSlotBase;
    private final int dendriteSlotBase;
    private final double dt;
    private final double[] eS;
    private final double[] vReset;
    private final double[] vThresh;
    private final double[] iOffsetS;
    private final double[] eD;
    private final double[] iOffsetD;
    private final double[] coeffs;
    private final int[] refractorySteps;
    private final double[] vS;
    private final double[] vD;
    private final double[] iSE;
    private final double[] iSI;
    private final double[] iDE;
    private final double[] iDI;
    private final int[] refractory;
    private final CompartmentPropagator propagators = new CompartmentPropagator();
    private final double[] rates = new double[4];
    private final double[] scratch = new double[COEFFS];

    /** The parameters the propagator depends on: neurons with equal keys share it. */
    private record Key(double cs, double ts, double cd, double td, double gc, double tse, double tsi, double tde,
            double tdi) {
    }

    TwoCompartmentKernel(Population population, int somaSlotBase, int dendriteSlotBase, double dt) {
        super(new ParameterTable(population, PARAMETERS), STATE, UNITS, "soma.v_thresh");
        this.offset = population.offset();
        this.size = population.size();
        this.somaSlotBase = somaSlotBase;
        this.dendriteSlotBase = dendriteSlotBase;
        this.dt = dt;
        eS = params.column("soma.v_rest");
        vReset = params.column("soma.v_reset");
        vThresh = params.column("soma.v_thresh");
        iOffsetS = params.column("soma.i_offset");
        eD = params.column("dendrite.v_rest");
        iOffsetD = params.column("dendrite.i_offset");
        coeffs = new double[Math.multiplyExact(size, COEFFS)];
        refractorySteps = new int[size];
        Map<Key, double[]> cache = new HashMap<>();
        for (int i = 0; i < size; i++) {
            final int neuron = i;
            double[] c = cache.computeIfAbsent(key(i), k -> {
                double[] out = new double[COEFFS];
                propagator(neuron, out);
                return out;
            });
            System.arraycopy(c, 0, coeffs, i * COEFFS, COEFFS);
            refractorySteps[i] = LifPropagators.refractorySteps(params.get(TAU_REFRAC, i), dt);
        }
        vS = population.parameter("soma.v_init").orElseThrow().toArray();
        vD = population.parameter("dendrite.v_init").orElseThrow().toArray();
        iSE = new double[size];
        iSI = new double[size];
        iDE = new double[size];
        iDI = new double[size];
        refractory = new int[size];
    }

    private Key key(int i) {
        return new Key(params.get(CM_S, i), params.get(TAU_S, i), params.get(CM_D, i), params.get(TAU_D, i),
                params.get(G_C, i), params.get(TSE, i), params.get(TSI, i), params.get(TDE, i), params.get(TDI, i));
    }

    /**
     * Fills {@code out} with the coefficients of neuron {@code i}'s parameters in effect: the V_s and
     * V_d rows of the step propagator ({@link CompartmentPropagator}), the clamped dendrite's row
     * over (V_d, I_de, I_di, K'_d), and exp(-dt / tau) of the four currents.
     */
    private void propagator(int i, double[] out) {
        double cs = params.get(CM_S, i);
        double cd = params.get(CM_D, i);
        double gls = cs / params.get(TAU_S, i);
        double gld = cd / params.get(TAU_D, i);
        double gc = params.get(G_C, i);
        rates[0] = -1 / params.get(TSE, i);
        rates[1] = -1 / params.get(TSI, i);
        rates[2] = -1 / params.get(TDE, i);
        rates[3] = -1 / params.get(TDI, i);
        propagators.compute(cs, gls, cd, gld, gc, rates, dt, out);
        CompartmentPropagator.clampedDendrite(cd, gld, gc, rates[2], rates[3], dt, out, 16);
        for (int j = 0; j < 4; j++) {
            out[20 + j] = StrictMath.exp(rates[j] * dt);
        }
    }

    @Override
    public void step(StepInputs in, SpikeBuffer out) {
        final double[] ring = in.ring;
        final int read = in.readBase();
        final double[] gain = in.gain;
        final double[] bias = in.excitability;
        final double[] dc = in.dc;
        final double[] thOff = in.thresholdOffset;
        final double[] k = coeffs;
        for (int i = 0; i < size; i++) {
            int ss = somaSlotBase + i;
            int ds = dendriteSlotBase + i;
            int o = i * COEFFS;
            int cs = read + 2 * ss;
            int cd = read + 2 * ds;
            double se = iSE[i] + ring[cs];
            double si = iSI[i] + ring[cs + 1];
            double de = iDE[i] + ring[cd];
            double di = iDI[i] + ring[cd + 1];
            ring[cs] = 0;
            ring[cs + 1] = 0;
            ring[cd] = 0;
            ring[cd + 1] = 0;
            double gd = gain[ds];
            double kd = params.get(CM_D, i) / params.get(TAU_D, i) * eD[i] + iOffsetD[i] + bias[ds] + dc[ds];
            if (refractory[i] > 0) {
                refractory[i]--;
                double kdr = kd + params.get(G_C, i) * vReset[i];
                vD[i] = k[o + 16] * vD[i] + gd * (k[o + 17] * de + k[o + 18] * di) + k[o + 19] * kdr;
            } else {
                double gs = gain[ss];
                double ks = params.get(CM_S, i) / params.get(TAU_S, i) * eS[i] + iOffsetS[i] + bias[ss] + dc[ss];
                double s0 = vS[i];
                double d0 = vD[i];
                double ses = gs * se;
                double sis = gs * si;
                double des = gd * de;
                double dis = gd * di;
                vS[i] = k[o] * s0 + k[o + 1] * d0 + k[o + 2] * ses + k[o + 3] * sis + k[o + 4] * des + k[o + 5] * dis
                        + k[o + 6] * ks + k[o + 7] * kd;
                vD[i] = k[o + 8] * s0 + k[o + 9] * d0 + k[o + 10] * ses + k[o + 11] * sis + k[o + 12] * des
                        + k[o + 13] * dis + k[o + 14] * ks + k[o + 15] * kd;
            }
            iSE[i] = k[o + 20] * se;
            iSI[i] = k[o + 21] * si;
            iDE[i] = k[o + 22] * de;
            iDI[i] = k[o + 23] * di;
            if (vS[i] >= vThresh[i] + thOff[offset + i]) {
                out.add(offset + i);
                vS[i] = vReset[i];
                refractory[i] = refractorySteps[i];
            }
        }
    }

    @Override
    public double state(int index, int local) {
        return switch (index) {
            case 0 -> vS[local];
            case 1 -> vD[local];
            case 2 -> iSE[local];
            case 3 -> iSI[local];
            case 4 -> iDE[local];
            case 5 -> iDI[local];
            default -> throw new IndexOutOfBoundsException("state " + index);
        };
    }

    @Override
    void refresh(int local) {
        propagator(local, scratch);
        System.arraycopy(scratch, 0, coeffs, local * COEFFS, COEFFS);
        refractorySteps[local] = LifPropagators.refractorySteps(params.get(TAU_REFRAC, local), dt);
    }
}
