package io.neuromap.compiler.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.Compiler;
import io.neuromap.compiler.StandardPasses;
import io.neuromap.compiler.ast.ConstDecl;
import io.neuromap.compiler.ast.Expr;
import io.neuromap.compiler.ast.Identifier;
import io.neuromap.compiler.ast.Program;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.pass.PassContext;
import io.neuromap.compiler.pass.PassManager;
import io.neuromap.compiler.pass.PassStatisticsReport;
import io.neuromap.compiler.pass.PipelineResult;
import io.neuromap.compiler.pass.PrintIrAfter;
import io.neuromap.compiler.source.SourceFile;
import io.neuromap.compiler.testing.Parsing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The front end's passes, alone and through the pass manager, and the verifiers of their IR. */
class FrontEndPassesTest {
    private static final Path STRIATUM = Parsing.testResource("programs/striatum.nmap");

    @Test
    void checkRunsLoadThenAnalyse() {
        Compiler.CheckResult result = Compiler.check(STRIATUM);
        assertFalse(result.diagnostics().hasErrors(), result.diagnostics().all().toString());
        assertEquals("Striatum", result.program().orElseThrow().network().name().name());
        assertEquals(1, result.sources().programs().size());
    }

    @Test
    void checkOfAMissingFileStillReturnsAResult() {
        Compiler.CheckResult result = Compiler.check(Path.of("does/not/exist.nmap"));
        assertEquals(DiagnosticCode.FILE_NOT_FOUND, result.diagnostics().all().get(0).code());
        assertTrue(result.program().isEmpty());
        assertTrue(result.sources().programs().isEmpty());
    }

    @Test
    void everyTestProgramPassesTheVerifiers() {
        for (Path file : Parsing.nmapFiles(Parsing.testResource("programs"))) {
            Compiler.check(file);
        }
    }

    @Test
    void loadAloneCountsWhatItRead() {
        Diagnostics diagnostics = new Diagnostics();
        PassContext context = PassContext.standalone("load", diagnostics);
        SourceSet sources = new LoadPass().run(Parsing.testResource("programs/distal_reward.nmap"), context);
        assertEquals(2, sources.programs().size());
        assertEquals(2L, context.statistics().get("files parsed"));
        assertTrue(context.statistics().get("lines") > 20);
    }

    @Test
    void printIrAfterLoadPrintsTheParsedProgram() {
        List<String> printed = new ArrayList<>();
        PassManager pm = PassManager.builder(StandardPasses.pipeline("check"))
                .instrument(PrintIrAfter.parse("load", StandardPasses.registry(), printed::add)).build();
        Diagnostics diagnostics = new Diagnostics();
        PipelineResult result = pm.run(STRIATUM, diagnostics);
        assertTrue(result.completed());
        assertEquals(1, printed.size());
        String dump = printed.get(0);
        assertTrue(dump.startsWith("// ----- IR after load (sources) -----\n// file: "), dump);
        assertTrue(dump.contains("\nnetwork Striatum {\n  celltype D1 : lif {\n"), dump);
        Compiler.CheckResult check = Compiler.CheckResult.of(diagnostics, result);
        assertTrue(check.program().isPresent());
    }

    @Test
    void printIrAfterAnalyseShowsResolvedSettings() {
        List<String> printed = new ArrayList<>();
        PassManager pm = PassManager.builder(StandardPasses.pipeline("load,analyse"))
                .instrument(PrintIrAfter.parse("analyse", StandardPasses.registry(), printed::add))
                .instrument(new PassStatisticsReport(printed::add)).build();
        pm.run(STRIATUM, new Diagnostics());
        assertTrue(printed.get(0).startsWith("// ----- IR after analyse (analyzed) -----\n// network: Striatum ("), printed.get(0));
        assertTrue(printed.get(0).contains("// simulate: dt = 0.001 s, duration = 2.0 s, seed = 7 (2000 steps)\n"), printed.get(0));
        assertTrue(printed.get(1).contains("load\n  files read: 1\n  files parsed: 1\n"), printed.get(1));
        assertTrue(printed.get(1).contains("analyse\n  cell types: 2\n"), printed.get(1));
    }

    @Test
    void sourcesVerifierFindsASpanOutsideItsParent() {
        String text = "const x = 1;";
        SourceFile file = new SourceFile("t.nmap", text);
        Identifier name = new Identifier("x", file.span(6, 7));
        Expr.Number value = new Expr.Number(1, "1", Optional.empty(), file.span(10, 11));
        ConstDecl misplaced = new ConstDecl(name, value, file.span(0, 8));
        Program program = new Program("t.nmap", List.of(misplaced), file.span(0, text.length()));
        List<String> problems = FrontEndIr.verifySources(new SourceSet(List.of(program), Map.of("t.nmap", file)));
        assertEquals(List.of("Number at t.nmap:1:11 [10, 11) is outside its parent ConstDecl [0, 8)"), problems);

        Program truncated = new Program("t.nmap", List.of(), file.span(0, 3));
        assertEquals(List.of("program `t.nmap` does not span its whole file: [0, 3)"),
                FrontEndIr.verifySources(new SourceSet(List.of(truncated), Map.of("t.nmap", file))));
        assertEquals(List.of("program `t.nmap` has no source text in the set"),
                FrontEndIr.verifySources(new SourceSet(List.of(truncated), Map.of())));
    }

    @Test
    void analyzedVerifierFindsAForeignNetwork() {
        AnalyzedProgram good = Compiler.check(STRIATUM).program().orElseThrow();
        assertEquals(List.of(), FrontEndIr.verifyAnalyzed(good));
        Program other = Parsing.parse("other.nmap", "network Striatum {}");
        AnalyzedProgram foreign = new AnalyzedProgram(good.sources(), other.itemsOf(io.neuromap.compiler.ast.NetworkDecl.class).get(0),
                good.celltypes(), good.constants(), good.simulation(), good.targets());
        assertEquals(List.of("network `Striatum` is not a top-level item of any source file"), FrontEndIr.verifyAnalyzed(foreign));
    }
}
