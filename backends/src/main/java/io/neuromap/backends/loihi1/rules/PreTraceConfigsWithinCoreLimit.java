package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.List;

/**
 * LOIHI1-LEARN-002 PreTraceConfigsWithinCoreLimit: the pre-synaptic traces x1 and the reward traces r1 of a core's learning rules share its 3 StdpPreCfg trace configurations (loihi1-compartments-reward.md §2.1, §3.1).
 */
public final class PreTraceConfigsWithinCoreLimit implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-LEARN-002";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "PreTraceConfigsWithinCoreLimit";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String help() {
        return "give the projections on a core the same tau_plus, or spread them over more cores";
    }

    @Override
    public String description() {
        return "the pre-synaptic traces x1 and the reward traces r1 of a core's learning rules share its 3 StdpPreCfg trace configurations (loihi1-compartments-reward.md §2.1, §3.1).";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        return CoreChecks.overLearningLimit(net, ID, severity(), "pre-trace configurations", "configurations",
                c -> c.preTraces().size(), Loihi1Limits.PRE_TRACE_CONFIGS_PER_CORE,
                (c, actual, limit, cores) -> c.blame() + " needs " + actual
                        + " distinct pre and reward trace configurations (impulse, tau) for "
                        + c.ruleNames(net.learning()) + " " + CoreChecks.where(c, cores) + ", but a core has " + limit,
                (c, actual, limit, cores) -> "give the plastic projections onto " + c.blame()
                        + " the same tau_plus (and their modulators the same decay), or place them on different cores");
    }
}
