package io.neuromap.backends.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifReportWriterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path ROOT = Path.of("/work/project").toAbsolutePath();

    /** The official OASIS schema (draft-04), copied from ../shared/schemas into the test resources. */
    static Schema sarifSchema() throws IOException {
        try (InputStream in = SarifReportWriterTest.class.getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
            if (in == null) {
                throw new AssertionError("SARIF schema missing from the test resources");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        }
    }

    static List<Error> validate(byte[] sarif) throws IOException {
        return sarifSchema().validate(MAPPER.readTree(sarif));
    }

    private static JsonNode log(CompileReport report) throws IOException {
        byte[] bytes = new SarifReportWriter(ROOT).render(report);
        assertEquals(List.of(), validate(bytes));
        return MAPPER.readTree(bytes);
    }

    @Test
    void schemaRejectsABrokenLog() throws IOException {
        byte[] bytes = new SarifReportWriter(ROOT).render(ReportFixtures.infeasible());
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        String broken = text.replace("\"level\": \"error\"", "\"level\": \"fatal\"");
        assertFalse(broken.equals(text));
        assertFalse(validate(broken.getBytes(java.nio.charset.StandardCharsets.UTF_8)).isEmpty());
    }

    @Test
    void infeasibleReportValidatesAndListsEveryViolation() throws IOException {
        JsonNode run = log(ReportFixtures.infeasible()).at("/runs/0");
        JsonNode driver = run.at("/tool/driver");
        assertEquals("neuromap", driver.get("name").asText());
        assertEquals("0.1.0-test", driver.get("version").asText());
        assertTrue(driver.get("informationUri").asText().startsWith("https://"));
        JsonNode rules = driver.get("rules");
        assertEquals(4, rules.size());
        JsonNode results = run.get("results");
        assertEquals(4, results.size());
        for (JsonNode result : results) {
            int index = result.get("ruleIndex").asInt();
            assertEquals(rules.get(index).get("id").asText(), result.get("ruleId").asText());
        }
        assertEquals(List.of("error", "error", "warning", "note"),
                List.of(results.get(0).get("level").asText(), results.get(1).get("level").asText(),
                        results.get(2).get("level").asText(), results.get(3).get("level").asText()));
    }

    @Test
    void resultCarriesRegionPropertiesAndFix() throws IOException {
        JsonNode axin = log(ReportFixtures.infeasible()).at("/runs/0/results/1");
        assertEquals("TEST-AXIN-001", axin.get("ruleId").asText());
        JsonNode physical = axin.at("/locations/0/physicalLocation");
        assertEquals("nets/net.nmap", physical.at("/artifactLocation/uri").asText());
        assertEquals(SarifReportWriter.SRCROOT, physical.at("/artifactLocation/uriBaseId").asText());
        assertEquals(0, physical.at("/artifactLocation/index").asInt());
        assertEquals(7, physical.at("/region/startLine").asInt());
        assertEquals(3, physical.at("/region/startColumn").asInt());
        assertEquals(7, physical.at("/region/endLine").asInt());
        assertEquals(43, physical.at("/region/endColumn").asInt());
        assertEquals(120, physical.at("/region/charOffset").asInt());
        assertEquals(40, physical.at("/region/charLength").asInt());
        assertEquals("input axons", axin.at("/properties/resource").asText());
        assertEquals(5000, axin.at("/properties/actual").asLong());
        assertEquals(4096, axin.at("/properties/limit").asLong());
        assertEquals("axons", axin.at("/properties/unit").asText());
        assertEquals("split population `exc` into >= 2 cores", axin.at("/properties/fix").asText());
        assertTrue(axin.at("/message/text").asText().endsWith("Fix: split population `exc` into >= 2 cores"));
    }

    @Test
    void describedRulesUseTheirDescriptionOthersFallBack() throws IOException {
        JsonNode rules = log(ReportFixtures.infeasible()).at("/runs/0/tool/driver/rules");
        JsonNode axin = rules.get(1);
        assertEquals("TEST-AXIN-001", axin.get("id").asText());
        assertEquals("InputAxonsWithinCoreLimit", axin.get("name").asText());
        assertEquals("A core receives spikes from at most 4096 presynaptic sources.",
                axin.at("/shortDescription/text").asText());
        JsonNode chip = rules.get(0);
        assertEquals("Limit on chips.", chip.at("/shortDescription/text").asText());
        assertEquals("use --chips 3 or a larger system", chip.at("/help/text").asText());
        assertEquals("note", rules.get(3).at("/defaultConfiguration/level").asText());
    }

    @Test
    void artifactsAreEncodedRelativeUris() throws IOException {
        JsonNode run = log(ReportFixtures.infeasible()).at("/runs/0");
        JsonNode artifacts = run.get("artifacts");
        assertEquals(2, artifacts.size());
        assertEquals("nets/lib%20dir/cells.nmap", artifacts.at("/1/location/uri").asText());
        assertEquals("analysisTarget", artifacts.at("/1/roles/0").asText());
        assertEquals(1, run.at("/results/2/locations/0/physicalLocation/artifactLocation/index").asInt());
    }

    @Test
    void absolutePathsUnderTheRootBecomeRelativeOthersFileUris() throws IOException {
        Violation inside = new Violation("T-1", Severity.ERROR,
                ReportFixtures.span(ROOT.resolve("a/b.nmap").toString(), 0, 1, 1, 1, 1, 2), "r", 2, 1, "u", "m", "f");
        Path outsideFile = Path.of("/elsewhere/c.nmap").toAbsolutePath();
        Violation outside = new Violation("T-1", Severity.ERROR,
                ReportFixtures.span(outsideFile.toString(), 0, 1, 1, 1, 1, 2), "r", 2, 1, "u", "m", "f");
        CompileReport report = CompileReport.builder("v", "t", new ReportSystem("s", 1, 1)).violation(inside)
                .violation(outside).build();
        JsonNode artifacts = log(report).at("/runs/0/artifacts");
        JsonNode first = artifacts.get(0).get("location");
        JsonNode second = artifacts.get(1).get("location");
        JsonNode relative = first.get("uri").asText().equals("a/b.nmap") ? first : second;
        JsonNode absolute = relative == first ? second : first;
        assertEquals("a/b.nmap", relative.get("uri").asText());
        assertEquals(SarifReportWriter.SRCROOT, relative.get("uriBaseId").asText());
        assertEquals(outsideFile.toUri().toASCIIString(), absolute.get("uri").asText());
        assertFalse(absolute.has("uriBaseId"));
    }

    @Test
    void reportWithoutViolationsValidates() throws IOException {
        JsonNode run = log(ReportFixtures.feasibleMinimal()).at("/runs/0");
        assertEquals(0, run.get("results").size());
        assertEquals(0, run.at("/tool/driver/rules").size());
        assertTrue(run.at("/properties/feasible").asBoolean());
    }

    @Test
    void deterministic() {
        SarifReportWriter writer = new SarifReportWriter(ROOT);
        assertArrayEquals(writer.render(ReportFixtures.infeasible()), writer.render(ReportFixtures.infeasible()));
    }

    @Test
    void encodesReservedCharacters() {
        assertEquals("a%3Ab/c%23d%C3%A9.nmap", SarifReportWriter.encode("a:b/c#dé.nmap"));
    }
}
