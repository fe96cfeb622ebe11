package io.neuromap.backends.loihi1.rules;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1ConfigProblem;
import io.neuromap.backends.loihi1.config.Loihi1ConfigValidator;
import io.neuromap.backends.loihi1.emit.Loihi1Emitted;
import io.neuromap.compiler.mapping.Violation;
import io.neuromap.compiler.pass.IrKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The end of the Loihi 1 pipeline: the emitted config and every design-rule violation. The config
 * may be written only when no violation is an error ({@link #feasible()}).
 *
 * @param emitted the config and everything that led to it
 * @param violations every violation, errors first
 */
public record Loihi1Checked(Loihi1Emitted emitted, List<Violation> violations) {
    /**
     * Verified by the config validator when the rules passed it: a feasible config that the
     * validator rejects means a rule missed something, a bug.
     */
    public static final IrKind<Loihi1Checked> KIND = IrKind.of("loihi1-checked", Loihi1Checked.class,
            Loihi1Checked::verify, Loihi1Checked::print);

    public Loihi1Checked {
        requireNonNull(emitted, "emitted is null");
        violations = List.copyOf(requireNonNull(violations, "violations is null"));
    }

    /** True when no violation is an error: the config may be written. */
    public boolean feasible() {
        return !Loihi1Rules.hasErrors(violations);
    }

    /** The config, when feasible. */
    public Optional<Loihi1Config> config() {
        return feasible() ? Optional.of(emitted.config()) : Optional.empty();
    }

    private List<String> verify() {
        List<String> problems = new ArrayList<>();
        if (feasible()) {
            for (Loihi1ConfigProblem p : Loihi1ConfigValidator.validate(emitted.config())) {
                problems.add("a config that passed every rule is invalid: " + p.message());
            }
        }
        return problems;
    }

    private String print() {
        StringBuilder out = new StringBuilder();
        out.append(feasible() ? "feasible" : "infeasible").append(", ").append(violations.size()).append(" violations\n");
        for (Violation v : violations) {
            out.append("  ").append(v).append('\n');
        }
        return out.toString();
    }
}
