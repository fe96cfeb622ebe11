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
        List<Violation> out = new ArrayList<>();
        for (LearningCores c : LearningCores.of(net)) {
            int rules = c.rules().size();
            if (rules > Loihi1Limits.STDP_PROFILES_PER_CORE) {
                out.add(new Violation(ID, severity(), c.span(), "stdp profiles", rules,
                        Loihi1Limits.STDP_PROFILES_PER_CORE, "profiles", c.blame() + " on " + c.where() + " needs "
                                + rules + " learning rules for " + c.ruleNames(net.learning()) + ", but a core has "
                                + Loihi1Limits.STDP_PROFILES_PER_CORE + " stdp profiles",
                        "place fewer plastic projections (or fewer cell types with different learning effects) on one core"));
            }
            int post = c.postTraces().size();
            if (post > Loihi1Limits.POST_TRACE_CONFIGS_PER_CORE) {
                out.add(new Violation(ID, severity(), c.span(), "post-trace configurations", post,
                        Loihi1Limits.POST_TRACE_CONFIGS_PER_CORE, "configurations", c.blame() + " on " + c.where()
                                + " needs " + post + " distinct post-trace configurations (impulse, tau_minus) for "
                                + c.ruleNames(net.learning()) + ", but a core has "
                                + Loihi1Limits.POST_TRACE_CONFIGS_PER_CORE,
                        "give the plastic projections onto " + c.blame() + " the same tau_minus"));
            }
        }
        return out;
    }
}
