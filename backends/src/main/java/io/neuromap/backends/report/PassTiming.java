package io.neuromap.backends.report;

import static java.util.Objects.requireNonNull;

/**
 * Wall time of one compiler pass. Timings are the only fields of a report that differ between
 * two runs on the same input (docs/targets.md names them); a report without them is byte-stable.
 *
 * @param pass the pass's name ({@code partition})
 * @param seconds wall time in seconds
 */
public record PassTiming(String pass, double seconds) {
    public PassTiming {
        requireNonNull(pass, "pass is null");
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("seconds must be finite and >= 0, got " + seconds);
        }
    }
}
