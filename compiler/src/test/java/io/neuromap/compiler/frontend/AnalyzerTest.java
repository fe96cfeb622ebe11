package io.neuromap.compiler.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.Compiler;
import io.neuromap.compiler.diag.Diagnostic;
import io.neuromap.compiler.diag.DiagnosticCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Analysis of whole programs: what fixtures alone cannot show (imports, data files, the analysed program). */
class AnalyzerTest {
    @TempDir
    Path dir;

    private Compiler.CheckResult check(String root, String... files) throws IOException {
        for (int i = 0; i + 1 < files.length; i += 2) {
            Path p = dir.resolve(files[i]);
            Files.createDirectories(p.getParent());
            Files.writeString(p, files[i + 1]);
        }
        Path main = dir.resolve("main.nmap");
        Files.writeString(main, root);
        return Compiler.check(main);
    }

    private static List<String> codes(Compiler.CheckResult r) {
        return r.diagnostics().sorted().stream().map(d -> d.code().id()).toList();
    }

    @Test
    void analysedProgramCarriesNetworkCelltypesConstantsAndSettings() throws IOException {
        Compiler.CheckResult r = check("""
                const TAU = 20 ms;
                celltype Pyr : lif { tau_m = TAU; }
                network Net {
                  const N = 40;
                  celltype Inter : lif { tau_m = 8 ms; }
                  population pyr[N] : Pyr;
                  population pv[10] : Inter;
                  project pyr -> pv with fixed_prob(0.1) { weight = 0.2 nA; }
                }
                simulate Net { dt = 0.5 ms; duration = 2 s; seed = 9; }
                target loihi1 { chips = 1; }
                """);
        assertEquals(List.of(), codes(r));
        AnalyzedProgram p = r.program().orElseThrow();
        assertEquals("Net", p.network().name().name());
        assertEquals(Set.of("Pyr", "Inter"), p.celltypes().keySet());
        assertEquals(0.02, p.constants().get("TAU").si(), 1e-15);
        assertEquals(40, p.constants().get("N").si());
        assertEquals(0.5e-3, p.simulation().dt(), 1e-15);
        assertEquals(4000, p.simulation().steps());
        assertEquals(9, p.simulation().seed());
        assertEquals(1, p.targets().size());
    }

    @Test
    void importedNamesAreVisibleAndDuplicatesAcrossFilesAreReportedAtTheSecond() throws IOException {
        Compiler.CheckResult ok = check("""
                import "lib/cells.nmap";
                network Net { population p[N] : Pyr; }
                """, "lib/cells.nmap", """
                const N = 12;
                celltype Pyr : lif { tau_m = 15 ms; }
                """);
        assertEquals(List.of(), codes(ok));
        assertEquals(12, ok.program().orElseThrow().constants().get("N").si());

        Compiler.CheckResult dup = check("""
                import "lib/cells.nmap";
                celltype Pyr : adex { }
                network Net { population p[N] : Pyr; }
                """, "lib/cells.nmap", """
                const N = 12;
                celltype Pyr : lif { tau_m = 15 ms; }
                """);
        assertEquals(List.of("NM-E0102"), codes(dup));
        Diagnostic d = dup.diagnostics().sorted().get(0);
        assertTrue(d.span().file().endsWith("main.nmap"), d.toString());
        assertEquals(2, d.span().line());
        assertEquals(10, d.span().column());
        assertTrue(d.message().contains("cells.nmap:2:10"), d.message());
    }

    @Test
    void importedNetworkCanBeSimulated() throws IOException {
        Compiler.CheckResult r = check("""
                import "net.nmap";
                simulate Shared { duration = 100 ms; }
                """, "net.nmap", """
                network Shared { population p[3] : lif; }
                """);
        assertEquals(List.of(), codes(r));
        assertEquals("Shared", r.program().orElseThrow().network().name().name());
    }

    @Test
    void fromListResolvesRelativeToTheFileThatNamesIt() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/syn.csv"), "pre,post\n0,1\n");
        Compiler.CheckResult found = check("""
                network Net { population a[2] : lif; project a -> a with from_list("data/syn.csv"); }
                """);
        assertEquals(List.of(), codes(found));
        assertEquals(dir.resolve("data/syn.csv").normalize(), DataFiles.resolve(dir.resolve("main.nmap").toString(), "data/syn.csv")
                .orElseThrow());

        Compiler.CheckResult directory = check("""
                network Net { population a[2] : lif; project a -> a with from_list("data"); }
                """);
        assertEquals(List.of("NM-E0504"), codes(directory));
    }

    @Test
    void oneFileWithSeveralIndependentErrorsReportsEachOnce() {
        AnalysisHarness.Run run = AnalysisHarness.analyze("""
                network Net {
                  population a[0] : lif;
                  population b[10] : lif { tau_m = 5 mV; v_rest = -65 mV + 2 ms; tau_syn_E ~ normal(5 ms, 2 ms); }
                  population c[10] : lfi;
                  project b -> b with fixed_prob(1.5) { weight = 1 mV; delay = -1 ms; }
                  project b -> c with one_to_one { weight = 0.1 nA; }
                  modulator DA { release 0.3 per spike; }
                  pathway p : DA -> b via D1R { effect gain *= 1 + [DA]; }
                  probe state(vm) of b every 0.3 ms;
                }
                """);
        List<String> codes = run.all().stream().map(d -> d.code().id()).toList();
        assertEquals(List.of("NM-E0306", "NM-E0202", "NM-E0203", "NM-E0302", "NM-E0103", "NM-E0303", "NM-E0202", "NM-E0304",
                "NM-E0117", "NM-E0117", "NM-E0402", "NM-E0105", "NM-E0301"), codes, run.rendered());
        assertTrue(run.program().isEmpty());
        assertEquals(codes.size() - 1, run.all().stream().map(d -> d.span().start()).collect(Collectors.toSet()).size(),
                "one diagnostic per place (the modulator lacks two settings): " + run.rendered());
    }

    @Test
    void everyNetworkOfTheRootFileIsCheckedButOnlyTheSelectedOneIsReturned() {
        AnalysisHarness.Run run = AnalysisHarness.analyze("""
                network A { population p[10] : lif; }
                network B { population q[10] : lif { tau_m = -1 ms; } }
                simulate A { }
                """);
        assertEquals(List.of("NM-E0301"), run.all().stream().map(d -> d.code().id()).toList());
        AnalysisHarness.Run clean = AnalysisHarness.analyze("""
                network A { population p[10] : lif; }
                network B { population q[10] : lif; }
                simulate B { }
                """);
        assertEquals("B", clean.program().orElseThrow().network().name().name());
    }

    @Test
    void warningsDoNotBlockTheProgram() {
        AnalysisHarness.Run run = AnalysisHarness.analyze("""
                network Net { population p[10] : lif { tau_refrac = 500 µs; } }
                """);
        assertEquals(List.of(DiagnosticCode.UNIT_SPELLING), run.all().stream().map(Diagnostic::code).toList());
        assertTrue(run.program().isPresent());
    }

    @Test
    void celltypeParametersAreVisibleInPopulationBodiesAsPerNeuronValues() {
        AnalysisHarness.Run ok = AnalysisHarness.analyze("""
                celltype Pyr : lif { v_thresh = -52 mV; }
                network Net { population p[10] : Pyr { v_reset = v_thresh - 10 mV; } }
                """);
        assertEquals(List.of(), ok.all(), ok.rendered());
        AnalysisHarness.Run notConstant = AnalysisHarness.analyze("""
                celltype Pyr : lif { v_thresh = -52 mV; }
                network Net { population p[10] : Pyr { v_reset ~ normal(v_thresh, 1 mV); } }
                """);
        assertEquals(List.of(DiagnosticCode.DYNAMIC_IN_CONSTANT), notConstant.all().stream().map(Diagnostic::code).toList(),
                notConstant.rendered());
    }

    @Test
    void intervalArithmeticAcceptsLetExpressionsThatStayInTheDomain() {
        AnalysisHarness.Run run = AnalysisHarness.analyze("""
                network Net {
                  population p[10] : izhikevich {
                    let r ~ uniform(0, 1);
                    a = 0.02 + 0.08 * r;
                    tau_syn_E = 2 ms * exp(r) / (1 + r^2);
                    tau_syn_I = 5 ms * sqrt(r + 0.1);
                  }
                }
                """);
        assertEquals(List.of(), run.all(), run.rendered());
        assertFalse(run.program().isEmpty());
    }

    @Test
    void resetAboveThresholdInACelltypeIsReportedOnceForAllItsPopulations() {
        AnalysisHarness.Run run = AnalysisHarness.analyze("""
                celltype Bad : lif { v_reset = -40 mV; }
                network Net { population p[10] : Bad; population q[10] : Bad; }
                """);
        assertEquals(List.of(DiagnosticCode.OUT_OF_DOMAIN), run.all().stream().map(Diagnostic::code).toList(), run.rendered());
    }
}
