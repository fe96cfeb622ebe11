package io.neuromap.compiler.pass;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.function.Consumer;

/** {@code --pass-stats}: every pass that ran, with its counters, after the pipeline ends. */
public final class PassStatisticsReport implements PassInstrument {
    private final Consumer<String> out;

    public PassStatisticsReport(Consumer<String> out) {
        this.out = requireNonNull(out, "out is null");
    }

    @Override
    public void afterPipeline(PipelineResult result) {
        out.accept(format(result));
    }

    /** The report's text. */
    public static String format(PipelineResult result) {
        StringBuilder s = new StringBuilder("===-- pass statistics --===\n");
        for (PassRecord r : result.records()) {
            s.append(r.pass()).append('\n');
            if (r.statistics().isEmpty()) {
                s.append("  (no counters)\n");
            }
            for (Map.Entry<String, Long> e : r.statistics().entrySet()) {
                s.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
            }
            if (r.errors() > 0) {
                s.append("  errors reported: ").append(r.errors()).append('\n');
            }
        }
        return s.toString();
    }
}
