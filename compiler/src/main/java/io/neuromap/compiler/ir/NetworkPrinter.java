package io.neuromap.compiler.ir;

import io.neuromap.compiler.model.ParameterSpec;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Units;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A readable, deterministic summary of a {@link Network}: what {@code --print-ir-after=elaborate}
 * shows. Homogeneous parameters print their value, heterogeneous ones min/mean/max; projections
 * print synapse counts, fan-in/fan-out and weight/delay statistics; pathways print the ranges they
 * are bound to. Values are in display units ({@code ms}, {@code mV}, {@code nA}); weights, whose
 * unit depends on the model, in SI. It summarises, so it does not round-trip.
 */
public final class NetworkPrinter {
    private NetworkPrinter() {
    }

    public static String print(Network n) {
        StringBuilder out = new StringBuilder();
        out.append("network ").append(n.name()).append(": ").append(n.neuronCount()).append(" neurons in ")
                .append(n.populations().size()).append(" populations, ").append(n.synapseCount()).append(" synapses in ")
                .append(n.projections().size()).append(" projections; dt ")
                .append(Units.format(n.simulation().dt(), Dimension.TIME)).append(", duration ")
                .append(Units.format(n.simulation().duration(), Dimension.TIME)).append(", seed ")
                .append(n.simulation().seed()).append('\n');
        for (Population p : n.populations()) {
            population(p, out);
        }
        for (Projection p : n.projections()) {
            projection(n, p, out);
        }
        for (Modulator m : n.modulators()) {
            out.append("modulator ").append(m.name()).append(": source ").append(source(n, m.source())).append(", release ")
                    .append(Units.formatNumber(m.releasePerSpike())).append(" per spike, decay ")
                    .append(Units.format(m.decay(), Dimension.TIME)).append(", baseline ")
                    .append(Units.formatNumber(m.baseline())).append(", scope ").append(m.scope().word()).append(", delay ")
                    .append(Units.format(m.delay(), Dimension.TIME)).append('\n');
        }
        for (PathwayBinding p : n.pathways()) {
            out.append("pathway ").append(p.name()).append(": ").append(n.modulators().get(p.modulator()).name())
                    .append(" via ").append(p.receptor()).append(" -> ").append(target(n, p.target())).append('\n');
            for (EffectBinding e : p.effects()) {
                out.append("  ").append(e).append('\n');
            }
        }
        for (Stimulus s : n.stimuli()) {
            out.append("stimulus ").append(s.name()).append(": ").append(s.source()).append(" -> ")
                    .append(range(n, s.target()));
            s.weight().ifPresent(w -> out.append(", weight ").append(stats(w.summary(), null)));
            out.append('\n');
        }
        for (Probe p : n.probes()) {
            out.append("probe ").append(p.name()).append(": ").append(p.kind())
                    .append(p.variable().map(v -> "(" + v + ")").orElse("")).append(" of ").append(range(n, p.target()))
                    .append(" every ").append(p.everySteps()).append(p.everySteps() == 1 ? " step" : " steps").append('\n');
        }
        for (String t : n.targets()) {
            out.append("target ").append(t).append('\n');
        }
        return out.toString();
    }

    private static void population(Population p, StringBuilder out) {
        out.append("population ").append(p.name()).append('[').append(p.size()).append("] : ").append(p.model().name())
                .append(", neurons ").append(p.offset()).append("..").append(p.offset() + p.size() - 1).append(", seed ")
                .append(p.seed()).append('\n');
        for (int t = 0; t < p.cellTypes().size(); t++) {
            CellType c = p.cellTypes().get(t);
            out.append("  cell type ").append(c.name()).append(' ').append(p.cellTypeRange(t));
            for (Receptor r : c.receptors()) {
                out.append(", receptor ").append(r.name()).append(" binds ").append(r.modulator()).append(" on ")
                        .append(r.compartment());
            }
            out.append('\n');
        }
        for (ParameterSpec spec : p.model().parameters()) {
            ParameterValues v = p.parameters().get(spec.name());
            if (v != null) {
                out.append("  ").append(spec.name()).append(v.isHomogeneous() ? " = " + Units.format(v.constantValue(),
                        spec.dimension()) : " ~ " + stats(v.summary(), spec.dimension())).append('\n');
            }
        }
        for (Map.Entry<String, ListParameterValues> e : p.listParameters().entrySet()) {
            out.append("  ").append(e.getKey()).append(e.getValue().isHomogeneous() ? " = " + e.getValue().length(0)
                    + " values" : " per neuron").append('\n');
        }
    }

    private static void projection(Network n, Projection p, StringBuilder out) {
        Population pre = n.populations().get(p.pre());
        Population post = n.populations().get(p.post());
        SynapseMatrix m = p.synapses();
        out.append("projection ").append(p.name()).append(": ").append(pre.name()).append(p.preRange()).append(" -> ")
                .append(post.name()).append(p.postRange()).append('.').append(p.postCompartment()).append(" with ")
                .append(p.connector()).append(", ").append(p.receptor().word()).append(p.receptorInferred() ? " (inferred)" : "")
                .append(p.plasticity().map(r -> ", plasticity " + r).orElse("")).append('\n');
        out.append("  ").append(m.count()).append(" synapses, fan-out ").append(stats(p.fanOut(), Dimension.NONE))
                .append(", fan-in ").append(stats(p.fanIn(post.size()), Dimension.NONE)).append('\n');
        out.append("  weight ").append(m.weights().isHomogeneous() ? Units.formatNumber(m.weights().constantValue())
                : stats(m.weights().summary(), null)).append(" (SI), delay ")
                .append(m.delays().isHomogeneous() ? m.delays().min() + " steps" : stats(m.delays().summary(), Dimension.NONE)
                        + " steps").append('\n');
    }

    private static String stats(Summary s, Dimension d) {
        if (s.isEmpty()) {
            return "none";
        }
        return "min " + value(s.min(), d) + ", mean " + value(s.mean(), d) + ", max " + value(s.max(), d);
    }

    private static String value(double v, Dimension d) {
        return d == null ? Units.formatNumber(v) : Units.format(v, d);
    }

    private static String source(Network n, ModulatorSource s) {
        if (s instanceof ModulatorSource.FromPopulation p) {
            return n.populations().get(p.population()).name();
        }
        return "external \"" + ((ModulatorSource.External) s).channel() + "\"";
    }

    private static String target(Network n, PathwayTargetBinding t) {
        if (t instanceof PathwayTargetBinding.Synapses s) {
            return "synapses of " + s.name();
        }
        return ((PathwayTargetBinding.Neurons) t).ranges().stream().map(r -> range(n, r)).collect(Collectors.joining(", "));
    }

    private static String range(Network n, NeuronRange r) {
        return n.populations().get(r.population()).name() + r.localRange() + "." + r.compartment();
    }
}
