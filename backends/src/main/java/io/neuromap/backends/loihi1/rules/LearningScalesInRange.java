package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * LOIHI1-LEARN-004 LearningScalesInRange: every scale (4-bit mantissa, exponent -7..8), constant (8 bits) and trace impulse (0..127) of a lowered learning rule must fit its field (loihi1.md §3.2).
 */
public final class LearningScalesInRange implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-LEARN-004";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "LearningScalesInRange";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String help() {
        return "scale A_plus and A_minus (or the weights, or the modulator's release) into the learning engine's range";
    }

    @Override
    public String description() {
        return "every scale (4-bit mantissa, exponent -7..8), constant (8 bits) and trace impulse (0..127) of a lowered learning rule must fit its field (loihi1.md §3.2).";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        List<Violation> out = new ArrayList<>();
        for (io.neuromap.backends.loihi1.lower.LoweringFacts.Plasticity f : net.facts().plasticity()) {
            if (!f.lowered() || f.outOfRange().isEmpty()) {
                continue;
            }
            out.add(new Violation(ID, severity(), f.span(), "learning-rule fields", 1, 0, "fields",
                    "the learning rule of `" + f.projection() + "` does not fit the learning engine: " + f.outOfRange(),
                    "change A_plus, A_minus or the weights of `" + f.projection() + "` (or the modulator's release "
                            + "and baseline) so the rule's scales fit mantissa x 2^exponent with a 4-bit mantissa and "
                            + "exponent -7..8"));
        }
        return out;
    }
}
