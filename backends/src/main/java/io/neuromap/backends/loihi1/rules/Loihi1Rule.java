package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.List;

/**
 * One Loihi 1 design rule: a named predicate over a mapped network, checked against the chip's
 * limits, that returns every violation it finds, never only the first (STYLE items 8-10). Rules
 * take limits as data and carry no numbers in their names; each has an id of the form
 * {@code LOIHI1-RESOURCE-NNN} that reports, SARIF and tests name it by.
 */
public interface Loihi1Rule {
    /** The rule id ({@code LOIHI1-AXIN-001}). */
    String id();

    /** What must hold, as a name ({@code InputAxonsWithinCoreLimit}). */
    String predicate();

    /** The severity of its violations: errors stop a config from being written, warnings do not. */
    Severity severity();

    /** One sentence on what the rule checks and why the chip needs it. */
    String description();

    /** What to do when it is broken, in general (each violation's fix is specific). */
    String help();

    /** Every violation of this rule in {@code net}. */
    List<Violation> check(MappedNet net, Loihi1Limits limits);
}
