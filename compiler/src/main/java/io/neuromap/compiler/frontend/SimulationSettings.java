package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;

/**
 * The run settings of a {@code simulate} block, in SI, with defaults where it is silent
 * (dt 1 ms, duration 1 s, seed 0).
 *
 * @param span the simulate block, or the network when there is none
 */
public record SimulationSettings(double dt, double duration, long seed, SourceSpan span) {
    public static final double DEFAULT_DT = 1e-3;
    public static final double DEFAULT_DURATION = 1.0;
    public static final long DEFAULT_SEED = 0;

    public SimulationSettings {
        requireNonNull(span, "span is null");
    }

    /** Whole steps in the run: round(duration / dt). */
    public long steps() {
        return Math.round(duration / dt);
    }
}
