package io.neuromap.backends.report;

import static java.util.Objects.requireNonNull;

/**
 * What a design rule is, independent of any one violation of it: the SARIF
 * {@code reportingDescriptor} of the rule, and the line {@code neuromap targets} prints.
 *
 * @param id the rule id ({@code LOIHI1-AXIN-001})
 * @param name the rule's predicate in words or UpperCamelCase ({@code InputAxonsWithinCoreLimit})
 * @param summary one sentence: what the rule requires
 * @param help what to do when it is broken, in general
 */
public record RuleInfo(String id, String name, String summary, String help) {
    public RuleInfo {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(summary, "summary is null");
        requireNonNull(help, "help is null");
    }
}
