package io.neuromap.compiler.mapping;

/**
 * The limits the mapping engine checks that are not per-core resources. A target names the rule
 * id of each ({@link ResourceModel#ruleId}), so a violation found by the target-independent
 * engine still carries the target's rule id.
 */
public enum MappingRule {
    /** The network needs more chips than the system has (placement). */
    CHIPS,
    /** A projection ends on neurons that do not run on a core (e.g. spike sources the host injects). */
    OFF_CORE_TARGET
}
