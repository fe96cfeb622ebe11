package io.neuromap.compiler;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.frontend.AnalyzedProgram;
import io.neuromap.compiler.frontend.FrontEndIr;
import io.neuromap.compiler.frontend.SourceSet;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.NetworkIr;
import io.neuromap.compiler.pass.PassManager;
import io.neuromap.compiler.pass.PipelineResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compiler's front door for tools: load and analyse a file, report into a fresh
 * {@link Diagnostics}. Each call is independent, so one process may compile many files. Every
 * call goes through the {@link PassManager}, so the IR is verified after each pass and a bug in a
 * pass surfaces as an {@link io.neuromap.compiler.pass.InternalCompilerError} naming that pass.
 */
public final class Compiler {
    private Compiler() {
    }

    /** Parses {@code file} with its imports and analyses it (the {@code check} pipeline). */
    public static CheckResult check(Path file) {
        requireNonNull(file, "file is null");
        Diagnostics diagnostics = new Diagnostics();
        PipelineResult result = PassManager.builder(StandardPasses.pipeline(StandardPasses.CHECK)).build()
                .run(file, diagnostics);
        return CheckResult.of(diagnostics, result);
    }

    /** Checks {@code file} and elaborates it to the network IR (the {@code check,elaborate} pipeline). */
    public static ElaborateResult elaborate(Path file) {
        requireNonNull(file, "file is null");
        Diagnostics diagnostics = new Diagnostics();
        PipelineResult result = PassManager.builder(StandardPasses.pipeline(StandardPasses.CHECK + ",elaborate")).build()
                .run(file, diagnostics);
        return ElaborateResult.of(diagnostics, result);
    }

    /**
     * What {@link #elaborate} found.
     *
     * @param sources every file read, for rendering diagnostics
     * @param network present when there were no errors
     */
    public record ElaborateResult(Diagnostics diagnostics, SourceSet sources, Optional<Network> network) {
        public ElaborateResult {
            requireNonNull(diagnostics, "diagnostics is null");
            requireNonNull(sources, "sources is null");
            requireNonNull(network, "network is null");
        }

        /** The result of any pipeline that starts with {@code load} and ends with {@code elaborate}. */
        public static ElaborateResult of(Diagnostics diagnostics, PipelineResult result) {
            SourceSet sources = result.output(FrontEndIr.SOURCES).orElse(new SourceSet(List.of(), Map.of()));
            Optional<Network> network = diagnostics.hasErrors() ? Optional.empty() : result.output(NetworkIr.NETWORK);
            return new ElaborateResult(diagnostics, sources, network);
        }
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

        /**
         * The result of any pipeline that starts with {@code load} (tools that run their own
         * {@link PassManager}, with instruments, use this to get the same result as {@link #check}).
         */
        public static CheckResult of(Diagnostics diagnostics, PipelineResult result) {
            SourceSet sources = result.output(FrontEndIr.SOURCES).orElse(new SourceSet(List.of(), Map.of()));
            Optional<AnalyzedProgram> program = diagnostics.hasErrors() ? Optional.empty() : result.output(FrontEndIr.ANALYZED);
            return new CheckResult(diagnostics, sources, program);
        }
    }
}
