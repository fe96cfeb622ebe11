package io.neuromap.cli;

import io.neuromap.compiler.StandardPasses;
import io.neuromap.compiler.pass.PassInstrument;
import io.neuromap.compiler.pass.PassManager;
import io.neuromap.compiler.pass.PassRegistry;
import io.neuromap.compiler.pass.PassStatisticsReport;
import io.neuromap.compiler.pass.PassTimingReport;
import io.neuromap.compiler.pass.Pipeline;
import io.neuromap.compiler.pass.PipelineException;
import io.neuromap.compiler.pass.PrintIrAfter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * The pass-manager instruments, as options shared by every command that compiles (MLIR's
 * {@code --print-ir-after}, {@code --pass-statistics}, {@code --pass-timing}): they observe the
 * passes from outside and print on standard error, so the command's own output stays clean.
 */
final class PassInstrumentOptions {
    // Set by picocli.
    @Option(names = "--print-ir-after", paramLabel = "PASSES",
            description = "Print the IR after the named passes (comma-separated), after every pass (all), "
                    + "or after a pass that fails (failure), on standard error.")
    private String printIrAfter;

    @Option(names = "--pass-stats", description = "Print every pass's statistics on standard error.")
    private boolean passStats;

    @Option(names = "--pass-timing", description = "Print the time every pass took on standard error.")
    private boolean passTiming;

    @Option(names = "--verify-each", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Verify the IR after every pass (default: on). --no-verify-each is for timing runs only.")
    private boolean verifyEach = true;

    /**
     * Checks the option values that name passes.
     *
     * @return the problem, if the command line names a pass that does not exist
     */
    Optional<String> problem() {
        return problem(StandardPasses.registry());
    }

    /** As {@link #problem()}, for a command whose passes are those of {@code registry}. */
    Optional<String> problem(PassRegistry registry) {
        if (printIrAfter == null) {
            return Optional.empty();
        }
        try {
            PrintIrAfter.parse(printIrAfter, registry, s -> { });
            return Optional.empty();
        } catch (PipelineException e) {
            return Optional.of("--print-ir-after: " + e.getMessage());
        }
    }

    /** A pass manager for {@code pipelineText} with the instruments asked for, printing to {@code err}. */
    PassManager passManager(String pipelineText, PrintWriter err) {
        return passManager(StandardPasses.pipeline(pipelineText), StandardPasses.registry(), err);
    }

    /** A pass manager for {@code pipeline}, whose passes {@code registry} names, with the instruments asked for. */
    PassManager passManager(Pipeline pipeline, PassRegistry registry, PrintWriter err) {
        PassManager.Builder builder = PassManager.builder(pipeline).verifyEach(verifyEach);
        for (PassInstrument i : instruments(err, registry)) {
            builder.instrument(i);
        }
        return builder.build();
    }

    /** Whether the pass timings were asked for (the compile report then includes them). */
    boolean timings() {
        return passTiming;
    }

    private List<PassInstrument> instruments(PrintWriter err, PassRegistry registry) {
        Consumer<String> print = s -> {
            err.print(s.endsWith("\n") ? s : s + "\n");
            err.flush();
        };
        List<PassInstrument> out = new ArrayList<>();
        if (printIrAfter != null) {
            out.add(PrintIrAfter.parse(printIrAfter, registry, print));
        }
        if (passStats) {
            out.add(new PassStatisticsReport(print));
        }
        if (passTiming) {
            out.add(new PassTimingReport(print));
        }
        return out;
    }
}
