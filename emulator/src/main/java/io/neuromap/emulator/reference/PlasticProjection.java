package io.neuromap.emulator.reference;

import io.neuromap.compiler.ir.EvaluatedCall;
import io.neuromap.compiler.ir.Modulator;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.compiler.model.LifPropagators;

/**
 * Pair-based STDP ({@code stdp}) and dopamine-modulated STDP ({@code da_stdp}, Izhikevich 2007)
 * on one projection, with all-to-all pairing through exponential traces: a pre trace x per pre
 * neuron (time constant tau_plus) and a post trace y per post neuron (tau_minus), each decaying
 * exactly and jumping by 1 per spike.
 *
 * <p>In a step, after the neurons fired: traces decay; each pre spike depresses its row with the
 * post traces, each post spike potentiates its column with the pre traces (both with the traces
 * from earlier steps only: a pre and a post spike in the same step do not pair); then the traces
 * of this step's spikes jump. Pairs are timed by the steps the spikes were fired in (the synaptic
 * delay is not added). Weights are the IR's magnitudes, changed in place, then clipped to
 * [w_min, w_max].
 *
 * <pre>
 * stdp additive:        post: w += A_plus x_pre W          pre: w -= A_minus y_post W
 * stdp multiplicative:  post: w += A_plus x_pre (w_max - w) pre: w -= A_minus y_post (w - w_min)
 * da_stdp:              post: c += A_plus x_pre W          pre: c -= A_minus y_post W
 *                       dc/dt = -c / tau_c,   dw/dt = c (m - b) / (1 ms)
 * </pre>
 *
 * W = 1 nA, the language's unit of weight: as in sPyNNaker's additive rule (spec spinnaker1 §4.8),
 * the amplitudes are absolute weight steps, in the unit plain weights are written in. For
 * {@code da_stdp}, m is the concentration of the modulator of the first pathway with a learning
 * effect on the projection or its post neurons ({@link Neuromodulation#learningModulator}); between
 * steps c decays with tau_c and m relaxes to its baseline with the modulator's decay, and the
 * weight change over the step is their exact integral (the closed form sPyNNaker evaluates,
 * spec §4.9). Without such a pathway, c evolves but no weight changes.
 *
 * <p>Effects: every weight change is multiplied by {@code learning_rate} and
 * {@code plasticity_sign} of the projection and of the synapse's post neuron; the da_stdp weight
 * change also by {@code eligibility_gate}.
 */
final class PlasticProjection {
    /** The language's weight unit (plain weights are nA): the unit of A_plus and A_minus. */
    static final double WEIGHT_UNIT = 1e-9;
    /** The time unit of dw/dt = c (m - b): per ms, as in Izhikevich (2007) and sPyNNaker. */
    static final double RATE_UNIT = 1e-3;

    private enum Rule { ADDITIVE, MULTIPLICATIVE, DOPAMINE }

    private final int index;
    private final Rule rule;
    private final int preOffset;
    private final int postOffset;
    private final int preSize;
    private final int postSize;
    private final int[] rowStart;
    private final int[] targets;
    private final int[] colStart;
    private final int[] colSynapse;
    private final int[] synapsePre;
    private final double[] w;
    private final double[] x;
    private final double[] y;
    private final double decayX;
    private final double decayY;
    private final double aPlus;
    private double aMinus;
    private final double wMin;
    private final double wMax;
    private final double[] c;
    private final double decayC;
    private final int modulator;
    private final double rateBaseline;
    private final double modulatorBaseline;
    private final double integralConstant;
    private final double integralDecaying;

    PlasticProjection(Network network, int index, SynapseDelivery delivery) {
        Projection p = network.projections().get(index);
        EvaluatedCall call = p.plasticity().orElseThrow();
        double dt = network.simulation().dt();
        this.index = index;
        this.rule = call.name().equals("da_stdp") ? Rule.DOPAMINE
                : "multiplicative".equals(call.words().get("mode")) ? Rule.MULTIPLICATIVE : Rule.ADDITIVE;
        this.preOffset = network.populations().get(p.pre()).offset();
        this.postOffset = network.populations().get(p.post()).offset();
        this.preSize = network.populations().get(p.pre()).size();
        this.postSize = network.populations().get(p.post()).size();
        this.rowStart = p.synapses().rowStartArray();
        this.targets = p.synapses().targetArray();
        this.w = delivery.plasticWeights();
        int count = targets.length;
        colStart = new int[postSize + 1];
        for (int t : targets) {
            colStart[t + 1]++;
        }
        for (int j = 0; j < postSize; j++) {
            colStart[j + 1] += colStart[j];
        }
        colSynapse = new int[count];
        synapsePre = new int[count];
        int[] fill = colStart.clone();
        for (int r = 0; r < preSize; r++) {
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                synapsePre[k] = r;
                colSynapse[fill[targets[k]]++] = k;
            }
        }
        x = new double[preSize];
        y = new double[postSize];
        decayX = LifPropagators.decay(dt, number(call, "tau_plus"));
        decayY = LifPropagators.decay(dt, number(call, "tau_minus"));
        aPlus = number(call, "A_plus");
        aMinus = number(call, "A_minus");
        wMin = number(call, "w_min");
        wMax = number(call, "w_max");
        if (rule == Rule.DOPAMINE) {
            double tauC = number(call, "tau_c");
            c = new double[count];
            decayC = LifPropagators.decay(dt, tauC);
            modulator = Neuromodulation.learningModulator(network, index);
            rateBaseline = number(call, "b");
            if (modulator >= 0) {
                Modulator m = network.modulators().get(modulator);
                modulatorBaseline = m.baseline();
                double tauD = m.decay();
                double tau = 1 / (1 / tauC + 1 / tauD);
                // Over one step: integral of exp(-t / tau_c) and of exp(-t / tau_c - t / tau_d), per ms.
                integralConstant = -tauC * StrictMath.expm1(-dt / tauC) / RATE_UNIT;
                integralDecaying = -tau * StrictMath.expm1(-dt / tau) / RATE_UNIT;
            } else {
                modulatorBaseline = 0;
                integralConstant = 0;
                integralDecaying = 0;
            }
        } else {
            c = null;
            decayC = 1;
            modulator = -1;
            rateBaseline = 0;
            modulatorBaseline = 0;
            integralConstant = 0;
            integralDecaying = 0;
        }
    }

    /** Multiplies A_minus by {@code factor}: the balance of depression against potentiation moved, as a chip's fit of the rule moves it. */
    void scaleDepression(double factor) {
        aMinus *= factor;
    }

    private static double number(EvaluatedCall call, String name) {
        return call.number(name).orElseThrow(() -> new IllegalArgumentException("plasticity rule " + call.name()
                + " has no argument " + name));
    }

    /**
     * Updates traces, eligibility and weights for step {@code step}, whose spikes are in
     * {@code spikes}; {@code concentrations} are the modulators' values at the start of the step.
     */
    void step(SpikeBuffer spikes, int prePopulation, int postPopulation, double[] concentrations, Neuromodulation modulation) {
        double projFactor = modulation.projectionFactor(Neuromodulation.LEARNING_RATE, index)
                * modulation.projectionFactor(Neuromodulation.PLASTICITY_SIGN, index);
        double[] rate = modulation.neuronFactors(Neuromodulation.LEARNING_RATE);
        double[] sign = modulation.neuronFactors(Neuromodulation.PLASTICITY_SIGN);
        if (rule == Rule.DOPAMINE) {
            dopamine(concentrations, projFactor * modulation.projectionFactor(Neuromodulation.ELIGIBILITY_GATE, index),
                    rate, sign, modulation.neuronFactors(Neuromodulation.ELIGIBILITY_GATE));
        }
        for (int i = 0; i < preSize; i++) {
            x[i] *= decayX;
        }
        for (int j = 0; j < postSize; j++) {
            y[j] *= decayY;
        }
        for (int s = spikes.start(prePopulation); s < spikes.end(prePopulation); s++) {
            int r = spikes.neuron(s) - preOffset;
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                int t = targets[k];
                double f = projFactor * factor(rate, sign, t);
                double trace = y[t];
                switch (rule) {
                    case ADDITIVE -> w[k] = clip(w[k] - f * aMinus * trace * WEIGHT_UNIT);
                    case MULTIPLICATIVE -> w[k] = clip(w[k] - f * aMinus * trace * (w[k] - wMin));
                    case DOPAMINE -> c[k] -= aMinus * trace * WEIGHT_UNIT;
                }
            }
        }
        for (int s = spikes.start(postPopulation); s < spikes.end(postPopulation); s++) {
            int t = spikes.neuron(s) - postOffset;
            double f = projFactor * factor(rate, sign, t);
            for (int q = colStart[t]; q < colStart[t + 1]; q++) {
                int k = colSynapse[q];
                double trace = x[synapsePre[k]];
                switch (rule) {
                    case ADDITIVE -> w[k] = clip(w[k] + f * aPlus * trace * WEIGHT_UNIT);
                    case MULTIPLICATIVE -> w[k] = clip(w[k] + f * aPlus * trace * (wMax - w[k]));
                    case DOPAMINE -> c[k] += aPlus * trace * WEIGHT_UNIT;
                }
            }
        }
        for (int s = spikes.start(prePopulation); s < spikes.end(prePopulation); s++) {
            x[spikes.neuron(s) - preOffset] += 1;
        }
        for (int s = spikes.start(postPopulation); s < spikes.end(postPopulation); s++) {
            y[spikes.neuron(s) - postOffset] += 1;
        }
    }

    /** Weight change over the step from the eligibility and the modulator, then the eligibility's decay. */
    private void dopamine(double[] concentrations, double projFactor, double[] rate, double[] sign, double[] gate) {
        if (modulator >= 0) {
            double m = concentrations[modulator];
            double integral = (modulatorBaseline - rateBaseline) * integralConstant
                    + (m - modulatorBaseline) * integralDecaying;
            // One pass: each synapse's weight takes this step's change, then its trace decays.
            for (int k = 0; k < c.length; k++) {
                if (c[k] != 0) {
                    int t = targets[k];
                    double f = projFactor * factor(rate, sign, t) * (gate == null ? 1 : gate[postOffset + t]);
                    w[k] = clip(w[k] + f * c[k] * integral);
                }
                c[k] *= decayC;
            }
            return;
        }
        for (int k = 0; k < c.length; k++) {
            c[k] *= decayC;
        }
    }

    private double factor(double[] rate, double[] sign, int post) {
        double f = 1;
        if (rate != null) {
            f *= rate[postOffset + post];
        }
        if (sign != null) {
            f *= sign[postOffset + post];
        }
        return f;
    }

    private double clip(double v) {
        return v < wMin ? wMin : v > wMax ? wMax : v;
    }

    /** The eligibility trace of synapse {@code k} (A), for da_stdp; 0 otherwise. */
    double eligibility(int k) {
        return c == null ? 0 : c[k];
    }
}
