package io.neuromap.backends.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Utilization;
import io.neuromap.compiler.mapping.Violation;
import io.neuromap.compiler.source.SourceSpan;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * {@code report.json}: the report for programs. Field names are snake_case like
 * {@code config.json}'s, documented in {@code docs/targets.md} (section "report.json"), and
 * written in a fixed order; an absent section is {@code null}, an empty list {@code []}. Written
 * as a stream, so a report of a 100,000-core mapping never sits in memory as a tree.
 *
 * <p>Floating-point numbers are written in Java's shortest round-trip form, so a reader gets back
 * exactly the doubles the compiler computed.
 */
public final class JsonReportWriter implements ReportWriter {
    /** File name in the output directory. */
    public static final String FILE = "report.json";
    /** The value of the {@code format} field. */
    public static final String FORMAT = "neuromap-report";
    /** The value of the {@code version} field; raised when a field changes meaning or goes away. */
    public static final int VERSION = 1;

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    @Override
    public String fileName() {
        return FILE;
    }

    @Override
    public void write(CompileReport r, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeObjectFieldStart("tool");
            g.writeStringField("name", "neuromap");
            g.writeStringField("version", r.toolVersion());
            g.writeEndObject();
            g.writeStringField("target", r.target());
            g.writeObjectFieldStart("system");
            g.writeStringField("name", r.system().name());
            g.writeNumberField("chips", r.system().chips());
            g.writeNumberField("cores_per_chip", r.system().coresPerChip());
            g.writeEndObject();
            g.writeArrayFieldStart("sources");
            for (String s : r.sources()) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeBooleanField("feasible", r.feasible());
            g.writeObjectFieldStart("counts");
            g.writeNumberField("errors", r.count(Severity.ERROR));
            g.writeNumberField("warnings", r.count(Severity.WARNING));
            g.writeNumberField("notes", r.count(Severity.NOTE));
            g.writeEndObject();
            violations(r, g);
            rules(r, g);
            bounds(r, g);
            cores(r, g);
            traffic(r, g);
            quantization(r, g);
            estimate(r, g);
            g.writeArrayFieldStart("timings");
            for (PassTiming t : r.timings()) {
                g.writeStartObject();
                g.writeStringField("pass", t.pass());
                g.writeNumberField("wall_time_s", t.seconds());
                g.writeEndObject();
            }
            g.writeEndArray();
            strings(g, "notes", r.notes());
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void violations(CompileReport r, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("violations");
        for (Violation v : r.violations()) {
            g.writeStartObject();
            g.writeStringField("rule_id", v.ruleId());
            g.writeStringField("severity", v.severity().label());
            span(g, "span", v.span());
            g.writeStringField("resource", v.resource());
            g.writeNumberField("actual", v.actual());
            g.writeNumberField("limit", v.limit());
            g.writeStringField("unit", v.unit());
            g.writeStringField("message", v.message());
            g.writeStringField("fix", v.fix());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void rules(CompileReport r, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("rules");
        for (RuleInfo rule : r.rules()) {
            g.writeStartObject();
            g.writeStringField("id", rule.id());
            g.writeStringField("name", rule.name());
            g.writeStringField("summary", rule.summary());
            g.writeStringField("help", rule.help());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void bounds(CompileReport r, JsonGenerator g) throws IOException {
        if (r.bounds().isEmpty()) {
            g.writeNullField("bounds");
            return;
        }
        MappingBounds b = r.bounds().get();
        g.writeObjectFieldStart("bounds");
        g.writeNumberField("cores_achieved", b.coresAchieved());
        g.writeNumberField("cores_lower_bound", b.coresLowerBound());
        if (b.bindingResource().isPresent()) {
            g.writeStringField("binding_resource", b.bindingResource().get());
        } else {
            g.writeNullField("binding_resource");
        }
        g.writeNumberField("chips_used", b.chipsUsed());
        g.writeNumberField("chips_lower_bound", b.chipsLowerBound());
        g.writeNumberField("chips_available", b.chipsAvailable());
        g.writeArrayFieldStart("resources");
        for (ResourceBound x : b.bounds()) {
            g.writeStartObject();
            g.writeStringField("resource", x.resource());
            g.writeStringField("unit", x.unit());
            g.writeNumberField("demand", x.demand());
            g.writeNumberField("cores", x.cores());
            g.writeStringField("basis", x.basis());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void cores(CompileReport r, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("utilization_summary");
        for (ResourceSummary s : ResourceSummary.of(r.cores())) {
            g.writeStartObject();
            g.writeStringField("resource", s.resource());
            g.writeStringField("unit", s.unit());
            g.writeNumberField("min", s.min());
            g.writeNumberField("mean", s.mean());
            g.writeNumberField("max", s.max());
            g.writeNumberField("capacity_min", s.capacityMin());
            g.writeNumberField("capacity_max", s.capacityMax());
            finite(g, "fullest_ratio", s.fullestRatio());
            g.writeNumberField("fullest_core", s.fullestCore());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("cores");
        for (CoreReport c : r.cores()) {
            g.writeStartObject();
            g.writeNumberField("core", c.core());
            g.writeNumberField("chip", c.chip());
            g.writeNumberField("core_on_chip", c.coreOnChip());
            g.writeNumberField("neurons", c.neurons());
            g.writeNumberField("synapses", c.synapses());
            g.writeArrayFieldStart("slices");
            for (PopulationSlice s : c.slices()) {
                g.writeStartObject();
                g.writeStringField("population", s.population());
                g.writeNumberField("from", s.from());
                g.writeNumberField("to", s.to());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("utilization");
            for (Utilization.Row row : c.utilization().rows()) {
                g.writeStartObject();
                g.writeStringField("resource", row.resource().name());
                g.writeStringField("unit", row.resource().unit());
                g.writeNumberField("used", row.used());
                g.writeNumberField("max", row.max());
                g.writeStringField("rule_id", row.resource().ruleId());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void traffic(CompileReport r, JsonGenerator g) throws IOException {
        if (r.traffic().isEmpty()) {
            g.writeNullField("traffic");
            return;
        }
        TrafficReport t = r.traffic().get();
        g.writeObjectFieldStart("traffic");
        g.writeNumberField("inter_core_spikes_per_s", t.interCore());
        g.writeNumberField("core_pairs", t.corePairs());
        g.writeNumberField("remote_output_axons", t.remoteOutputAxons());
        g.writeNumberField("host_input_spikes_per_s", t.hostInput());
        g.writeNumberField("traffic_hops_per_s", t.trafficHops());
        g.writeNumberField("naive_traffic_hops_per_s", t.naiveTrafficHops());
        g.writeNumberField("inter_chip_spikes_per_s", t.interChip());
        g.writeNumberField("inter_chip_hops_per_s", t.interChipHops());
        g.writeArrayFieldStart("heaviest");
        for (TrafficEdge e : t.heaviest()) {
            g.writeStartObject();
            g.writeNumberField("from_core", e.fromCore());
            g.writeNumberField("to_core", e.toCore());
            g.writeNumberField("spikes_per_s", e.spikesPerSecond());
            g.writeNumberField("hops", e.hops());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void quantization(CompileReport r, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("quantization");
        for (QuantizationRow q : r.quantization()) {
            g.writeStartObject();
            g.writeStringField("kind", q.kind().label());
            g.writeStringField("name", q.name());
            g.writeStringField("parameter", q.parameter());
            g.writeStringField("unit", q.unit());
            g.writeNumberField("values", q.values());
            g.writeNumberField("max_relative_error", q.maxRelativeError());
            g.writeNumberField("mean_relative_error", q.meanRelativeError());
            if (q.binningError().isPresent()) {
                g.writeNumberField("binning_error", q.binningError().getAsDouble());
            } else {
                g.writeNullField("binning_error");
            }
            span(g, "span", q.span());
            g.writeStringField("note", q.note());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void estimate(CompileReport r, JsonGenerator g) throws IOException {
        if (r.estimate().isEmpty()) {
            g.writeNullField("estimate");
            return;
        }
        StepEstimate e = r.estimate().get();
        g.writeObjectFieldStart("estimate");
        band(g, "energy_per_step_j", e.energyJoules());
        band(g, "time_per_step_s", e.timeSeconds());
        g.writeArrayFieldStart("terms");
        for (EstimateTerm t : e.terms()) {
            g.writeStartObject();
            g.writeStringField("event", t.event());
            g.writeNumberField("per_step", t.perStep());
            band(g, "energy_j", t.energyJoules());
            g.writeStringField("source", t.source());
            g.writeEndObject();
        }
        g.writeEndArray();
        strings(g, "assumptions", e.assumptions());
        strings(g, "sources", e.sources());
        g.writeEndObject();
    }

    private static void band(JsonGenerator g, String name, Band b) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("low", b.low());
        g.writeNumberField("nominal", b.nominal());
        g.writeNumberField("high", b.high());
        g.writeEndObject();
    }

    private static void span(JsonGenerator g, String name, SourceSpan s) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("file", s.file());
        g.writeNumberField("line", s.line());
        g.writeNumberField("column", s.column());
        g.writeNumberField("end_line", s.endLine());
        g.writeNumberField("end_column", s.endColumn());
        g.writeNumberField("start_offset", s.start());
        g.writeNumberField("end_offset", s.end());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** JSON has no infinity: an unbounded ratio (something used where the capacity is 0) is null. */
    private static void finite(JsonGenerator g, String name, double value) throws IOException {
        if (Double.isFinite(value)) {
            g.writeNumberField(name, value);
        } else {
            g.writeNullField(name);
        }
    }
}
