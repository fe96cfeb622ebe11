package io.neuromap.backends.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportWriterTest {
    private static final String GOLDEN = "/report/infeasible.txt";

    @Test
    void matchesGoldenSnapshot() throws IOException {
        String text = new TextReportWriter().text(ReportFixtures.infeasible());
        try (InputStream in = getClass().getResourceAsStream(GOLDEN)) {
            if (in == null) {
                throw new AssertionError("golden file " + GOLDEN + " missing; the report now reads:\n" + text);
            }
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(expected, text);
        }
    }

    @Test
    void headlineNamesBindingResourceAndBounds() {
        String text = new TextReportWriter().text(ReportFixtures.infeasible());
        assertTrue(text.contains("result:  DOES NOT FIT (2 errors, 1 warning, 1 note)"), text);
        assertTrue(text.contains("cores:   3 used, lower bound 2: this network needs >= 2 cores because of input axons"),
                text);
        assertTrue(text.contains("chips:   1 used of 2 available, lower bound 1"), text);
    }

    @Test
    void violationsComeFirstErrorsBeforeWarningsInSourceOrder() {
        List<String> lines = new TextReportWriter().text(ReportFixtures.infeasible()).lines().toList();
        int chip = lines.indexOf("nets/net.nmap:1:1: error[TEST-CHIP-001]: the network needs 3 chips, the system has 2");
        int axin = lines.indexOf(
                "nets/net.nmap:7:3: error[TEST-AXIN-001]: population `exc` needs more input axons than a core holds");
        int warn = lines.indexOf("nets/lib dir/cells.nmap:3:5: warning[TEST-VTH-002]: celltype `D1` has 9 distinct "
                + "thresholds");
        int note = lines.indexOf("nets/net.nmap:9:1: note[TEST-FMT-003]: projection `ff` uses the dense format");
        int utilization = lines.indexOf("utilization (3 cores)");
        assertTrue(chip > 0 && chip < axin && axin < warn && warn < note && note < utilization, lines.toString());
        assertEquals("  = input axons: demand 5000 axons, capacity 4096 axons (122.1 %)", lines.get(axin + 1));
        assertEquals("  help: split population `exc` into >= 2 cores", lines.get(axin + 2));
    }

    @Test
    void fullestCoresAreRankedAndLimited() {
        String text = new TextReportWriter(2).text(ReportFixtures.infeasible());
        assertTrue(text.contains("fullest cores (2 of 3)"), text);
        assertTrue(text.indexOf("core 0 (chip 0, core 0)") < text.indexOf("core 1 (chip 0, core 1)"), text);
        assertFalse(text.contains("core 2 (chip 0, core 2)"), text);
        assertTrue(text.contains("5000 / 4096 axons          122.1 %  OVER"), text);
    }

    @Test
    void minimalReportSaysMappingDidNotRun() {
        String text = new TextReportWriter().text(ReportFixtures.feasibleMinimal());
        assertTrue(text.contains("result:  fits\n"), text);
        assertTrue(text.contains("cores:   not mapped"), text);
        assertFalse(text.contains("utilization"), text);
    }

    @Test
    void deterministicAndIndependentOfViolationOrder() {
        TextReportWriter writer = new TextReportWriter();
        CompileReport a = ReportFixtures.infeasible();
        CompileReport b = CompileReport.builder(a.toolVersion(), a.target(), a.system()).sources(a.sources())
                .violations(List.of(a.violations().get(3), a.violations().get(1), a.violations().get(0),
                        a.violations().get(2)))
                .rules(a.rules()).cores(a.cores()).bounds(a.bounds().get()).traffic(a.traffic().get())
                .quantization(a.quantization()).estimate(a.estimate().get()).note(a.notes().get(0)).build();
        assertArrayEquals(writer.render(a), writer.render(b));
        assertFalse(new String(writer.render(a), StandardCharsets.UTF_8).contains("\r"));
    }
}
