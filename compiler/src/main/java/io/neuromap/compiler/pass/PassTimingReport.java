package io.neuromap.compiler.pass;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code --pass-timing}: wall time of each pass and its share of the total, after the pipeline
 * ends. Times exclude verification and instruments. Timing is the one output that is not
 * deterministic (DESIGN.md, Determinism).
 */
public final class PassTimingReport implements PassInstrument {
    private final Consumer<String> out;

    public PassTimingReport(Consumer<String> out) {
        this.out = requireNonNull(out, "out is null");
    }

    @Override
    public void afterPipeline(PipelineResult result) {
        out.accept(format(result));
    }

    /** The report's text. */
    public static String format(PipelineResult result) {
        StringBuilder s = new StringBuilder("===-- pass timing (wall clock) --===\n");
        long total = result.totalNanos();
        for (PassRecord r : result.records()) {
            s.append(line(r.nanos(), total, r.pass()));
        }
        s.append(line(total, total, "total"));
        return s.toString();
    }

    private static String line(long nanos, long total, String name) {
        double share = total == 0 ? 100.0 : 100.0 * nanos / total;
        return String.format(Locale.ROOT, "  %10.4f s (%5.1f%%)  %s\n", nanos / 1e9, share, name);
    }
}
