package io.neuromap.compiler.ir;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;

/**
 * A neuromodulator: a concentration m with {@code dm/dt = -(m - baseline) / decay}, raised by
 * {@code releasePerSpike} for each source spike, {@code delay} after it.
 *
 * @param releasePerSpike concentration added per source spike (dimensionless)
 * @param decay time constant of the return to baseline, s
 * @param baseline resting concentration (dimensionless)
 * @param delay from source spike to release, s (0 when not written)
 */
public record Modulator(String name, SourceSpan span, ModulatorSource source, double releasePerSpike, double decay,
        double baseline, ModulatorScope scope, double delay) {
    public Modulator {
        requireNonNull(name, "name is null");
        requireNonNull(span, "span is null");
        requireNonNull(source, "source is null");
        requireNonNull(scope, "scope is null");
    }
}
