package io.neuromap.emulator.reference;

import io.neuromap.compiler.ir.Population;
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
 * <p><b>Exact integration.</b> The system is linear between spikes, so with the state
 * z = (V_s, V_d, I_se, I_si, I_de, I_di, K_s, K_d), where the constant drives
 * K = g_L E + J are carried as states with zero derivative, one step is z &lt;- exp(M dt) z. The
 * matrix exponential ({@link MatrixExponential}) is computed once per distinct parameter set (in
 * balanced units: currents divided by C_s) and only its two voltage rows are kept. While the soma
 * is refractory it is clamped at v_reset, and the dendrite follows the one-compartment system
 * {@code C_d dV_d/dt = -(g_Ld + g_c) V_d + g_c v_reset + g_d (I_de + I_di) + K_d}, integrated
 * exactly the same way. Synaptic arrivals are added at the end of the step, as for {@code lif}.
 */
final class TwoCompartmentKernel implements NeuronKernel {
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
    private static final int N = 8;

    private final int offset;
    private final int size;
    private final int somaSlotBase;
    private final int dendriteSlotBase;
    private final double dt;
    private final ParameterTable params;
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
    private final MatrixExponential expm8 = new MatrixExponential(N);
    private final MatrixExponential expm4 = new MatrixExponential(4);
    private final double[] matrix8 = new double[N * N];
    private final double[] result8 = new double[N * N];
    private final double[] matrix4 = new double[16];
    private final double[] result4 = new double[16];
    private final double[] scratch = new double[COEFFS];

    /** The parameters the propagator depends on: neurons with equal keys share it. */
    private record Key(double cs, double ts, double cd, double td, double gc, double tse, double tsi, double tde,
            double tdi) {
    }

    TwoCompartmentKernel(Population population, int somaSlotBase, int dendriteSlotBase, double dt) {
        this.offset = population.offset();
        this.size = population.size();
        this.somaSlotBase = somaSlotBase;
        this.dendriteSlotBase = dendriteSlotBase;
        this.dt = dt;
        this.params = new ParameterTable(population, PARAMETERS);
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
     * Fills {@code out} with the coefficients of neuron {@code i}'s parameters in effect: rows of
     * exp(M dt) for V_s and V_d over z (currents and drives in A), the refractory dendrite row over
     * (V_d, I_de, I_di, K'_d), and exp(-dt / tau) of the four currents.
     */
    private void propagator(int i, double[] out) {
        double cs = params.get(CM_S, i);
        double cd = params.get(CM_D, i);
        double gls = cs / params.get(TAU_S, i);
        double gld = cd / params.get(TAU_D, i);
        double gc = params.get(G_C, i);
        double tse = params.get(TSE, i);
        double tsi = params.get(TSI, i);
        double tde = params.get(TDE, i);
        double tdi = params.get(TDI, i);
        java.util.Arrays.fill(matrix8, 0);
        // Balanced units: every current and drive is divided by C_s, so all entries are rates (1/s).
        matrix8[0] = -(gls + gc) / cs;
        matrix8[1] = gc / cs;
        matrix8[2] = 1;
        matrix8[3] = 1;
        matrix8[6] = 1;
        matrix8[N] = gc / cd;
        matrix8[N + 1] = -(gld + gc) / cd;
        matrix8[N + 4] = cs / cd;
        matrix8[N + 5] = cs / cd;
        matrix8[N + 7] = cs / cd;
        matrix8[2 * N + 2] = -1 / tse;
        matrix8[3 * N + 3] = -1 / tsi;
        matrix8[4 * N + 4] = -1 / tde;
        matrix8[5 * N + 5] = -1 / tdi;
        expm8.compute(matrix8, dt, result8);
        for (int r = 0; r < 2; r++) {
            out[r * N] = result8[r * N];
            out[r * N + 1] = result8[r * N + 1];
            for (int c = 2; c < N; c++) {
                out[r * N + c] = result8[r * N + c] / cs;
            }
        }
        java.util.Arrays.fill(matrix4, 0);
        // (V_d, I_de / C_d, I_di / C_d, K'_d / C_d)
        matrix4[0] = -(gld + gc) / cd;
        matrix4[1] = 1;
        matrix4[2] = 1;
        matrix4[3] = 1;
        matrix4[5] = -1 / tde;
        matrix4[10] = -1 / tdi;
        expm4.compute(matrix4, dt, result4);
        out[16] = result4[0];
        out[17] = result4[1] / cd;
        out[18] = result4[2] / cd;
        out[19] = result4[3] / cd;
        out[20] = LifPropagators.decay(dt, tse);
        out[21] = LifPropagators.decay(dt, tsi);
        out[22] = LifPropagators.decay(dt, tde);
        out[23] = LifPropagators.decay(dt, tdi);
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
            double se = iSE[i];
            double si = iSI[i];
            double de = iDE[i];
            double di = iDI[i];
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
            int cs = read + 2 * ss;
            int cd = read + 2 * ds;
            iSE[i] = k[o + 20] * se + ring[cs];
            iSI[i] = k[o + 21] * si + ring[cs + 1];
            iDE[i] = k[o + 22] * de + ring[cd];
            iDI[i] = k[o + 23] * di + ring[cd + 1];
            ring[cs] = 0;
            ring[cs + 1] = 0;
            ring[cd] = 0;
            ring[cd + 1] = 0;
            if (vS[i] >= vThresh[i] + thOff[offset + i]) {
                out.add(offset + i);
                vS[i] = vReset[i];
                refractory[i] = refractorySteps[i];
            }
        }
    }

    @Override
    public int stateIndex(String variable) {
        return LifKernel.indexOf(STATE, variable);
    }

    @Override
    public String stateUnit(int index) {
        return UNITS[index];
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
    public int parameterIndex(String name) {
        return params.index(name);
    }

    @Override
    public double baseParameter(int index, int local) {
        return params.base(index, local);
    }

    @Override
    public double parameter(int index, int local) {
        return params.get(index, local);
    }

    @Override
    public void setParameter(int index, int local, double value) {
        params.set(index, local, value);
        propagator(local, scratch);
        System.arraycopy(scratch, 0, coeffs, local * COEFFS, COEFFS);
        refractorySteps[local] = LifPropagators.refractorySteps(params.get(TAU_REFRAC, local), dt);
    }

    @Override
    public String thresholdParameter() {
        return "soma.v_thresh";
    }
}
