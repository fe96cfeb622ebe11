package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * LOIHI1-LEARN-003 RewardChannelsWithinCoreLimit: a core has 4 reward traces (reward axons): the modulators read by the learning rules of its synapses must be at most 4 (loihi1-compartments-reward.md §2.1, §2.5).
 */
public final class RewardChannelsWithinCoreLimit implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-LEARN-003";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "RewardChannelsWithinCoreLimit";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String help() {
        return "let fewer modulators gate the learning of the synapses on one core";
    }

    @Override
    public String description() {
        return "a core has 4 reward traces (reward axons): the modulators read by the learning rules of its synapses must be at most 4 (loihi1-compartments-reward.md §2.1, §2.5).";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        List<Violation> out = new ArrayList<>();
        for (LearningCores c : LearningCores.of(net)) {
            int actual = c.core().rewardAxons().length;
            if (actual > Loihi1Limits.REWARD_TRACES_PER_CORE) {
                out.add(new Violation(ID, severity(), c.span(), "reward traces", actual,
                        Loihi1Limits.REWARD_TRACES_PER_CORE, "reward channels", c.blame() + " on " + c.where()
                                + " needs " + actual + " reward channels for " + c.ruleNames(net.learning())
                                + ", but a core has " + Loihi1Limits.REWARD_TRACES_PER_CORE + " reward traces",
                        "let at most " + Loihi1Limits.REWARD_TRACES_PER_CORE + " modulators gate the plastic "
                                + "projections onto " + c.blame() + ", or split them over cores"));
            }
        }
        return out;
    }
}
