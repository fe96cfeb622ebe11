package io.neuromap.backends.loihi1.lower;

import io.neuromap.backends.report.QuantizationRow;
import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.config.Loihi1ProbeVariable;
import io.neuromap.backends.loihi1.learning.LearningLowerer;
import io.neuromap.backends.loihi1.learning.LearningLowering;
import io.neuromap.backends.loihi1.learning.PlasticBounds;
import io.neuromap.backends.loihi1.learning.WeightProbes;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.ir.Probe;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.compiler.ir.SynapseMatrix;
import io.neuromap.compiler.ir.SynapseReceptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Stage 4 for Loihi 1: lowers an elaborated network to the chip's integers (see
 * {@link NeuronLowering} for the neuron mapping, {@link WeightLowering} for synapses,
 * {@link StimulusLowering} for stimuli). It never rejects a network: models and features it
 * cannot lower get placeholders and a fact that the design rules turn into a violation with a
 * fix, so mapping and the report still cover everything. Pure: the input is not changed.
 */
public final class Loihi1Lowerer {
    private static final String LIF = "lif";
    private static final String TWO_COMP = "two_comp";

    private Loihi1Lowerer() {
    }

    /** Lowers {@code network} with {@code options}. */
    public static Loihi1Lowering lower(Network network, Loihi1LowerOptions options) {
        requireNonNull(network, "network is null");
        requireNonNull(options, "options is null");
        StimulusLowering.Result stimuli = StimulusLowering.lower(network);
        Network net = stimuli.network();
        double dt = net.simulation().dt();
        long steps = net.simulation().steps();
        int populations = net.populations().size();
        NeuronLowering.Inputs[] inputs = inputs(net);
        double[][] dcSoma = new double[populations][];
        double[][] dcDendrite = new double[populations][];
        for (int p = 0; p < populations; p++) {
            dcSoma[p] = new double[net.populations().get(p).size()];
            dcDendrite[p] = new double[net.populations().get(p).size()];
        }
        List<StimulusLowering.Dc> windowed = new ArrayList<>();
        for (StimulusLowering.Dc d : stimuli.dc()) {
            if (d.wholeRun(steps)) {
                double[] into = "dendrite".equals(d.compartment()) ? dcDendrite[d.population()] : dcSoma[d.population()];
                for (int i = 0; i < d.size(); i++) {
                    into[d.from() + i] += d.amplitude();
                }
            } else {
                windowed.add(d);
            }
        }

        MeanDrive meanDrive = MeanDrive.of(net, stimuli.dc(), stimuli.sources());
        List<LoweringFacts.Model> models = new ArrayList<>();
        NeuronLowering[] neurons = new NeuronLowering[populations];
        PopulationLowering[] lowered = new PopulationLowering[populations];
        List<BinningRow> binning = new ArrayList<>();
        for (int p = 0; p < populations; p++) {
            Population pop = net.populations().get(p);
            String model = pop.model().name();
            if (pop.isSource()) {
                lowered[p] = PopulationLowering.source(p, pop.name(), pop.size());
                continue;
            }
            boolean supported = LIF.equals(model) || TWO_COMP.equals(model);
            models.add(new LoweringFacts.Model(pop.name(), model, supported, pop.span()));
            if (!supported) {
                lowered[p] = PopulationLowering.unsupported(p, pop.name(), pop.size());
                continue;
            }
            neurons[p] = new NeuronLowering(pop, p, dt);
            neurons[p].prepare(inputs[p], dcSoma[p], dcDendrite[p], meanDrive.soma(p), meanDrive.dendrite(p),
                    meanDrive.atBaseline(p), options);
            binning.addAll(neurons[p].binning());
        }

        double[] weightCap = new double[populations];
        Arrays.fill(weightCap, Double.POSITIVE_INFINITY);
        for (Projection proj : net.projections()) {
            NeuronLowering post = neurons[proj.post()];
            if (post == null) {
                continue;
            }
            double[] f1 = post.unitWeightFactor(post.shape().positionFor(proj.postCompartment(), proj.receptor()));
            // Weights into a compartment whose gain a pathway raises keep headroom for the factor.
            double max = Math.max(maxProduct(proj.synapses(), f1), PlasticBounds.chipBound(proj, f1))
                    * ModulationLowering.maxGain(net, proj.post());
            if (max > 0) {
                weightCap[proj.post()] = Math.min(weightCap[proj.post()], NeuronLowering.WEIGHT_ANCHOR / max);
            }
        }

        List<QuantizationRow> quantization = new ArrayList<>();
        List<LoweringFacts.Decay> decays = new ArrayList<>();
        List<LoweringFacts.Refractory> refractories = new ArrayList<>();
        List<LoweringFacts.Threshold> thresholds = new ArrayList<>();
        List<LoweringFacts.Bias> biases = new ArrayList<>();
        List<LoweringFacts.Init> inits = new ArrayList<>();
        List<LoweringFacts.Coupling> couplings = new ArrayList<>();
        for (int p = 0; p < populations; p++) {
            if (neurons[p] == null) {
                continue;
            }
            NeuronLowering.Finished f = neurons[p].finish(weightCap[p]);
            lowered[p] = f.lowering();
            quantization.addAll(f.rows());
            decays.addAll(f.decays());
            refractories.add(f.refractory());
            thresholds.add(f.threshold());
            biases.add(f.bias());
            inits.add(f.init());
            if (f.coupling() != null) {
                couplings.add(f.coupling());
            }
        }

        List<ProjectionLowering> projections = new ArrayList<>();
        List<LoweringFacts.Weights> weights = new ArrayList<>();
        List<LoweringFacts.Delay> delays = new ArrayList<>();
        List<LoweringFacts.Plasticity> plasticity = new ArrayList<>();
        List<LoweringFacts.Target> targets = new ArrayList<>();
        for (int j = 0; j < net.projections().size(); j++) {
            Projection proj = net.projections().get(j);
            PopulationLowering post = lowered[proj.post()];
            targets.add(new LoweringFacts.Target(proj.name(), net.populations().get(proj.post()).name(),
                    !post.isSource(), proj.synapseCount(), proj.span()));
            int position = post.isSource() ? -1 : post.shape().positionFor(proj.postCompartment(), proj.receptor());
            double[] factor = position < 0 ? new double[post.size()] : post.weightFactors(position);
            WeightLowering.Result r = WeightLowering.lower(j, proj, position, factor, post.isSupported() && !post.isSource(),
                    dt, ModulationLowering.maxGain(net, proj.post(), proj.postCompartment()));
            projections.add(r.lowering());
            quantization.addAll(r.rows());
            if (r.weights() != null) {
                weights.add(r.weights());
            }
            delays.add(r.delay());
        }
        // The learning engine's rules (io.neuromap.backends.loihi1.learning) need every projection's scale.
        boolean[] onCore = new boolean[populations];
        for (int p = 0; p < populations; p++) {
            onCore[p] = lowered[p].isSupported() && !lowered[p].isSource();
        }
        LearningLowering learning = LearningLowerer.lower(net, projections, onCore, Arrays.asList(stimuli.sources()));
        plasticity.addAll(learning.facts());
        quantization.addAll(learning.rows());

        List<LoweringFacts.Stimulus> stimulusFacts = new ArrayList<>(stimuli.facts());
        List<CurrentInjection> injections = injections(windowed, lowered, stimulusFacts);
        List<LoweringFacts.Probe> probeFacts = new ArrayList<>();
        List<LoweredProbe> probes = probes(net, lowered, probeFacts, learning);
        ModulationLowering.Result modulated = ModulationLowering.lower(net, Arrays.asList(lowered));
        List<LoweringFacts.Modulation> modulation = new ArrayList<>(modulated.unlowered());
        quantization.addAll(modulated.rows());
        probeFacts.addAll(modulated.probeFacts());
        LoweringFacts facts = new LoweringFacts(models, decays, refractories, thresholds, biases, inits, couplings,
                weights, plasticity, delays, modulation, stimulusFacts, probeFacts, targets);
        return new Loihi1Lowering(net, network.populations().size(), Arrays.asList(lowered), projections,
                Arrays.asList(stimuli.sources()), injections, probes, facts, quantization, binning, options, learning,
                modulated);
    }

    /** Which currents each population's synapses drive. */
    private static NeuronLowering.Inputs[] inputs(Network net) {
        int populations = net.populations().size();
        boolean[][] used = new boolean[populations][4];
        for (Projection p : net.projections()) {
            if (p.synapseCount() == 0) {
                continue;
            }
            int c = ("dendrite".equals(p.postCompartment()) ? 2 : 0) + (p.receptor() == SynapseReceptor.INH ? 1 : 0);
            used[p.post()][c] = true;
        }
        NeuronLowering.Inputs[] out = new NeuronLowering.Inputs[populations];
        for (int p = 0; p < populations; p++) {
            out[p] = new NeuronLowering.Inputs(used[p][0], used[p][1], used[p][2], used[p][3]);
        }
        return out;
    }

    private static double maxProduct(SynapseMatrix m, double[] factor) {
        double max = 0;
        int count = m.count();
        if (m.weights().isHomogeneous()) {
            double w = m.weights().constantValue();
            int[] targets = m.targetArray();
            for (int t : targets) {
                max = Math.max(max, factor[t] * w);
            }
            return max;
        }
        for (int k = 0; k < count; k++) {
            max = Math.max(max, factor[m.target(k)] * m.weight(k));
        }
        return max;
    }

    /** Windowed dc stimuli to current injections, one per target neuron. */
    private static List<CurrentInjection> injections(List<StimulusLowering.Dc> windowed, PopulationLowering[] lowered,
            List<LoweringFacts.Stimulus> facts) {
        List<CurrentInjection> out = new ArrayList<>();
        for (StimulusLowering.Dc d : windowed) {
            PopulationLowering pop = lowered[d.population()];
            if (!pop.isSupported()) {
                continue;
            }
            int position = pop.shape().positionOf(d.compartment());
            double max = 0;
            for (int i = 0; i < d.size(); i++) {
                int neuron = d.from() + i;
                double value = pop.currentScale(position, neuron) * d.amplitude();
                max = Math.max(max, Math.abs(value));
                int v = (int) Math.max(Integer.MIN_VALUE, Math.min(Math.rint(value), Integer.MAX_VALUE));
                out.add(new CurrentInjection(d.population(), neuron, position, d.startStep(), d.endStep(), v,
                        pop.decayU(position, neuron)));
            }
            facts.add(new LoweringFacts.Stimulus(d.stimulus().name(), "dc", true, "current injection", max,
                    d.stimulus().span()));
        }
        return out;
    }

    /** The probes the chip records; the others become facts. */
    private static List<LoweredProbe> probes(Network net, PopulationLowering[] lowered, List<LoweringFacts.Probe> facts,
            LearningLowering learning) {
        List<LoweredProbe> out = new ArrayList<>();
        for (Probe probe : net.probes()) {
            PopulationLowering pop = lowered[probe.target().population()];
            String kind = probe.kind();
            if ("modulator".equals(kind)) {
                // Recorded by the management program (ModulationLowering), not by a compartment.
                continue;
            }
            if (pop.isSource()) {
                facts.add(new LoweringFacts.Probe(probe.name(), kind, false, "`" + pop.name()
                        + "` is a spike source the host injects; its spikes are in the config's stimuli", probe.span()));
                continue;
            }
            Loihi1ProbeVariable variable;
            int position;
            if ("spikes".equals(kind)) {
                variable = Loihi1ProbeVariable.SPIKES;
                position = pop.shape().somaPosition();
            } else if ("state".equals(kind) && probe.variable().isPresent()) {
                String v = probe.variable().get();
                String compartment = v.startsWith("dendrite.") ? "dendrite" : "soma";
                String base = v.contains(".") ? v.substring(v.indexOf('.') + 1) : v;
                if ("v".equals(base)) {
                    variable = Loihi1ProbeVariable.VOLTAGE;
                    position = pop.shape().positionOf(compartment);
                } else if ("i_syn_e".equals(base) || "i_syn_i".equals(base)) {
                    variable = Loihi1ProbeVariable.CURRENT;
                    position = pop.shape().positionFor(compartment,
                            "i_syn_i".equals(base) ? SynapseReceptor.INH : SynapseReceptor.EXC);
                } else {
                    facts.add(new LoweringFacts.Probe(probe.name(), kind, false, "state `" + v
                            + "` has no Loihi 1 compartment variable", probe.span()));
                    continue;
                }
                if (position < 0) {
                    facts.add(new LoweringFacts.Probe(probe.name(), kind, false, "`" + pop.name() + "` has no compartment for `"
                            + v + "`", probe.span()));
                    continue;
                }
            } else if ("weights".equals(kind) && WeightProbes.learnsInto(learning, net, probe.target().population())) {
                // Recorded by the learning section's weight probes (io.neuromap.backends.loihi1.learning).
                continue;
            } else {
                facts.add(new LoweringFacts.Probe(probe.name(), kind, false, kind
                        + " probes are not in Loihi 1 config format version 1", probe.span()));
                continue;
            }
            out.add(new LoweredProbe(probe.name(), variable, probe.everySteps(), probe.target().population(),
                    probe.target().localStart(), probe.target().size(), position));
        }
        return out;
    }
}
