package io.neuromap.backends.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportWriterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode parse(CompileReport report) throws IOException {
        return MAPPER.readTree(new JsonReportWriter().render(report));
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void topLevelFieldsInDocumentedOrder() throws IOException {
        JsonNode root = parse(ReportFixtures.infeasible());
        assertEquals(List.of("format", "version", "tool", "target", "system", "sources", "feasible", "counts",
                "violations", "rules", "bounds", "utilization_summary", "cores", "traffic", "quantization", "estimate",
                "timings", "notes"), fields(root));
        assertEquals("neuromap-report", root.get("format").asText());
        assertEquals(1, root.get("version").asInt());
        assertEquals("0.1.0-test", root.at("/tool/version").asText());
        assertEquals(128, root.at("/system/cores_per_chip").asInt());
        assertFalse(root.get("feasible").asBoolean());
        assertEquals(2, root.at("/counts/errors").asInt());
        assertEquals(1, root.at("/counts/warnings").asInt());
        assertEquals(1, root.at("/counts/notes").asInt());
    }

    @Test
    void violationsCarryEveryFieldInCanonicalOrder() throws IOException {
        JsonNode v = parse(ReportFixtures.infeasible()).get("violations");
        assertEquals(4, v.size());
        assertEquals("TEST-CHIP-001", v.get(0).get("rule_id").asText());
        assertEquals("TEST-AXIN-001", v.get(1).get("rule_id").asText());
        assertEquals("warning", v.get(2).get("severity").asText());
        assertEquals("note", v.get(3).get("severity").asText());
        JsonNode axin = v.get(1);
        assertEquals(List.of("rule_id", "severity", "span", "resource", "actual", "limit", "unit", "message", "fix"),
                fields(axin));
        assertEquals(5000, axin.get("actual").asLong());
        assertEquals(4096, axin.get("limit").asLong());
        assertEquals("nets/net.nmap", axin.at("/span/file").asText());
        assertEquals(7, axin.at("/span/line").asInt());
        assertEquals(3, axin.at("/span/column").asInt());
        assertEquals(43, axin.at("/span/end_column").asInt());
        assertEquals(120, axin.at("/span/start_offset").asInt());
    }

    @Test
    void sectionsHoldTheModelsNumbers() throws IOException {
        JsonNode root = parse(ReportFixtures.infeasible());
        assertEquals("input axons", root.at("/bounds/binding_resource").asText());
        assertEquals(2, root.at("/bounds/cores_lower_bound").asInt());
        assertEquals(3, root.get("cores").size());
        assertEquals("exc", root.at("/cores/1/slices/0/population").asText());
        assertEquals(512, root.at("/cores/1/slices/0/from").asInt());
        assertEquals(5000, root.at("/cores/0/utilization/1/used").asLong());
        assertEquals("TEST-AXIN-001", root.at("/cores/0/utilization/1/rule_id").asText());
        JsonNode axons = root.at("/utilization_summary/1");
        assertEquals("input axons", axons.get("resource").asText());
        assertEquals(300, axons.get("min").asLong());
        assertEquals(6500 / 3.0, axons.get("mean").asDouble());
        assertEquals(0, axons.get("fullest_core").asInt());
        assertEquals(1250.5, root.at("/traffic/inter_core_spikes_per_s").asDouble());
        assertEquals(1000.5, root.at("/traffic/heaviest/0/spikes_per_s").asDouble());
        assertEquals(0.025, root.at("/quantization/0/binning_error").asDouble());
        assertTrue(root.at("/quantization/1/binning_error").isNull());
        assertEquals("decay du in 12 bits", root.at("/quantization/0/note").asText());
        assertEquals(1.5e-6, root.at("/estimate/energy_per_step_j/nominal").asDouble());
        assertEquals(5.0e-6, root.at("/estimate/time_per_step_s/high").asDouble());
        assertEquals("synaptic op", root.at("/estimate/terms/0/event").asText());
        assertEquals("spike sources run on the host", root.at("/notes/0").asText());
    }

    @Test
    void absentSectionsAreNull() throws IOException {
        JsonNode root = parse(ReportFixtures.feasibleMinimal());
        assertTrue(root.get("feasible").asBoolean());
        assertTrue(root.get("bounds").isNull());
        assertTrue(root.get("traffic").isNull());
        assertTrue(root.get("estimate").isNull());
        assertEquals(0, root.get("cores").size());
        assertEquals(0, root.get("violations").size());
    }

    @Test
    void timingsAreWrittenWhenPresent() throws IOException {
        CompileReport report = CompileReport.builder("v", "t", new ReportSystem("s", 1, 1))
                .timing(new PassTiming("partition", 0.25)).build();
        JsonNode root = parse(report);
        assertEquals("partition", root.at("/timings/0/pass").asText());
        assertEquals(0.25, root.at("/timings/0/wall_time_s").asDouble());
    }

    @Test
    void deterministicBytesWithUnixLineEnds() {
        JsonReportWriter writer = new JsonReportWriter();
        byte[] a = writer.render(ReportFixtures.infeasible());
        byte[] b = writer.render(ReportFixtures.infeasible());
        assertArrayEquals(a, b);
        String text = new String(a, java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(text.contains("\r"));
        assertTrue(text.endsWith("}\n"));
    }
}
