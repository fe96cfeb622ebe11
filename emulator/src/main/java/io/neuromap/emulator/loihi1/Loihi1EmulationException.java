package io.neuromap.emulator.loihi1;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.mapping.Violation;
import java.util.List;

/**
 * An emulation that cannot run or cannot finish, for a reason the user can act on: the config
 * violates the target's design rules (every violation is listed), a strict run overflowed
 * ({@link Loihi1OverflowException}), or the requested recording does not fit in memory. The
 * message is meant to be printed as is; the CLI turns it into exit code 1.
 */
public class Loihi1EmulationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    /** A failure without rule violations. */
    public Loihi1EmulationException(String message) {
        super(requireNonNull(message, "message is null"));
        this.violations = List.of();
    }

    private Loihi1EmulationException(String message, List<Violation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    /** The run is refused because the config violates {@code violations} (at least one). */
    static Loihi1EmulationException refused(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs at least one violation");
        }
        StringBuilder text = new StringBuilder("the config violates ").append(violations.size())
                .append(violations.size() == 1 ? " rule of the target; not emulated" : " rules of the target; not emulated");
        for (Violation violation : violations) {
            text.append('\n').append(render(violation));
        }
        return new Loihi1EmulationException(text.toString(), violations);
    }

    /** The rule violations that refused the run; empty for other failures. */
    public List<Violation> violations() {
        return violations;
    }

    /**
     * A violation of a config in three lines, as {@code compile} prints those of a network:
     * {@code out/config.json: error[LOIHI1-CX-001]: message}, the resource with demand and
     * capacity, and the fix.
     */
    public static String render(Violation v) {
        requireNonNull(v, "v is null");
        return v.span().file() + ": " + v.severity().label() + "[" + v.ruleId() + "]: " + v.message() + "\n  = "
                + v.resource() + ": demand " + v.actual() + " " + v.unit() + ", capacity " + v.limit() + " " + v.unit()
                + "\n  help: " + v.fix();
    }
}
