package io.neuromap.backends.loihi1.learning;

import io.neuromap.compiler.ir.Network;

/**
 * Which {@code probe ... : weights of POP} the learning section records: the weights of every
 * plastic projection onto POP that learns on the chip (the others keep their stored weights, so
 * there is nothing to record; the lowering reports those probes as not lowered).
 */
public final class WeightProbes {
    private WeightProbes() {
    }

    /** Whether a projection onto population {@code population} learns on the chip. */
    public static boolean learnsInto(LearningLowering learning, Network net, int population) {
        for (LearningPlan plan : learning.plans()) {
            if (plan != null && net.projections().get(plan.projection()).post() == population) {
                return true;
            }
        }
        return false;
    }
}
