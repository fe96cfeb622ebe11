package io.neuromap.cli;

import io.neuromap.compiler.Compiler;
import io.neuromap.compiler.StandardPasses;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.pass.PassManager;
import java.nio.file.Path;

/**
 * What the commands ask of the compiler. The commands never call the compiler directly, so that
 * tests can put a failing compiler behind them and exercise the internal-error path (exit code 3)
 * without a hook that users could reach.
 */
interface Toolchain {
    /** The real compiler. */
    Toolchain COMPILER = new Toolchain() {
        @Override
        public Compiler.CheckResult check(Path file, PassManagerFactory passes) {
            Diagnostics diagnostics = new Diagnostics();
            PassManager manager = passes.create(StandardPasses.CHECK);
            return Compiler.CheckResult.of(diagnostics, manager.run(file, diagnostics));
        }
    };

    /**
     * Parses {@code file} with its imports and analyses it, through a pass manager made by
     * {@code passes} (which adds the instruments the command line asked for).
     */
    Compiler.CheckResult check(Path file, PassManagerFactory passes);

    /** Makes the pass manager for a named pipeline. */
    interface PassManagerFactory {
        /** Plain pass managers, without instruments. */
        PassManagerFactory PLAIN = pipeline -> PassManager.builder(StandardPasses.pipeline(pipeline)).build();

        PassManager create(String pipeline);
    }
}
