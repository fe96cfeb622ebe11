package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.lower.LoweringFacts;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * LOIHI1-WZERO-001 WeightsSurviveQuantization: synapses whose weight rounds to a zero mantissa have no effect on the chip; the compiler keeps them and warns.
 */
public final class WeightsSurviveQuantization implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-WZERO-001";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "WeightsSurviveQuantization";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String help() {
        return "scale up or drop the smallest weights";
    }

    @Override
    public String description() {
        return "synapses whose weight rounds to a zero mantissa have no effect on the chip; the compiler keeps them and warns.";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        List<Violation> out = new ArrayList<>();
        for (LoweringFacts.Weights f : net.facts().weights()) {
            if (f.vanished() > 0) {
                out.add(new Violation(ID, severity(), f.span(), "weight mantissa", f.vanished(), 0, "synapses",
                        f.vanished() + " of " + f.synapses() + " synapses of projection `" + f.projection()
                                + "` round to a zero weight and have no effect on the chip",
                        "scale up the smallest weights of `" + f.projection() + "`, or drop them"));
            }
        }
        return out;
    }
}
