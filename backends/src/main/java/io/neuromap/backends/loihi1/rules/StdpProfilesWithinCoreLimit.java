package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * LOIHI1-LEARN-006 StdpProfilesWithinCoreLimit: a core has 16 stdp profiles (rules, with one per variant of its post compartments' learning effects) and 4 post-trace configurations (loihi1-compartments-reward.md §3.1).
 */
public final class StdpProfilesWithinCoreLimit implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-LEARN-006";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "StdpProfilesWithinCoreLimit";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String help() {
        return "spread the plastic projections over more cores, or give them the same tau_minus";
    }

    @Override
    public String description() {
        return "a core has 16 stdp profiles (rules, with one per variant of its post compartments' learning effects) and 4 post-trace configurations (loihi1-compartments-reward.md §3.1).";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        List<Violation> out = new ArrayList<>(CoreChecks.overLearningLimit(net, ID, severity(), "stdp profiles",
                "profiles", c -> c.rules().size(), Loihi1Limits.STDP_PROFILES_PER_CORE,
                (c, actual, limit, cores) -> c.blame() + " needs " + actual + " learning rules for "
                        + c.ruleNames(net.learning()) + " " + CoreChecks.where(c, cores) + ", but a core has " + limit
                        + " stdp profiles",
                (c, actual, limit, cores) -> "place fewer plastic projections (or fewer cell types with different "
                        + "learning effects) on one core"));
        out.addAll(CoreChecks.overLearningLimit(net, ID, severity(), "post-trace configurations", "configurations",
                c -> c.postTraces().size(), Loihi1Limits.POST_TRACE_CONFIGS_PER_CORE,
                (c, actual, limit, cores) -> c.blame() + " needs " + actual
                        + " distinct post-trace configurations (impulse, tau_minus) for " + c.ruleNames(net.learning())
                        + " " + CoreChecks.where(c, cores) + ", but a core has " + limit,
                (c, actual, limit, cores) -> "give the plastic projections onto " + c.blame() + " the same tau_minus"));
        return out;
    }
}
