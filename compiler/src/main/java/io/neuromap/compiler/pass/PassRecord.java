package io.neuromap.compiler.pass;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one pass run did: how long it took, its counters, and whether it reported errors (which
 * closed the gate after it).
 *
 * @param nanos wall time of {@link Pass#run}, excluding verification and instruments
 * @param errors errors the pass reported
 */
public record PassRecord(String pass, long nanos, Map<String, Long> statistics, int errors) {
    public PassRecord {
        requireNonNull(pass, "pass is null");
        // keeps the counters' first-touched order, so reports are deterministic
        statistics = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(statistics, "statistics is null")));
    }
}
