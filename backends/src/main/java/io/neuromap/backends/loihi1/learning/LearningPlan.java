package io.neuromap.backends.loihi1.learning;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.config.Loihi1Learning;
import java.util.List;

/**
 * How one plastic projection learns on the chip: its rules (one per variant of the post neurons'
 * learning effects; variant v is rule {@code base + v}, selected per post compartment by the
 * chip's stdp profile offset), the learning epoch its rule needs, and the modulator whose source
 * spikes feed its reward trace.
 *
 * @param projection index into the lowered network's projections
 * @param rules the rules, variant by variant
 * @param tEpoch the epoch its tag decay was fitted for; 0 when any epoch serves
 * @param rewardModulator the modulator its rules read as r1, or -1
 * @param variantOfPost per post neuron (population-local), its variant
 */
public record LearningPlan(int projection, String name, List<Loihi1Learning.Rule> rules, int tEpoch,
        int rewardModulator, int[] variantOfPost) {
    public LearningPlan {
        requireNonNull(name, "name is null");
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
        requireNonNull(variantOfPost, "variantOfPost is null");
    }
}
