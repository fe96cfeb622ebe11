package io.neuromap.compiler.mapping;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.source.SourceSpan;
import java.util.Locale;

/**
 * A broken hardware limit, as data: the one shape that text reports, SARIF and exit codes are
 * made from (STYLE item 9). Demand and capacity are kept as numbers, not flattened into the
 * message, so a report can sort, sum and explain them.
 *
 * @param ruleId the target's rule ({@code LOIHI1-SYNMEM-001})
 * @param span the DSL text that caused it (the population or projection declaration)
 * @param resource the resource's name ({@code synaptic memory}, {@code chips})
 * @param actual the demand
 * @param limit the capacity
 * @param unit the unit of both
 * @param message what is wrong, one sentence
 * @param fix what to change, one sentence
 */
public record Violation(String ruleId, Severity severity, SourceSpan span, String resource, long actual, long limit,
        String unit, String message, String fix) {
    public Violation {
        requireNonNull(ruleId, "ruleId is null");
        requireNonNull(severity, "severity is null");
        requireNonNull(span, "span is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(message, "message is null");
        requireNonNull(fix, "fix is null");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %s at %s: %s (%s: %d > %d %s); fix: %s", severity.label(), ruleId,
                span.location(), message, resource, actual, limit, unit, fix);
    }
}
