package io.neuromap.emulator.loihi1;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An emulation that cannot run or cannot finish, for a reason the user can act on: the config
 * violates the target's capacity rules (every violation is listed), a strict run overflowed
 * ({@link Loihi1OverflowException}), or the requested recording does not fit in memory. The
 * message is meant to be printed as is; the CLI turns it into exit code 1.
 */
public class Loihi1EmulationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Loihi1RuleViolation> violations;

    /** A failure without rule violations. */
    public Loihi1EmulationException(String message) {
        super(requireNonNull(message, "message is null"));
        this.violations = List.of();
    }

    private Loihi1EmulationException(String message, List<Loihi1RuleViolation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    /** The run is refused because the config violates {@code violations} (at least one). */
    static Loihi1EmulationException refused(List<Loihi1RuleViolation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs at least one violation");
        }
        StringBuilder text = new StringBuilder("the config violates ").append(violations.size())
                .append(violations.size() == 1 ? " rule of the target; not emulated" : " rules of the target; not emulated");
        for (Loihi1RuleViolation violation : violations) {
            text.append('\n').append(violation.render());
        }
        return new Loihi1EmulationException(text.toString(), violations);
    }

    /** The rule violations that refused the run; empty for other failures. */
    public List<Loihi1RuleViolation> violations() {
        return violations;
    }
}
