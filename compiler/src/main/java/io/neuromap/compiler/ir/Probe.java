package io.neuromap.compiler.ir;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.Optional;

/**
 * What to record: {@code probe v : state(v) of pyr[0:20] every 1 ms;}.
 *
 * @param name the declared name, or {@code <kind>_<population>} when unnamed
 * @param kind {@code spikes}, {@code state}, {@code weights} or {@code modulator}
 * @param variable the state variable of {@code state(x)}, or the modulator of {@code modulator(M)}
 * @param everySteps the sampling period in time steps (>= 1)
 */
public record Probe(String name, SourceSpan span, String kind, Optional<String> variable, NeuronRange target,
        int everySteps) {
    public Probe {
        requireNonNull(name, "name is null");
        requireNonNull(span, "span is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(variable, "variable is null");
        requireNonNull(target, "target is null");
        if (everySteps < 1) {
            throw new IllegalArgumentException("probe period must be >= 1 step, found " + everySteps);
        }
    }
}
