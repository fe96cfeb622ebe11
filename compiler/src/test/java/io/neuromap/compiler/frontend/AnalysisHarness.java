package io.neuromap.compiler.frontend;

import io.neuromap.compiler.diag.Diagnostic;
import io.neuromap.compiler.diag.DiagnosticRenderer;
import io.neuromap.compiler.diag.Diagnostics;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Runs the loader and the analyser on program text, for tests. */
final class AnalysisHarness {
    private AnalysisHarness() {
    }

    /** What one analysis run produced. */
    record Run(Diagnostics diagnostics, SourceSet sources, Optional<AnalyzedProgram> program) {
        List<Diagnostic> all() {
            return diagnostics.sorted();
        }

        String rendered() {
            return new DiagnosticRenderer(sources.files()).renderAll(diagnostics);
        }
    }

    static Run analyze(String text) {
        return analyze("test.nmap", text, Path.of(""));
    }

    static Run analyze(String name, String text, Path directory) {
        Diagnostics diagnostics = new Diagnostics();
        SourceSet sources = SourceLoader.loadText(name, text, directory, diagnostics);
        Optional<AnalyzedProgram> program = diagnostics.hasErrors() ? Optional.empty() : Analyzer.analyze(sources, diagnostics);
        return new Run(diagnostics, sources, program);
    }
}
