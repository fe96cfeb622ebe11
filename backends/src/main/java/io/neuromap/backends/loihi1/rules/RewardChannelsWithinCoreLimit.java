package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
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
        return CoreChecks.overLearningLimit(net, ID, severity(), "reward traces", "reward channels",
                c -> c.core().rewardAxons().length, Loihi1Limits.REWARD_TRACES_PER_CORE,
                (c, actual, limit, cores) -> c.blame() + " needs " + actual + " reward channels for "
                        + c.ruleNames(net.learning()) + " " + CoreChecks.where(c, cores) + ", but a core has " + limit
                        + " reward traces",
                (c, actual, limit, cores) -> "let at most " + limit + " modulators gate the plastic projections onto "
                        + c.blame() + " (a neuron's plastic inputs and the neurons sharing its core)");
    }
}
