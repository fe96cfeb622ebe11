package io.neuromap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuromap.cli.NetworkReport.GroupReport;
import io.neuromap.cli.NetworkReport.ModulatorReport;
import io.neuromap.cli.NetworkReport.ParameterReport;
import io.neuromap.cli.NetworkReport.PathwayReport;
import io.neuromap.cli.NetworkReport.PopulationReport;
import io.neuromap.cli.NetworkReport.ProbeReport;
import io.neuromap.cli.NetworkReport.ProjectionReport;
import io.neuromap.cli.NetworkReport.RangeReport;
import io.neuromap.cli.NetworkReport.ReceptorReport;
import io.neuromap.cli.NetworkReport.StimulusReport;
import java.io.UncheckedIOException;

/**
 * The machine form of {@link NetworkReport} ({@code inspect --json}). Field names are a stable
 * interface documented in {@code docs/cli.md}; statistics are objects {@code {unit, count, min,
 * mean, max, sd}} in display units (null when there are no values), ranges are population-local
 * and half-open.
 */
final class InspectJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private InspectJson() {
    }

    static String render(NetworkReport r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("network", r.name());
        root.put("file", r.file());
        root.put("neurons", r.neurons());
        root.put("synapses", r.synapses());
        ObjectNode sim = root.putObject("simulation");
        sim.put("dt_ms", r.dtMs());
        sim.put("duration_ms", r.durationMs());
        sim.put("steps", r.steps());
        sim.put("seed", r.seed());
        ArrayNode targets = root.putArray("targets");
        r.targets().forEach(targets::add);

        ArrayNode populations = root.putArray("populations");
        for (PopulationReport p : r.populations()) {
            ObjectNode o = populations.addObject();
            o.put("name", p.name());
            o.put("size", p.size());
            o.put("offset", p.offset());
            o.put("model", p.model());
            o.put("source", p.source());
            ArrayNode groups = o.putArray("cellTypes");
            for (GroupReport g : p.groups()) {
                ObjectNode go = groups.addObject();
                go.put("name", g.cellType());
                go.put("from", g.from());
                go.put("to", g.to());
                go.put("size", g.size());
                ArrayNode receptors = go.putArray("receptors");
                for (ReceptorReport rr : g.receptors()) {
                    receptors.addObject().put("name", rr.name()).put("modulator", rr.modulator()).put("compartment", rr.compartment());
                }
                ArrayNode parameters = go.putArray("parameters");
                for (ParameterReport pr : g.parameters()) {
                    ObjectNode po = parameters.addObject();
                    po.put("name", pr.name());
                    po.put("list", pr.list());
                    po.put("heterogeneous", pr.heterogeneous());
                    stats(po, pr.unit(), pr.stats());
                }
            }
        }

        ArrayNode projections = root.putArray("projections");
        for (ProjectionReport p : r.projections()) {
            ObjectNode o = projections.addObject();
            o.put("name", p.name());
            range(o.putObject("pre"), p.pre());
            range(o.putObject("post"), p.post());
            o.put("connector", p.connector());
            o.put("receptor", p.receptor());
            o.put("receptorInferred", p.receptorInferred());
            o.put("plasticity", p.plasticity().orElse(null));
            o.put("synapses", p.synapses());
            stats(o.putObject("fanOut"), "1", p.fanOut());
            stats(o.putObject("fanIn"), "1", p.fanIn());
            stats(o.putObject("weight"), p.weightUnit(), p.weight());
            stats(o.putObject("delay"), "ms", p.delayMs());
            stats(o.putObject("delaySteps"), "1", p.delaySteps());
        }

        ArrayNode modulators = root.putArray("modulators");
        for (ModulatorReport m : r.modulators()) {
            ObjectNode o = modulators.addObject();
            o.put("name", m.name());
            o.put("sourcePopulation", m.sourcePopulation().orElse(null));
            o.put("externalChannel", m.externalChannel().orElse(null));
            o.put("release", m.release());
            o.put("decay_ms", m.decayMs());
            o.put("baseline", m.baseline());
            o.put("scope", m.scope());
            o.put("delay_ms", m.delayMs());
        }

        ArrayNode pathways = root.putArray("pathways");
        for (PathwayReport p : r.pathways()) {
            ObjectNode o = pathways.addObject();
            o.put("name", p.name());
            o.put("modulator", p.modulator());
            o.put("receptor", p.receptor());
            o.put("binds", p.onSynapses() ? "synapses" : "neurons");
            o.put("count", p.count());
            o.put("projection", p.projection().orElse(null));
            ArrayNode ranges = o.putArray("neurons");
            for (RangeReport rr : p.neurons()) {
                range(ranges.addObject(), rr);
            }
            ArrayNode effects = o.putArray("effects");
            p.effects().forEach(effects::add);
        }

        ArrayNode stimuli = root.putArray("stimuli");
        for (StimulusReport s : r.stimuli()) {
            ObjectNode o = stimuli.addObject();
            o.put("name", s.name());
            o.put("kind", s.kind());
            range(o.putObject("target"), s.target());
        }
        ArrayNode probes = root.putArray("probes");
        for (ProbeReport p : r.probes()) {
            ObjectNode o = probes.addObject();
            o.put("name", p.name());
            o.put("kind", p.kind());
            o.put("variable", p.variable().orElse(null));
            range(o.putObject("target"), p.target());
            o.put("everySteps", p.everySteps());
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void range(ObjectNode o, RangeReport r) {
        o.put("population", r.population());
        o.put("from", r.from());
        o.put("to", r.to());
        o.put("compartment", r.compartment());
    }

    /** JSON has no infinity: an unlimited value (a source's duration) is written as null. */
    private static void number(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }

    private static void stats(ObjectNode o, String unit, Stats s) {
        o.put("unit", unit);
        o.put("count", s.count());
        if (s.isEmpty()) {
            o.putNull("min");
            o.putNull("mean");
            o.putNull("max");
            o.putNull("sd");
        } else {
            number(o, "min", s.min());
            number(o, "mean", s.mean());
            number(o, "max", s.max());
            number(o, "sd", s.sd());
        }
    }
}
