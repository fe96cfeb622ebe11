package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.lower.LoweringFacts;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * LOIHI1-WEXP-001 WeightExponentWithinRange: a projection's largest weight on the post neurons' scale must fit an 8-bit mantissa times 2^(6 + weight_exp) with weight_exp at most its maximum.
 */
public final class WeightExponentWithinRange implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-WEXP-001";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "WeightExponentWithinRange";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String help() {
        return "scale the projection's weights down";
    }

    @Override
    public String description() {
        return "a projection's largest weight on the post neurons' scale must fit an 8-bit mantissa times 2^(6 + weight_exp) with weight_exp at most its maximum.";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        List<Violation> out = new ArrayList<>();
        for (LoweringFacts.Weights f : net.facts().weights()) {
            if (f.neededExp() > Loihi1Limits.WEIGHT_EXP_MAX) {
                double largest = Loihi1Limits.WEIGHT_MANTISSA_MAX
                        * StrictMath.scalb(1.0, Loihi1Limits.ACTIVATION_SHIFT + Loihi1Limits.WEIGHT_EXP_MAX);
                out.add(new Violation(ID, severity(), f.span(), "weight exponent", f.neededExp(),
                        Loihi1Limits.WEIGHT_EXP_MAX, "",
                        "a spike of projection `" + f.projection() + "` must add up to "
                                + String.format(java.util.Locale.ROOT, "%.0f", f.maxChipWeight())
                                + " state units, which needs weight exponent " + f.neededExp()
                                + ": weight exponent out of range (its weights are far above the threshold)",
                        "scale weights of projection `" + f.projection() + "` by <= "
                                + CoreChecks.factorDown(largest / f.maxChipWeight())));
            }
        }
        return out;
    }
}
