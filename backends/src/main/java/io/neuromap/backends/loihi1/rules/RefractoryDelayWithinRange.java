package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.lower.LoweringFacts;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * LOIHI1-REFRAC-001 RefractoryDelayWithinRange: the refractory delay round(tau_refrac / dt) + 1 is a 6-bit field (nengo-loihi REFRACT_DELAY_MAX).
 */
public final class RefractoryDelayWithinRange implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-REFRAC-001";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "RefractoryDelayWithinRange";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String help() {
        return "shorten tau_refrac, or use a larger dt";
    }

    @Override
    public String description() {
        return "the refractory delay round(tau_refrac / dt) + 1 is a 6-bit field (nengo-loihi REFRACT_DELAY_MAX).";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        List<Violation> out = new ArrayList<>();
        for (LoweringFacts.Refractory f : net.facts().refractories()) {
            if (f.maxDelay() > Loihi1Limits.REFRACTORY_DELAY_MAX) {
                double longest = (Loihi1Limits.REFRACTORY_DELAY_MAX - 1) * f.dt();
                out.add(new Violation(ID, severity(), f.span(), "refractory delay", f.maxDelay(),
                        Loihi1Limits.REFRACTORY_DELAY_MAX, "steps",
                        "`" + f.population() + "` has " + f.parameter() + " = " + CoreChecks.time(f.maxTau())
                                + ", a refractory delay of " + f.maxDelay() + " steps; the field holds "
                                + Loihi1Limits.REFRACTORY_DELAY_MAX,
                        "use " + f.parameter() + " <= " + CoreChecks.time(longest) + " in `" + f.population()
                                + "`, or a larger dt"));
            }
        }
        return out;
    }
}
