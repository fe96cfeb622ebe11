package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.lower.LoweringFacts;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * LOIHI1-BIAS-001 BiasMantissaWithinRange: the constant drive of i_offset and of the leak towards v_rest is a bias of a 13-bit signed mantissa times 2^exp, exp at most 7, which must fit even at the smallest threshold.
 */
public final class BiasMantissaWithinRange implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-BIAS-001";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "BiasMantissaWithinRange";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String help() {
        return "lower i_offset, or the distance from v_rest to v_reset";
    }

    @Override
    public String description() {
        return "the constant drive of i_offset and of the leak towards v_rest is a bias of a 13-bit signed mantissa times 2^exp, exp at most 7, which must fit even at the smallest threshold.";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        List<Violation> out = new ArrayList<>();
        for (LoweringFacts.Bias f : net.facts().biases()) {
            double needed = f.maxRatio() * (1 << Loihi1Limits.VTH_EXP);
            if (needed > Loihi1Limits.BIAS_MAX) {
                out.add(new Violation(ID, severity(), f.span(), "bias", (long) Math.ceil(needed), Loihi1Limits.BIAS_MAX,
                        "state units",
                        "`" + f.population() + "` gets a constant drive of "
                                + String.format(java.util.Locale.ROOT, "%.4g", f.maxRatio())
                                + " times its threshold distance per step: the bias mantissa overflows at every "
                                + "threshold scale",
                        "lower i_offset of `" + f.population() + "` (and the distance from v_rest to v_reset) by a "
                                + "factor of at least " + CoreChecks.factorUp(needed / Loihi1Limits.BIAS_MAX)));
            }
        }
        return out;
    }
}
