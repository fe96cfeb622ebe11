package io.neuromap.cli;

import io.neuromap.compiler.Compiler;
import io.neuromap.compiler.StandardPasses;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.elaborate.Elaborator;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.pass.PassManager;
import java.nio.file.Path;
import java.util.Optional;

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

    /**
     * Checks {@code file} and, when it has no errors, elaborates it into the network IR: every
     * neuron and synapse built, every parameter sampled.
     */
    default Elaboration elaborate(Path file, PassManagerFactory passes) {
        Compiler.CheckResult checked = check(file, passes);
        Optional<Network> network = checked.program().flatMap(p -> Elaborator.elaborate(p, checked.diagnostics()));
        return new Elaboration(checked, network);
    }

    /**
     * What {@link #elaborate} produced.
     *
     * @param check the check that preceded elaboration: its diagnostics also hold elaboration's
     * @param network present when there were no errors
     */
    record Elaboration(Compiler.CheckResult check, Optional<Network> network) {
        public Elaboration {
            java.util.Objects.requireNonNull(check, "check is null");
            java.util.Objects.requireNonNull(network, "network is null");
        }
    }

    /** Makes the pass manager for a named pipeline. */
    interface PassManagerFactory {
        /** Plain pass managers, without instruments. */
        PassManagerFactory PLAIN = pipeline -> PassManager.builder(StandardPasses.pipeline(pipeline)).build();

        PassManager create(String pipeline);
    }
}
