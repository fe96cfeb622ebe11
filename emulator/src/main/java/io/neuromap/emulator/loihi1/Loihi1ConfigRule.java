package io.neuromap.emulator.loihi1;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import java.util.List;

/**
 * One Loihi 1 design rule that a well-formed config can still break: a capacity that depends on a
 * whole core, which the config reader leaves to the target's rules (docs/config-loihi1.md,
 * "Errors"). One class per rule, named by its predicate, with a stable id (STYLE item 8); a check
 * reports every violation it finds, never only the first.
 */
public interface Loihi1ConfigRule {

    /** The rule's stable id, e.g. {@code LOIHI1-CMPT-001}. */
    String id();

    /** What the rule requires, in one sentence. */
    String description();

    /** Every violation of this rule in {@code config}, given the chip's {@code limits}. */
    List<Loihi1RuleViolation> check(Loihi1Config config, Loihi1Limits limits);
}
