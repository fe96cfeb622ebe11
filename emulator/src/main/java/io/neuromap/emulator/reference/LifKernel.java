package io.neuromap.emulator.reference;

import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.model.LifPropagators;

/**
 * {@code lif}: PyNN's {@code IF_curr_exp}, integrated exactly as NEST's {@code iaf_psc_exp}
 * ({@link LifPropagators}). Per step, for a neuron that is not refractory:
 *
 * <pre>
 * I_e &lt;- I_e + arrivals_e          I_i &lt;- I_i + arrivals_i          (I_i &lt;= 0)
 * V  &lt;- v_rest + P22 (V - v_rest) + g (P21e I_e + P21i I_i) + P20 (i_offset + I_bias + I_dc)
 * I_e &lt;- P11e I_e                   I_i &lt;- P11i I_i
 * V &gt;= v_thresh + threshold offset  -&gt;  spike, V &lt;- v_reset, refractory for round(tau_refrac / dt) steps
 * </pre>
 *
 * where g is the {@code gain} of pathway effects (1 without), I_bias the {@code excitability}
 * current and I_dc the dc stimuli. A refractory neuron's V stays at v_reset (it is not
 * integrated), its currents keep decaying and receiving. The arrivals of step s are a jump of the
 * synaptic current at the start of the step (t = s dt), and the step is then propagated exactly
 * with the new current, so an arrival moves the membrane in the step it arrives in (as the chip's
 * u feeds v in the same step). Exact between arrivals, so the result does not depend on dt except
 * through where spikes fall on the grid.
 */
final class LifKernel extends ParameterizedKernel {
    private static final String[] PARAMETERS = {"cm", "tau_m", "v_rest", "v_reset", "v_thresh", "tau_refrac",
        "tau_syn_E", "tau_syn_I", "i_offset"};
    private static final String[] STATE = {"v", "i_syn_e", "i_syn_i"};
    private static final String[] UNITS = {"V", "A", "A"};
    private static final int CM = 0;
    private static final int TAU_M = 1;
    private static final int TAU_REFRAC = 5;
    private static final int TAU_SYN_E = 6;
    private static final int TAU_SYN_I = 7;

    private final int offset;
    private final int size;
    private final int slotBase;
    private final double dt;
    private final double[] vRest;
    private final double[] vReset;
    private final double[] vThresh;
    private final double[] iOffset;
    private final double[] p11e;
    private final double[] p11i;
    private final double[] p21e;
    private final double[] p21i;
    private final double[] p22;
    private final double[] p20;
    private final int[] refractorySteps;
    private final double[] v;
    private final double[] iE;
    private final double[] iI;
    private final int[] refractory;

    LifKernel(Population population, int slotBase, double dt) {
        super(new ParameterTable(population, PARAMETERS), STATE, UNITS, "v_thresh");
        this.offset = population.offset();
        this.size = population.size();
        this.slotBase = slotBase;
        this.dt = dt;
        vRest = params.column("v_rest");
        vReset = params.column("v_reset");
        vThresh = params.column("v_thresh");
        iOffset = params.column("i_offset");
        p11e = new double[size];
        p11i = new double[size];
        p21e = new double[size];
        p21i = new double[size];
        p22 = new double[size];
        p20 = new double[size];
        refractorySteps = new int[size];
        for (int i = 0; i < size; i++) {
            refresh(i);
        }
        v = population.parameter("v_init").orElseThrow().toArray();
        iE = new double[size];
        iI = new double[size];
        refractory = new int[size];
    }

    @Override
    void refresh(int i) {
        double c = params.get(CM, i);
        double tauM = params.get(TAU_M, i);
        double tauE = params.get(TAU_SYN_E, i);
        double tauI = params.get(TAU_SYN_I, i);
        p11e[i] = LifPropagators.decay(dt, tauE);
        p11i[i] = LifPropagators.decay(dt, tauI);
        p21e[i] = LifPropagators.p21(dt, tauE, tauM, c);
        p21i[i] = LifPropagators.p21(dt, tauI, tauM, c);
        p22[i] = LifPropagators.decay(dt, tauM);
        p20[i] = LifPropagators.p20(dt, tauM, c);
        refractorySteps[i] = LifPropagators.refractorySteps(params.get(TAU_REFRAC, i), dt);
    }

    @Override
    public void step(StepInputs in, SpikeBuffer out) {
        final double[] ring = in.ring;
        final int read = in.readBase();
        final double[] gain = in.gain;
        final double[] bias = in.excitability;
        final double[] dc = in.dc;
        final double[] thOff = in.thresholdOffset;
        final double[] v = this.v;
        final double[] iE = this.iE;
        final double[] iI = this.iI;
        final int[] refractory = this.refractory;
        final int slotBase = this.slotBase;
        final int offset = this.offset;
        for (int i = 0; i < size; i++) {
            int slot = slotBase + i;
            int ch = read + 2 * slot;
            double ie = iE[i] + ring[ch];
            double ii = iI[i] + ring[ch + 1];
            ring[ch] = 0;
            ring[ch + 1] = 0;
            if (refractory[i] > 0) {
                refractory[i]--;
            } else {
                double rest = vRest[i];
                v[i] = rest + p22[i] * (v[i] - rest) + gain[slot] * (p21e[i] * ie + p21i[i] * ii)
                        + p20[i] * (iOffset[i] + bias[slot] + dc[slot]);
            }
            iE[i] = p11e[i] * ie;
            iI[i] = p11i[i] * ii;
            if (v[i] >= vThresh[i] + thOff[offset + i]) {
                out.add(offset + i);
                v[i] = vReset[i];
                refractory[i] = refractorySteps[i];
            }
        }
    }

    @Override
    public double state(int index, int local) {
        return switch (index) {
            case 0 -> v[local];
            case 1 -> iE[local];
            case 2 -> iI[local];
            default -> throw new IndexOutOfBoundsException("state " + index);
        };
    }
}
