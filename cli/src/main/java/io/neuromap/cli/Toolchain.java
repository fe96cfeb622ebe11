package io.neuromap.cli;

import io.neuromap.backends.loihi1.Loihi1CompileOptions;
import io.neuromap.backends.loihi1.Loihi1CompileResult;
import io.neuromap.backends.loihi1.Loihi1Compiler;
import io.neuromap.compiler.Compiler;
import io.neuromap.compiler.StandardPasses;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.pass.PassManager;
import io.neuromap.compiler.pass.Pipeline;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * What the commands ask of the compiler. The commands never call the compiler directly, so that
 * tests can put a failing compiler behind them and exercise the internal-error path (exit code 3)
 * without a hook that users could reach.
 */
interface Toolchain {
    /** The pipeline {@code inspect} runs: check, then build every neuron and synapse. */
    String ELABORATE = StandardPasses.CHECK + ",elaborate";

    /** The real compiler. */
    Toolchain COMPILER = new Toolchain() {
        @Override
        public Compiler.CheckResult check(Path file, PassManagerFactory passes) {
            Diagnostics diagnostics = new Diagnostics();
            return Compiler.CheckResult.of(diagnostics, passes.create(StandardPasses.CHECK).run(file, diagnostics));
        }

        @Override
        public Compiler.ElaborateResult elaborate(Path file, PassManagerFactory passes) {
            Diagnostics diagnostics = new Diagnostics();
            return Compiler.ElaborateResult.of(diagnostics, passes.create(ELABORATE).run(file, diagnostics));
        }
    };

    /**
     * Parses {@code file} with its imports and analyses it, through a pass manager made by
     * {@code passes} (which adds the instruments the command line asked for).
     */
    Compiler.CheckResult check(Path file, PassManagerFactory passes);

    /** As {@link #check}, then elaborates the network: every neuron and synapse built, every parameter sampled. */
    Compiler.ElaborateResult elaborate(Path file, PassManagerFactory passes);

    /**
     * Compiles {@code file} for Loihi 1 (front end, then lower, partition, place, route, emit,
     * rules) through the pass manager {@code passes} makes for the pipeline.
     */
    default Loihi1CompileResult compileLoihi1(Path file, Loihi1CompileOptions options,
            Function<Pipeline, PassManager> passes) {
        return Loihi1Compiler.compile(file, options, passes);
    }

    /** Makes the pass manager for a pipeline written as text. */
    interface PassManagerFactory {
        PassManager create(String pipeline);
    }
}
