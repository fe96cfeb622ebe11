package io.neuromap.compiler;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.frontend.AnalyzedProgram;
import io.neuromap.compiler.frontend.Analyzer;
import io.neuromap.compiler.frontend.SourceLoader;
import io.neuromap.compiler.frontend.SourceSet;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The compiler's front door for tools: load and analyse a file, report into a fresh
 * {@link Diagnostics}. Each call is independent, so one process may compile many files.
 */
public final class Compiler {
    private Compiler() {
    }

    /** Parses {@code file} with its imports and analyses it. */
    public static CheckResult check(Path file) {
        requireNonNull(file, "file is null");
        Diagnostics diagnostics = new Diagnostics();
        SourceSet sources = SourceLoader.load(file, diagnostics);
        Optional<AnalyzedProgram> program = diagnostics.hasErrors() ? Optional.empty() : Analyzer.analyze(sources, diagnostics);
        return new CheckResult(diagnostics, sources, program);
    }

    /**
     * What {@link #check} found.
     *
     * @param sources every file read, for rendering diagnostics
     * @param program present when there were no errors
     */
    public record CheckResult(Diagnostics diagnostics, SourceSet sources, Optional<AnalyzedProgram> program) {
        public CheckResult {
            requireNonNull(diagnostics, "diagnostics is null");
            requireNonNull(sources, "sources is null");
            requireNonNull(program, "program is null");
        }
    }
}
