package io.neuromap.compiler.mapping;

/**
 * What one group (the synapses of one row that end on one core) costs in a per-core resource,
 * as a function of its synapse count: the target's memory encoding, e.g. Loihi 1's
 * {@code bits_per_axon}. Called once per synapse added to or removed from a core, so it must be
 * constant time and allocation-free.
 *
 * <p>Contract: {@code cost(0) == 0} and {@code cost} is non-decreasing (the greedy fill relies on
 * it). {@link #lowerBound} must not exceed the total cost of any split of a row over cores.
 */
@FunctionalInterface
public interface GroupCost {
    /** The cost of a group of {@code synapses} synapses, {@code >= 0}. */
    long cost(int synapses);

    /**
     * A lower bound on {@code Σ cost(n_i)} over every way of splitting a row of {@code synapses}
     * synapses into groups {@code n_1 + ... + n_k}: what the lower bound on cores counts per row.
     * The default, {@code cost(synapses)}, is right only for subadditive costs; an encoding with
     * fixed-size chunks rounded to words is not subadditive (two short lists can fit words
     * better than one long one) and must override it.
     */
    default long lowerBound(int synapses) {
        return cost(synapses);
    }
}
