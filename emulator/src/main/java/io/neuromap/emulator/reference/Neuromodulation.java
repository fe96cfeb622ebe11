package io.neuromap.emulator.reference;

import io.neuromap.compiler.ir.EffectBinding;
import io.neuromap.compiler.ir.IrExpr;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.NeuronRange;
import io.neuromap.compiler.ir.PathwayBinding;
import io.neuromap.compiler.ir.PathwayTargetBinding;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.ir.ResponseFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the pathways' effects at the start of every step, from the concentrations at the end of
 * the previous one. Each modulated quantity starts the step at its unmodulated value and the
 * effects act on it in the order of {@link Network#pathways()} and, within a pathway, of its
 * effects ({@code =} sets, {@code +=}, {@code -=} add, {@code *=} multiplies), each effect's value
 * computed with its pathway's modulator passed through the response function:
 *
 * <table>
 * <caption>What each effect kind acts on</caption>
 * <tr><th>kind</th><th>quantity (unmodulated value)</th></tr>
 * <tr><td>gain</td><td>factor on the compartment's synaptic current in the membrane equation (1)</td></tr>
 * <tr><td>excitability</td><td>bias current into the compartment, A (0)</td></tr>
 * <tr><td>threshold</td><td>the firing threshold ({@link NeuronKernel#thresholdParameter()}), V</td></tr>
 * <tr><td>tau(p), param(p)</td><td>parameter p (its elaborated value); the kernel recomputes its propagators</td></tr>
 * <tr><td>learning_rate, plasticity_sign, eligibility_gate, weight_scale</td><td>factors (1) per
 *     projection ({@code proj P}) or per post neuron, read by {@link PlasticProjection} and
 *     {@link SynapseDelivery}</td></tr>
 * </table>
 *
 * <p>A parameter or threshold whose value did not change since the last step is not rewritten, so
 * propagators are recomputed only when a concentration moved. No allocation per step.
 */
final class Neuromodulation {
    static final int LEARNING_RATE = 0;
    static final int PLASTICITY_SIGN = 1;
    static final int ELIGIBILITY_GATE = 2;
    static final int WEIGHT_SCALE = 3;
    private static final String[] LEARNING = {"learning_rate", "plasticity_sign", "eligibility_gate", "weight_scale"};

    /** A modulated array with the index ranges an effect covers and their unmodulated values. */
    private record Target(double[] values, int[] from, int[] to, double baseConstant, double[] baseValues) {
        void reset() {
            for (int r = 0; r < from.length; r++) {
                if (baseValues == null) {
                    java.util.Arrays.fill(values, from[r], to[r], baseConstant);
                } else {
                    System.arraycopy(baseValues, from[r], values, from[r], to[r] - from[r]);
                }
            }
        }
    }

    /** One effect: its target, operation and value (SI, as elaboration converted it). */
    private record Apply(Target target, EffectBinding.Op op, IrExpr value, ResponseFunction response, int modulator) {
    }

    /** A parameter of one population under modulation. */
    private static final class ParamChannel {
        final NeuronKernel kernel;
        final int parameter;
        final double[] effective;
        final double[] base;
        final List<int[]> ranges = new ArrayList<>();

        ParamChannel(NeuronKernel kernel, int parameter, int size) {
            this.kernel = kernel;
            this.parameter = parameter;
            this.effective = new double[size];
            this.base = new double[size];
            for (int i = 0; i < size; i++) {
                base[i] = kernel.baseParameter(parameter, i);
                effective[i] = base[i];
            }
        }
    }

    private final List<Target> targets = new ArrayList<>();
    private final List<Apply> applies = new ArrayList<>();
    private final List<ParamChannel> channels = new ArrayList<>();
    private final double[] scratch;
    private final double[] thresholdEffective;
    private final double[] thresholdBase;
    private final List<int[]> thresholdRanges = new ArrayList<>();
    private final double[] thresholdOffset;
    private final double[][] projectionFactors;
    private final double[][] neuronFactors;

    Neuromodulation(Network network, InputLayout layout, NeuronKernel[] kernels, StepInputs in) {
        int neurons = network.neuronCount();
        scratch = new double[network.modulators().size()];
        thresholdOffset = in.thresholdOffset;
        projectionFactors = new double[LEARNING.length][network.projections().size()];
        for (double[] f : projectionFactors) {
            java.util.Arrays.fill(f, 1.0);
        }
        neuronFactors = new double[LEARNING.length][];
        boolean thresholds = false;
        for (PathwayBinding p : network.pathways()) {
            for (EffectBinding e : p.effects()) {
                thresholds |= e.kind().equals("threshold");
                int l = ParameterizedKernel.indexOf(LEARNING, e.kind());
                if (l >= 0 && p.target() instanceof PathwayTargetBinding.Neurons && neuronFactors[l] == null) {
                    neuronFactors[l] = new double[neurons];
                    java.util.Arrays.fill(neuronFactors[l], 1.0);
                }
            }
        }
        thresholdEffective = thresholds ? new double[neurons] : null;
        thresholdBase = thresholds ? new double[neurons] : null;
        Map<Long, ParamChannel> byParameter = new HashMap<>();
        for (PathwayBinding p : network.pathways()) {
            for (EffectBinding e : p.effects()) {
                Target t = target(network, layout, kernels, in, p, e, byParameter);
                targets.add(t);
                applies.add(new Apply(t, e.op(), e.value(), e.response(), p.modulator()));
            }
        }
    }

    private Target target(Network network, InputLayout layout, NeuronKernel[] kernels, StepInputs in, PathwayBinding p,
            EffectBinding e, Map<Long, ParamChannel> byParameter) {
        String kind = e.kind();
        int learning = ParameterizedKernel.indexOf(LEARNING, kind);
        if (p.target() instanceof PathwayTargetBinding.Synapses s) {
            if (learning < 0) {
                throw new IllegalArgumentException("pathway " + p.name() + ": effect " + kind
                        + " cannot act on the synapses of a projection");
            }
            return new Target(projectionFactors[learning], new int[] {s.projection()}, new int[] {s.projection() + 1}, 1, null);
        }
        List<NeuronRange> ranges = ((PathwayTargetBinding.Neurons) p.target()).ranges();
        int n = ranges.size();
        int[] from = new int[n];
        int[] to = new int[n];
        if (learning >= 0) {
            for (int r = 0; r < n; r++) {
                from[r] = ranges.get(r).globalStart();
                to[r] = ranges.get(r).globalEnd();
            }
            return new Target(neuronFactors[learning], from, to, 1, null);
        }
        switch (kind) {
            case "gain":
            case "excitability": {
                for (int r = 0; r < n; r++) {
                    NeuronRange range = ranges.get(r);
                    int base = layout.base(network, range.population(), range.compartment());
                    if (base < 0) {
                        throw new IllegalArgumentException("pathway " + p.name() + ": " + kind
                                + " cannot act on spike source " + network.populations().get(range.population()).name());
                    }
                    from[r] = base + range.localStart();
                    to[r] = from[r] + range.size();
                }
                return kind.equals("gain") ? new Target(in.gain, from, to, 1, null)
                        : new Target(in.excitability, from, to, 0, null);
            }
            case "threshold": {
                for (int r = 0; r < n; r++) {
                    NeuronRange range = ranges.get(r);
                    Population pop = network.populations().get(range.population());
                    NeuronKernel k = kernels[range.population()];
                    String name = k.thresholdParameter();
                    if (name == null) {
                        throw new IllegalArgumentException("pathway " + p.name() + ": spike source " + pop.name()
                                + " has no threshold");
                    }
                    int index = k.parameterIndex(name);
                    for (int i = range.localStart(); i < range.localEnd(); i++) {
                        thresholdBase[pop.offset() + i] = k.baseParameter(index, i);
                    }
                    from[r] = range.globalStart();
                    to[r] = range.globalEnd();
                    thresholdRanges.add(new int[] {from[r], to[r]});
                }
                return new Target(thresholdEffective, from, to, 0, thresholdBase);
            }
            case "tau":
            case "param": {
                String subject = e.subject().orElseThrow(() -> new IllegalArgumentException("pathway " + p.name() + ": "
                        + kind + " names no parameter"));
                if (n == 0) {
                    return new Target(new double[0], from, to, 0, null);
                }
                ParamChannel channel = null;
                for (int r = 0; r < n; r++) {
                    NeuronRange range = ranges.get(r);
                    NeuronKernel k = kernels[range.population()];
                    int index = k.parameterIndex(subject);
                    if (index < 0) {
                        index = k.parameterIndex(range.compartment() + "." + subject);
                    }
                    if (index < 0) {
                        throw new IllegalArgumentException("pathway " + p.name() + ": population "
                                + network.populations().get(range.population()).name() + " has no parameter " + subject
                                + " that the float reference can modulate");
                    }
                    long key = ((long) range.population() << 32) | index;
                    final int parameter = index;
                    ParamChannel c = byParameter.computeIfAbsent(key, x -> {
                        ParamChannel created = new ParamChannel(k, parameter,
                                network.populations().get(range.population()).size());
                        channels.add(created);
                        return created;
                    });
                    if (channel != null && channel != c) {
                        throw new IllegalArgumentException("pathway " + p.name() + ": effect " + kind + "(" + subject
                                + ") spans several populations; the float reference needs one target population per effect");
                    }
                    channel = c;
                    from[r] = range.localStart();
                    to[r] = range.localEnd();
                    c.ranges.add(new int[] {from[r], to[r]});
                }
                return new Target(channel.effective, from, to, 0, channel.base);
            }
            default:
                throw new IllegalArgumentException("pathway " + p.name() + ": unknown effect " + kind);
        }
    }

    /** True when there is nothing to apply. */
    boolean isEmpty() {
        return applies.isEmpty();
    }

    /** Applies every effect for the coming step, given the current concentrations. */
    void apply(double[] concentrations) {
        for (int t = 0, n = targets.size(); t < n; t++) {
            targets.get(t).reset();
        }
        for (int a = 0, n = applies.size(); a < n; a++) {
            Apply e = applies.get(a);
            double value = value(e, concentrations);
            Target t = e.target();
            double[] values = t.values();
            for (int r = 0; r < t.from().length; r++) {
                for (int i = t.from()[r]; i < t.to()[r]; i++) {
                    values[i] = e.op().apply(values[i], value);
                }
            }
        }
        for (int c = 0, n = channels.size(); c < n; c++) {
            ParamChannel ch = channels.get(c);
            for (int r = 0, m = ch.ranges.size(); r < m; r++) {
                int[] range = ch.ranges.get(r);
                for (int i = range[0]; i < range[1]; i++) {
                    if (ch.effective[i] != ch.kernel.parameter(ch.parameter, i)) {
                        ch.kernel.setParameter(ch.parameter, i, ch.effective[i]);
                    }
                }
            }
        }
        for (int r = 0, n = thresholdRanges.size(); r < n; r++) {
            int[] range = thresholdRanges.get(r);
            for (int g = range[0]; g < range[1]; g++) {
                thresholdOffset[g] = thresholdEffective[g] - thresholdBase[g];
            }
        }
    }

    private double value(Apply e, double[] concentrations) {
        if (e.response().kind() == ResponseFunction.Kind.LINEAR) {
            return e.value().evaluate(concentrations);
        }
        System.arraycopy(concentrations, 0, scratch, 0, scratch.length);
        scratch[e.modulator()] = e.response().apply(concentrations[e.modulator()]);
        return e.value().evaluate(scratch);
    }

    /** The factor of learning kind {@code kind} ({@link #LEARNING_RATE}, ...) for a projection. */
    double projectionFactor(int kind, int projection) {
        return projectionFactors[kind][projection];
    }

    /** Per-neuron factors of learning kind {@code kind} over global neuron indices, or null when none acts on neurons. */
    double[] neuronFactors(int kind) {
        return neuronFactors[kind];
    }

    /**
     * The modulator that gates a three-factor rule on {@code projection}: that of the first
     * pathway with a learning effect on the projection itself or on neurons of its post
     * population; -1 when there is none.
     */
    static int learningModulator(Network network, int projection) {
        int post = network.projections().get(projection).post();
        for (PathwayBinding p : network.pathways()) {
            boolean learning = false;
            for (EffectBinding e : p.effects()) {
                learning |= ParameterizedKernel.indexOf(LEARNING, e.kind()) >= 0;
            }
            if (!learning) {
                continue;
            }
            if (p.target() instanceof PathwayTargetBinding.Synapses s && s.projection() == projection) {
                return p.modulator();
            }
            if (p.target() instanceof PathwayTargetBinding.Neurons n) {
                for (NeuronRange r : n.ranges()) {
                    if (r.population() == post) {
                        return p.modulator();
                    }
                }
            }
        }
        return -1;
    }
}
