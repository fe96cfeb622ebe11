package io.neuromap.backends.loihi1.lower;

import io.neuromap.compiler.ir.CellType;
import io.neuromap.compiler.ir.DelaySteps;
import io.neuromap.compiler.ir.EvaluatedCall;
import io.neuromap.compiler.ir.IndexRange;
import io.neuromap.compiler.ir.ListParameterValues;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.NeuronRange;
import io.neuromap.compiler.ir.ParameterValues;
import io.neuromap.compiler.ir.PoissonSpikeTrains;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.compiler.ir.Stimulus;
import io.neuromap.compiler.ir.StimulusSource;
import io.neuromap.compiler.ir.SynapseMatrix;
import io.neuromap.compiler.ir.SynapseReceptor;
import io.neuromap.compiler.ir.SynapseWeights;
import io.neuromap.compiler.model.ModelLibrary;
import io.neuromap.compiler.model.NeuronModel;
import io.neuromap.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a network's stimuli into what Loihi 1 has: spike stimuli become spike-source populations
 * the host injects, each with a {@code one_to_one} projection of one step's delay onto its
 * targets (a stimulus spike fired in step s reaches its target in step s + 1, as in the float
 * reference), so the partitioner counts their input axons and synaptic memory like any other
 * projection's; a negative weight drives the inhibitory current, so a stimulus with weights of
 * both signs becomes two projections. {@code dc} stimuli become bias (over the whole run) or
 * current injections (over a window). External channels and stimuli into spike sources have
 * no Loihi 1 form and are reported.
 *
 * <p>Spike sources of every kind are described as {@link SpikeSource}s, indexed by population.
 */
final class StimulusLowering {
    private StimulusLowering() {
    }

    /**
     * A {@code dc} stimulus: its target neurons and compartment, amplitude (A) and step window.
     */
    record Dc(Stimulus stimulus, int population, int from, int size, String compartment, double amplitude,
            long startStep, long endStep) {
        /** True when it acts in every step of the run, so it can be part of the bias. */
        boolean wholeRun(long steps) {
            return startStep <= 0 && endStep >= steps;
        }
    }

    /** The augmented network, every population's spike source (null for neurons), dc stimuli and facts. */
    record Result(Network network, SpikeSource[] sources, List<Dc> dc, List<LoweringFacts.Stimulus> facts) {
    }

    static Result lower(Network network) {
        double dt = network.simulation().dt();
        long steps = network.simulation().steps();
        List<Population> populations = new ArrayList<>(network.populations());
        List<Projection> projections = new ArrayList<>(network.projections());
        List<SpikeSource> sources = new ArrayList<>();
        for (Population p : network.populations()) {
            sources.add(p.isSource() ? populationSource(network, p) : null);
        }
        List<Dc> dc = new ArrayList<>();
        List<LoweringFacts.Stimulus> facts = new ArrayList<>();
        for (Stimulus s : network.stimuli()) {
            NeuronRange target = s.target();
            Population into = network.populations().get(target.population());
            StimulusSource src = s.source();
            if (into.isSource()) {
                facts.add(new LoweringFacts.Stimulus(s.name(), src.kind(), false,
                        "it drives spike source `" + into.name() + "`, whose spikes the host injects", 0, s.span()));
                continue;
            }
            if (src instanceof StimulusSource.External) {
                facts.add(new LoweringFacts.Stimulus(s.name(), src.kind(), false,
                        "external channels are not in Loihi 1 config format version 1", 0, s.span()));
                continue;
            }
            if (src instanceof StimulusSource.Dc) {
                StimulusSource.Dc d = (StimulusSource.Dc) src;
                long first = PoissonSpikeTrains.stepAtOrAfter(d.start(), dt);
                long end = PoissonSpikeTrains.stepAtOrAfter(d.start() + d.duration(), dt);
                dc.add(new Dc(s, target.population(), target.localStart(), target.size(), target.compartment(),
                        d.amplitude(), first, end));
                continue;
            }
            int index = populations.size();
            Population source = sourcePopulation(network, s, index, populations);
            populations.add(source);
            sources.add(stimulusSource(network, s));
            double[] weight = s.weight().map(ParameterValues::toArray).orElse(new double[target.size()]);
            boolean anyExc = false;
            boolean anyInh = false;
            for (double w : weight) {
                anyExc |= w > 0;
                anyInh |= w < 0;
            }
            if (anyExc || !anyInh) {
                projections.add(projection(network, s, index, weight, SynapseReceptor.EXC, anyExc && anyInh));
            }
            if (anyInh) {
                projections.add(projection(network, s, index, weight, SynapseReceptor.INH, anyExc));
            }
        }
        Network augmented = new Network(network.name(), network.span(), network.simulation(), populations, projections,
                network.modulators(), network.pathways(), network.stimuli(), network.probes(), network.targets());
        return new Result(augmented, sources.toArray(new SpikeSource[0]), dc, facts);
    }

    /** The spikes of a {@code poisson} or {@code spike_times} population. */
    private static SpikeSource populationSource(Network network, Population p) {
        double dt = network.simulation().dt();
        if ("spike_times".equals(p.model().name())) {
            ListParameterValues times = p.listParameters().get("times");
            return (neuron, limit) -> SpikeSteps.ofTimes(times.get(neuron), dt, limit);
        }
        PoissonSpikeTrains trains = PoissonSpikeTrains.forPopulation(network, p);
        ParameterValues rate = p.parameter("rate").orElseThrow();
        ParameterValues start = p.parameter("start").orElseThrow();
        ParameterValues duration = p.parameter("duration").orElseThrow();
        return (neuron, limit) -> SpikeSteps.poisson(trains, neuron, rate.get(neuron), start.get(neuron),
                duration.get(neuron), dt, limit);
    }

    /** The spikes of a spike stimulus; neuron k is the stimulus' k-th target. */
    private static SpikeSource stimulusSource(Network network, Stimulus s) {
        double dt = network.simulation().dt();
        StimulusSource src = s.source();
        if (src instanceof StimulusSource.SpikeTimes) {
            double[] times = ((StimulusSource.SpikeTimes) src).times().stream().mapToDouble(Double::doubleValue).toArray();
            return (neuron, limit) -> SpikeSteps.ofTimes(times, dt, limit);
        }
        StimulusSource.Poisson p = (StimulusSource.Poisson) src;
        PoissonSpikeTrains trains = PoissonSpikeTrains.forStimulus(network, s);
        return (neuron, limit) -> SpikeSteps.poisson(trains, neuron, p.rate(), p.start(), p.duration(), dt, limit);
    }

    /** A spike-source population standing for stimulus {@code s}: one neuron per target. */
    private static Population sourcePopulation(Network network, Stimulus s, int index, List<Population> populations) {
        Population last = populations.get(populations.size() - 1);
        int offset = last.offset() + last.size();
        int size = s.target().size();
        StimulusSource src = s.source();
        boolean times = src instanceof StimulusSource.SpikeTimes;
        NeuronModel model = ModelLibrary.lookup(times ? "spike_times" : "poisson").orElseThrow();
        Map<String, ParameterValues> parameters = new LinkedHashMap<>();
        Map<String, ListParameterValues> lists = new LinkedHashMap<>();
        if (times) {
            double[] t = ((StimulusSource.SpikeTimes) src).times().stream().mapToDouble(Double::doubleValue).toArray();
            lists.put("times", ListParameterValues.shared(size, t));
        } else {
            StimulusSource.Poisson p = (StimulusSource.Poisson) src;
            parameters.put("rate", ParameterValues.constant(size, p.rate()));
            parameters.put("start", ParameterValues.constant(size, p.start()));
            parameters.put("duration", ParameterValues.constant(size, p.duration()));
        }
        return new Population(stimulusName(s), s.span(), size, offset, model, parameters, Map.of(), lists,
                List.of(new CellType(model.name(), List.of(), s.span())), new int[] {0, size}, s.seed());
    }

    /** The one-to-one projection of a stimulus's source onto its targets, for the weights of one sign. */
    private static Projection projection(Network network, Stimulus s, int pre, double[] weight, SynapseReceptor receptor,
            boolean split) {
        NeuronRange target = s.target();
        int n = target.size();
        int[] rowStart = new int[n + 1];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (belongs(weight[i], receptor)) {
                count++;
            }
            rowStart[i + 1] = count;
        }
        int[] targets = new int[count];
        float[] values = new float[count];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (belongs(weight[i], receptor)) {
                targets[k] = target.localStart() + i;
                values[k++] = (float) Math.abs(weight[i]);
            }
        }
        SynapseMatrix m = new SynapseMatrix(rowStart, targets, SynapseWeights.of(values), DelaySteps.constant(count, 1));
        SourceSpan span = s.span();
        String name = stimulusName(s) + (split ? "." + receptor.word() : "");
        return new Projection(name, span, pre, target.population(), new IndexRange(0, n), target.localRange(),
                target.compartment(), receptor, true, new EvaluatedCall("one_to_one", Map.of(), Map.of(), span),
                Optional.empty(), m, s.seed());
    }

    private static boolean belongs(double w, SynapseReceptor receptor) {
        return receptor == SynapseReceptor.INH ? w < 0 : w >= 0;
    }

    /** The name a stimulus's source population and projection get: {@code stimulus:NAME}. */
    static String stimulusName(Stimulus s) {
        return "stimulus:" + s.name();
    }
}
