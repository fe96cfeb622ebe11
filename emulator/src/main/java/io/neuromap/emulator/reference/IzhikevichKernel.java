package io.neuromap.emulator.reference;

import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.model.LifPropagators;

/**
 * {@code izhikevich}: the quadratic model of Izhikevich (2003) in the paper's units (v and u in
 * mV, t in ms, a, b, d as written in the paper):
 *
 * <pre>
 * v' = 0.04 v^2 + 5 v + 140 - u + I        u' = a (b v - u)
 * v &gt;= v_thresh (30 mV)  -&gt;  spike, v &lt;- c, u &lt;- u + d
 * </pre>
 *
 * <p><b>Input.</b> Every built-in neuron has current-based synapses
 * ({@link io.neuromap.compiler.model.NeuronModel#weightDimension()}), so I is a current: the sum
 * of {@code g (I_e + I_i)} (exponential synaptic currents with {@code tau_syn_E},
 * {@code tau_syn_I}; g the {@code gain} effect), {@code i_offset}, the {@code excitability} bias
 * and dc stimuli, read in pA: the paper's I is the current into a 1 pF membrane, which is NEST's
 * {@code izhikevich} ({@code I_e} in pA) and PyNN's ({@code i_offset} in nA, times 1000 for NEST).
 * So the paper's {@code I = 10} is {@code i_offset = 10 pA}.
 *
 * <p><b>Integration</b>, after the paper's reference code (Izhikevich 2003, Fig. 3; the same in
 * the 2007 spnet/dastdp code): per step, v takes Euler sub-steps, then u one Euler step of the
 * whole dt with the new v; the synaptic currents are held at their start-of-step value, which
 * includes the step's arrivals (added at the start of the step, so an input moves v in the step
 * it arrives in), and decay exactly over the step afterwards. At
 * dt = 1 ms these are exactly the code's two 0.5 ms half-steps, which keep integrating past the
 * cut-off within the step (so u's update in a spike step sees the overshoot, as in the code).
 * For another dt, v takes n = max(2, ceil(dt / 0.5 ms)) sub-steps of dt / n; when n &gt; 2, the
 * sub-steps after v reaches the cut-off are skipped (otherwise the overshoot would grow without
 * bound over many sub-steps). The reported v is in volts; u is reported in mV, its unit in the
 * model library. No refractory period (the model has none).
 */
final class IzhikevichKernel extends ParameterizedKernel {
    private static final String[] PARAMETERS = {"a", "b", "c", "d", "v_thresh", "tau_syn_E", "tau_syn_I", "i_offset"};
    private static final String[] STATE = {"v", "u", "i_syn_e", "i_syn_i"};
    private static final String[] UNITS = {"V", "mV", "A", "A"};
    private static final int TAU_SYN_E = 5;
    private static final int TAU_SYN_I = 6;
    /** mV per V. */
    private static final double MV = 1e3;
    /** pA per A: the paper's I is a current in pA. */
    private static final double PA = 1e12;
    /** The reference code's sub-step of v, ms. */
    private static final double HALF_STEP_MS = 0.5;

    private final int offset;
    private final int size;
    private final int slotBase;
    private final double dt;
    private final double dtMs;
    private final int subSteps;
    private final double h;
    private final boolean stopAtCutOff;
    private final double[] a;
    private final double[] b;
    private final double[] c;
    private final double[] d;
    private final double[] vThresh;
    private final double[] iOffset;
    private final double[] p11e;
    private final double[] p11i;
    /** Membrane potential in mV (the unit of the equations). */
    private final double[] vm;
    private final double[] u;
    private final double[] iE;
    private final double[] iI;

    IzhikevichKernel(Population population, int slotBase, double dt) {
        super(new ParameterTable(population, PARAMETERS), STATE, UNITS, "v_thresh");
        this.offset = population.offset();
        this.size = population.size();
        this.slotBase = slotBase;
        this.dt = dt;
        this.dtMs = dt * MV;
        this.subSteps = Math.max(2, (int) Math.ceil(dtMs / HALF_STEP_MS - 1e-9));
        this.h = dtMs / subSteps;
        this.stopAtCutOff = subSteps > 2;
        a = params.column("a");
        b = params.column("b");
        c = params.column("c");
        d = params.column("d");
        vThresh = params.column("v_thresh");
        iOffset = params.column("i_offset");
        p11e = new double[size];
        p11i = new double[size];
        for (int i = 0; i < size; i++) {
            refresh(i);
        }
        vm = population.parameter("v_init").orElseThrow().toArray();
        for (int i = 0; i < size; i++) {
            vm[i] *= MV;
        }
        u = population.parameter("u_init").orElseThrow().toArray();
        iE = new double[size];
        iI = new double[size];
    }

    @Override
    void refresh(int i) {
        p11e[i] = LifPropagators.decay(dt, params.get(TAU_SYN_E, i));
        p11i[i] = LifPropagators.decay(dt, params.get(TAU_SYN_I, i));
    }

    @Override
    public void step(StepInputs in, SpikeBuffer out) {
        final double[] ring = in.ring;
        final int read = in.readBase();
        final double[] gain = in.gain;
        final double[] bias = in.excitability;
        final double[] dc = in.dc;
        final double[] thOff = in.thresholdOffset;
        final double[] vm = this.vm;
        final double[] u = this.u;
        final int n = subSteps;
        final double h = this.h;
        final boolean stop = stopAtCutOff;
        for (int i = 0; i < size; i++) {
            int slot = slotBase + i;
            int ch = read + 2 * slot;
            double ie = iE[i] + ring[ch];
            double ii = iI[i] + ring[ch + 1];
            ring[ch] = 0;
            ring[ch + 1] = 0;
            double current = (gain[slot] * (ie + ii) + iOffset[i] + bias[slot] + dc[slot]) * PA;
            double cut = (vThresh[i] + thOff[offset + i]) * MV;
            double x = vm[i];
            double ui = u[i];
            for (int k = 0; k < n; k++) {
                x += h * (0.04 * x * x + 5 * x + 140 - ui + current);
                if (stop && x >= cut) {
                    break;
                }
            }
            ui += dtMs * a[i] * (b[i] * x - ui);
            iE[i] = p11e[i] * ie;
            iI[i] = p11i[i] * ii;
            if (x >= cut) {
                out.add(offset + i);
                x = c[i] * MV;
                ui += d[i];
            }
            vm[i] = x;
            u[i] = ui;
        }
    }

    @Override
    public double state(int index, int local) {
        return switch (index) {
            case 0 -> vm[local] / MV;
            case 1 -> u[local];
            case 2 -> iE[local];
            case 3 -> iI[local];
            default -> throw new IndexOutOfBoundsException("state " + index);
        };
    }
}
