package io.neuromap.cli;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ir.CellType;
import io.neuromap.compiler.ir.DelaySteps;
import io.neuromap.compiler.ir.EffectBinding;
import io.neuromap.compiler.ir.IndexRange;
import io.neuromap.compiler.ir.ListParameterValues;
import io.neuromap.compiler.ir.Modulator;
import io.neuromap.compiler.ir.ModulatorSource;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.NeuronRange;
import io.neuromap.compiler.ir.ParameterValues;
import io.neuromap.compiler.ir.PathwayBinding;
import io.neuromap.compiler.ir.PathwayTargetBinding;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.ir.Probe;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.compiler.ir.Receptor;
import io.neuromap.compiler.ir.Stimulus;
import io.neuromap.compiler.ir.SynapseMatrix;
import io.neuromap.compiler.ir.SynapseWeights;
import io.neuromap.compiler.model.ParameterSpec;
import io.neuromap.compiler.source.SourceFile;
import io.neuromap.compiler.source.SourceSpan;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Unit;
import io.neuromap.compiler.units.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code neuromap inspect} shows about an elaborated network: per population and cell type
 * the realised parameter statistics, per projection the synapse counts, degrees, weights and
 * delays, the modulators, and what each pathway bound to. Values are in display units (ms, mV,
 * nA, ...), each with its unit. Built once from the IR and rendered as text or JSON, so both
 * always say the same. The statistics loop over the IR's primitive arrays; nothing is copied per
 * synapse.
 */
record NetworkReport(String name, String file, int neurons, long synapses, double dtMs, double durationMs, long steps,
        long seed, List<String> targets, List<PopulationReport> populations, List<ProjectionReport> projections,
        List<ModulatorReport> modulators, List<PathwayReport> pathways, List<StimulusReport> stimuli,
        List<ProbeReport> probes) {

    /** A population: one group per cell type (a plain model is one group named after the model). */
    record PopulationReport(String name, int size, int offset, String model, boolean source, boolean mix,
            List<GroupReport> groups) {
    }

    /** The neurons {@code [from, to)} (population-local) of one cell type, with their receptors and parameters. */
    record GroupReport(String cellType, int from, int to, List<ReceptorReport> receptors, List<ParameterReport> parameters) {
        int size() {
            return to - from;
        }
    }

    record ReceptorReport(String name, String modulator, String compartment) {
    }

    /**
     * The realised values of one parameter over a group, in {@code unit}; for a list parameter
     * ({@code times}) the statistics are over all entries of all neurons.
     */
    record ParameterReport(String name, String unit, boolean list, Stats stats) {
        boolean heterogeneous() {
            return !stats.isConstant();
        }
    }

    /**
     * Population-local neurons {@code [from, to)} of a population, at a compartment.
     *
     * @param multiCompartment whether the population's model has several compartments (so the compartment is worth naming)
     */
    record RangeReport(String population, int from, int to, int populationSize, String compartment, boolean multiCompartment) {
        int size() {
            return to - from;
        }

        /** {@code exc}, {@code exc[0:50]}, {@code pyr[0:20].dendrite}: as an endpoint is written. */
        String text() {
            String s = population + (from == 0 && to == populationSize ? "" : "[" + from + ":" + to + "]");
            return multiCompartment ? s + "." + compartment : s;
        }
    }

    record ProjectionReport(String name, RangeReport pre, RangeReport post, String connector,
            String receptor, boolean receptorInferred, Optional<String> plasticity, long synapses, Stats fanOut, Stats fanIn,
            String weightUnit, Stats weight, Stats delayMs, Stats delaySteps) {
    }

    record ModulatorReport(String name, Optional<String> sourcePopulation, Optional<String> externalChannel, double release,
            double decayMs, double baseline, String scope, double delayMs) {
    }

    /** A pathway and what it bound to: neuron ranges, or the synapses of one projection. */
    record PathwayReport(String name, String modulator, String receptor, List<RangeReport> neurons,
            Optional<String> projection, long count, List<String> effects) {
        boolean onSynapses() {
            return projection.isPresent();
        }
    }

    record StimulusReport(String name, String kind, RangeReport target) {
    }

    record ProbeReport(String name, String kind, Optional<String> variable, RangeReport target, int everySteps) {
    }

    /**
     * @param file the file as the user named it
     * @param sources the text of the files the network came from, to quote calls and effects as written
     */
    static NetworkReport of(Network network, String file, Map<String, SourceFile> sources) {
        requireNonNull(network, "network is null");
        Quoter quote = new Quoter(sources);
        double dt = network.simulation().dt();
        List<PopulationReport> populations = new ArrayList<>();
        for (Population p : network.populations()) {
            populations.add(population(p));
        }
        List<ProjectionReport> projections = new ArrayList<>();
        for (Projection p : network.projections()) {
            projections.add(projection(network, p, dt, quote));
        }
        List<ModulatorReport> modulators = new ArrayList<>();
        for (Modulator m : network.modulators()) {
            modulators.add(modulator(m));
        }
        List<PathwayReport> pathways = new ArrayList<>();
        for (PathwayBinding p : network.pathways()) {
            pathways.add(pathway(network, p, quote));
        }
        List<StimulusReport> stimuli = new ArrayList<>();
        for (Stimulus s : network.stimuli()) {
            stimuli.add(new StimulusReport(s.name(), s.source().kind(), range(network, s.target())));
        }
        List<ProbeReport> probes = new ArrayList<>();
        for (Probe p : network.probes()) {
            probes.add(new ProbeReport(p.name(), p.kind(), p.variable(), range(network, p.target()), p.everySteps()));
        }
        return new NetworkReport(network.name(), file, network.neuronCount(), network.synapseCount(), dt * 1e3,
                network.simulation().duration() * 1e3, network.simulation().steps(), network.simulation().seed(),
                network.targets(), populations, projections, modulators, pathways, stimuli, probes);
    }

    private static PopulationReport population(Population p) {
        List<GroupReport> groups = new ArrayList<>();
        for (int t = 0; t < p.cellTypes().size(); t++) {
            CellType type = p.cellTypes().get(t);
            IndexRange block = p.cellTypeRange(t);
            List<ReceptorReport> receptors = new ArrayList<>();
            for (Receptor r : type.receptors()) {
                receptors.add(new ReceptorReport(r.name(), r.modulator(), r.compartment()));
            }
            List<ParameterReport> parameters = new ArrayList<>();
            for (Map.Entry<String, ParameterValues> e : p.parameters().entrySet()) {
                Scale scale = Scale.of(dimensionOf(p, e.getKey()));
                parameters.add(new ParameterReport(e.getKey(), scale.unit(), false, stats(e.getValue(), block, scale.factor())));
            }
            for (Map.Entry<String, ListParameterValues> e : p.listParameters().entrySet()) {
                Scale scale = Scale.of(dimensionOf(p, e.getKey()));
                parameters.add(new ParameterReport(e.getKey(), scale.unit(), true, listStats(e.getValue(), block, scale.factor())));
            }
            groups.add(new GroupReport(type.name(), block.from(), block.to(), receptors, parameters));
        }
        boolean mix = p.cellTypes().size() > 1;
        return new PopulationReport(p.name(), p.size(), p.offset(), p.model().name(), p.isSource(), mix, groups);
    }

    private static Dimension dimensionOf(Population p, String parameter) {
        return p.model().parameter(parameter).map(ParameterSpec::dimension).orElse(Dimension.NONE);
    }

    private static Stats stats(ParameterValues values, IndexRange block, double scale) {
        if (block.size() == 0) {
            return Stats.EMPTY;
        }
        if (values.isHomogeneous()) {
            double v = values.constantValue() / scale;
            return new Stats(block.size(), v, v, v, 0);
        }
        Stats.Accumulator a = new Stats.Accumulator();
        for (int i = block.from(); i < block.to(); i++) {
            a.add(values.get(i) / scale);
        }
        return a.result();
    }

    private static Stats listStats(ListParameterValues values, IndexRange block, double scale) {
        Stats.Accumulator a = new Stats.Accumulator();
        for (int i = block.from(); i < block.to(); i++) {
            for (double v : values.get(i)) {
                a.add(v / scale);
            }
        }
        return a.result();
    }

    private static ProjectionReport projection(Network network, Projection p, double dt, Quoter quote) {
        Population pre = network.populations().get(p.pre());
        Population post = network.populations().get(p.post());
        RangeReport preRange = new RangeReport(pre.name(), p.preRange().from(), p.preRange().to(), pre.size(),
                pre.model().compartments().get(0), false);
        RangeReport postRange = new RangeReport(post.name(), p.postRange().from(), p.postRange().to(), post.size(),
                p.postCompartment(), post.model().isMultiCompartment());
        SynapseMatrix m = p.synapses();
        Stats.Accumulator out = new Stats.Accumulator();
        for (int r = p.preRange().from(); r < p.preRange().to(); r++) {
            out.add(m.rowLength(r));
        }
        int[] inDegrees = m.inDegrees(post.size());
        Stats.Accumulator in = new Stats.Accumulator();
        for (int j = p.postRange().from(); j < p.postRange().to(); j++) {
            in.add(inDegrees[j]);
        }
        Scale weightScale = Scale.of(post.model().weightDimension().orElse(Dimension.CURRENT));
        return new ProjectionReport(p.name(), preRange, postRange,
                quote.text(p.connector().span(), p.connector().toString()), p.receptor().word(), p.receptorInferred(),
                p.plasticity().map(c -> quote.text(c.span(), c.toString())), p.synapseCount(), out.result(), in.result(),
                weightScale.unit(), weights(m.weights(), p.receptor().sign() / weightScale.factor()),
                delays(m.delays(), dt * 1e3), delays(m.delays(), 1));
    }

    private static Stats weights(SynapseWeights w, double scale) {
        if (w.count() == 0) {
            return Stats.EMPTY;
        }
        if (w.isHomogeneous()) {
            double v = w.constantValue() * scale;
            return new Stats(w.count(), v, v, v, 0);
        }
        Stats.Accumulator a = new Stats.Accumulator();
        for (int k = 0; k < w.count(); k++) {
            a.add(w.get(k) * scale);
        }
        return a.result();
    }

    private static Stats delays(DelaySteps d, double scale) {
        if (d.count() == 0) {
            return Stats.EMPTY;
        }
        if (d.isHomogeneous()) {
            double v = d.min() * scale;
            return new Stats(d.count(), v, v, v, 0);
        }
        Stats.Accumulator a = new Stats.Accumulator();
        for (int k = 0; k < d.count(); k++) {
            a.add(d.get(k) * scale);
        }
        return a.result();
    }

    private static ModulatorReport modulator(Modulator m) {
        Optional<String> population = Optional.empty();
        Optional<String> channel = Optional.empty();
        if (m.source() instanceof ModulatorSource.FromPopulation) {
            population = Optional.of(((ModulatorSource.FromPopulation) m.source()).name());
        } else if (m.source() instanceof ModulatorSource.External) {
            channel = Optional.of(((ModulatorSource.External) m.source()).channel());
        }
        return new ModulatorReport(m.name(), population, channel, m.releasePerSpike(), m.decay() * 1e3, m.baseline(),
                m.scope().word(), m.delay() * 1e3);
    }

    private static PathwayReport pathway(Network network, PathwayBinding p, Quoter quote) {
        List<String> effects = new ArrayList<>();
        for (EffectBinding e : p.effects()) {
            String text = quote.text(e.span(), e.toString());
            effects.add(text.endsWith(";") ? text.substring(0, text.length() - 1) : text);
        }
        String modulator = network.modulators().get(p.modulator()).name();
        if (p.target() instanceof PathwayTargetBinding.Synapses) {
            PathwayTargetBinding.Synapses s = (PathwayTargetBinding.Synapses) p.target();
            long count = network.projections().get(s.projection()).synapseCount();
            return new PathwayReport(p.name(), modulator, p.receptor(), List.of(), Optional.of(s.name()), count, effects);
        }
        PathwayTargetBinding.Neurons n = (PathwayTargetBinding.Neurons) p.target();
        List<RangeReport> ranges = new ArrayList<>();
        for (NeuronRange r : n.ranges()) {
            ranges.add(range(network, r));
        }
        return new PathwayReport(p.name(), modulator, p.receptor(), ranges, Optional.empty(), n.neuronCount(), effects);
    }

    private static RangeReport range(Network network, NeuronRange r) {
        Population p = network.populations().get(r.population());
        return new RangeReport(p.name(), r.localStart(), r.localEnd(), p.size(), r.compartment(), p.model().isMultiCompartment());
    }

    /** The unit a dimension is shown in, and the SI value of one of it. */
    private record Scale(String unit, double factor) {
        static Scale of(Dimension d) {
            Optional<Unit> unit = Units.displayUnit(d);
            if (unit.isPresent()) {
                return new Scale(unit.get().symbol(), unit.get().factor());
            }
            return new Scale(d.isNone() ? "1" : d.baseUnits(), 1);
        }
    }

    /** Quotes source text by span (calls and effects as the user wrote them), with a fallback when the text is not at hand. */
    private static final class Quoter {
        private final Map<String, SourceFile> sources;

        Quoter(Map<String, SourceFile> sources) {
            this.sources = requireNonNull(sources, "sources is null");
        }

        String text(SourceSpan span, String fallback) {
            SourceFile file = sources.get(span.file());
            if (file == null || span.end() > file.text().length() || span.end() <= span.start()) {
                return fallback;
            }
            return file.text().substring(span.start(), span.end()).replaceAll("\\s+", " ").trim();
        }
    }
}
