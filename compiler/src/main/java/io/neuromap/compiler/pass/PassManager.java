package io.neuromap.compiler.pass;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.diag.Diagnostics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a {@link Pipeline}. After every pass it (1) verifies the output with its IR kind's
 * verifier, unless verification was turned off, and blames a failure on that pass as an
 * {@link InternalCompilerError}; (2) closes the gate when the diagnostics hold an error, so no
 * later pass sees IR built from a wrong input; (3) records the pass's time and statistics. Instruments
 * ({@link PrintIrAfter}, {@link PassStatisticsReport}, {@link PassTimingReport}) observe the run
 * from outside the passes. A pass that throws becomes an internal error blamed on it too, so a
 * bug is never reported as a problem with the user's input. Reusable: it holds no state between runs.
 */
public final class PassManager {
    private final Pipeline pipeline;
    private final PassOptions options;
    private final boolean verifyEach;
    private final List<PassInstrument> instruments;

    private PassManager(Builder b) {
        this.pipeline = b.pipeline;
        this.options = b.options;
        this.verifyEach = b.verifyEach;
        this.instruments = List.copyOf(b.instruments);
    }

    public static Builder builder(Pipeline pipeline) {
        return new Builder(pipeline);
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    /**
     * Runs the pipeline on {@code input}, reporting into {@code diagnostics}. Stops before the
     * first pass if {@code diagnostics} already holds an error.
     *
     * @throws InternalCompilerError when a pass has a bug (see the class comment)
     * @throws IllegalArgumentException when {@code input} is not of the pipeline's input kind
     */
    public PipelineResult run(Object input, Diagnostics diagnostics) {
        requireNonNull(input, "input is null");
        requireNonNull(diagnostics, "diagnostics is null");
        if (!pipeline.input().type().isInstance(input)) {
            throw new IllegalArgumentException("pipeline `" + pipeline.text() + "` starts from " + pipeline.input().name()
                    + " (" + pipeline.input().type().getSimpleName() + "), not " + input.getClass().getSimpleName());
        }
        List<PassRecord> records = new ArrayList<>();
        Map<IrKind<?>, Object> outputs = new LinkedHashMap<>();
        Object current = input;
        Optional<String> stoppedAfter = Optional.empty();
        for (Pass<?, ?> pass : pipeline.passes()) {
            if (diagnostics.hasErrors()) {
                break;
            }
            int errorsBefore = diagnostics.errorCount();
            Statistics statistics = new Statistics();
            PassContext context = new PassContext(pass.name(), diagnostics, options, statistics);
            for (PassInstrument i : instruments) {
                i.beforePass(pass, current);
            }
            Object output;
            long start = System.nanoTime();
            try {
                output = runUnchecked(pass, current, context);
            } catch (RuntimeException | StackOverflowError e) {
                throw fail(pass, current, null, InternalCompilerError.Reason.THREW,
                        List.of(e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage())), e);
            }
            long nanos = System.nanoTime() - start;
            int errors = diagnostics.errorCount() - errorsBefore;
            if (output == null && errors == 0) {
                throw fail(pass, current, null, InternalCompilerError.Reason.NO_OUTPUT, List.of(), null);
            }
            if (output != null) {
                if (!pass.provides().type().isInstance(output)) {
                    throw fail(pass, current, null, InternalCompilerError.Reason.WRONG_OUTPUT_TYPE,
                            List.of("expected " + pass.provides().type().getName() + ", got " + output.getClass().getName()), null);
                }
                if (verifyEach) {
                    List<String> problems = pass.provides().verifyObject(output);
                    if (!problems.isEmpty()) {
                        throw fail(pass, current, output, InternalCompilerError.Reason.VERIFIER_FAILED, problems, null);
                    }
                }
                outputs.put(pass.provides(), output);
            }
            PassRecord record = new PassRecord(pass.name(), nanos, statistics.snapshot(), errors);
            records.add(record);
            if (output != null) {
                for (PassInstrument i : instruments) {
                    i.afterPass(pass, output, record);
                }
            }
            if (diagnostics.hasErrors()) {
                for (PassInstrument i : instruments) {
                    i.afterFailure(pass, current, output, errors + (errors == 1 ? " error" : " errors") + " reported");
                }
                stoppedAfter = Optional.of(pass.name());
                break;
            }
            current = output;
        }
        PipelineResult result = new PipelineResult(pipeline, records, outputs, stoppedAfter);
        for (PassInstrument i : instruments) {
            i.afterPipeline(result);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Object runUnchecked(Pass<?, ?> pass, Object input, PassContext context) {
        return ((Pass<Object, Object>) pass).run(pass.requires().type().cast(input), context);
    }

    private InternalCompilerError fail(Pass<?, ?> pass, Object input, Object output, InternalCompilerError.Reason reason,
            List<String> problems, Throwable cause) {
        for (PassInstrument i : instruments) {
            try {
                i.afterFailure(pass, input, output, reason.text());
            } catch (RuntimeException ignored) {
                // an instrument failing while we report a bug must not hide the bug
            }
        }
        String dump;
        try {
            dump = pass.requires().dumpObject(input);
        } catch (RuntimeException e) {
            dump = "(the input could not be printed: " + e + ")\n";
        }
        return new InternalCompilerError(pass.name(), pipeline.text(), reason, problems, dump, cause);
    }

    /** Configures a {@link PassManager}; verification after every pass is on by default. */
    public static final class Builder {
        private final Pipeline pipeline;
        private PassOptions options = PassOptions.empty();
        private boolean verifyEach = true;
        private final List<PassInstrument> instruments = new ArrayList<>();

        private Builder(Pipeline pipeline) {
            this.pipeline = requireNonNull(pipeline, "pipeline is null");
        }

        public Builder options(PassOptions options) {
            this.options = requireNonNull(options, "options is null");
            return this;
        }

        /** Turns the verifier after each pass off ({@code --verify-each=false}); for timing runs only. */
        public Builder verifyEach(boolean verifyEach) {
            this.verifyEach = verifyEach;
            return this;
        }

        public Builder instrument(PassInstrument instrument) {
            instruments.add(requireNonNull(instrument, "instrument is null"));
            return this;
        }

        public PassManager build() {
            return new PassManager(this);
        }
    }
}
