package io.neuromap.compiler.pass;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of running a pipeline: the output of each pass that produced one, by IR kind
 * (so that a caller stopped at a gate still gets the sources it needs to render diagnostics),
 * and a record per pass that ran.
 *
 * @param stoppedAfter the pass after which errors closed the gate; empty if every pass ran cleanly
 */
public record PipelineResult(Pipeline pipeline, List<PassRecord> records, Map<IrKind<?>, Object> outputs,
        Optional<String> stoppedAfter) {
    public PipelineResult {
        requireNonNull(pipeline, "pipeline is null");
        records = List.copyOf(requireNonNull(records, "records is null"));
        outputs = Map.copyOf(requireNonNull(outputs, "outputs is null"));
        requireNonNull(stoppedAfter, "stoppedAfter is null");
    }

    /** True when every pass ran and none reported an error. */
    public boolean completed() {
        return stoppedAfter.isEmpty() && records.size() == pipeline.passes().size();
    }

    /** The latest output of that kind, if a pass produced one. */
    public <T> Optional<T> output(IrKind<T> kind) {
        return Optional.ofNullable(outputs.get(kind)).map(kind.type()::cast);
    }

    /** The output of the last pass, when the pipeline completed. */
    public Optional<Object> finalOutput() {
        return completed() ? Optional.ofNullable(outputs.get(pipeline.output())) : Optional.empty();
    }

    public long totalNanos() {
        return records.stream().mapToLong(PassRecord::nanos).sum();
    }
}
