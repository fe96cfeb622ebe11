package io.neuromap.emulator.loihi1;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.Loihi1Resource;
import io.neuromap.compiler.diag.Severity;

/**
 * One violation of a Loihi 1 design rule by a config: which rule (a stable id such as
 * {@code LOIHI1-CMPT-001}), how bad, where in the config, which resource, how much is used
 * against how much the chip has, what is wrong and how to fix it. One shape for text output,
 * SARIF and exit codes (STYLE item 9); a config has no DSL span, so the location is the JSON
 * pointer of the offending element plus the chip and core it names.
 *
 * @param ruleId the rule's id
 * @param severity error (the config cannot run) or warning
 * @param pointer JSON pointer inside {@code config.json}
 * @param subject the chip element in words, e.g. {@code chip 0, core 3}
 * @param resource the exhausted resource
 * @param actual what the config uses
 * @param limit what the chip allows
 * @param message what is wrong, with the numbers
 * @param fix a concrete change that removes the violation
 */
public record Loihi1RuleViolation(String ruleId, Severity severity, String pointer, String subject,
        Loihi1Resource resource, long actual, long limit, String message, String fix) {

    public Loihi1RuleViolation {
        requireNonNull(ruleId, "ruleId is null");
        requireNonNull(severity, "severity is null");
        requireNonNull(pointer, "pointer is null");
        requireNonNull(subject, "subject is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(message, "message is null");
        requireNonNull(fix, "fix is null");
    }

    /**
     * Two lines: {@code error[LOIHI1-CMPT-001]: config.json: /chips/0/cores/3: chip 0, core 3: ...}
     * and {@code   help: ...}.
     */
    public String render() {
        return severity.label() + "[" + ruleId + "]: config.json: " + pointer + ": " + subject + ": " + message
                + "\n  help: " + fix;
    }
}
