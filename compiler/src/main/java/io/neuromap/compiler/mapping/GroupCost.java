package io.neuromap.compiler.mapping;

/**
 * What one group (the synapses of one row that end on one core) costs in a per-core resource,
 * as a function of its synapse count: the target's memory encoding, e.g. Loihi 1's
 * {@code bits_per_axon}. Called once per synapse added to or removed from a core, so it must be
 * constant time and allocation-free.
 *
 * <p>Contract, relied on by the lower bound and the greedy partitioner: {@code cost(0) == 0};
 * non-decreasing; subadditive ({@code cost(a + b) <= cost(a) + cost(b)}), i.e. splitting a row
 * over cores never makes it cheaper.
 */
@FunctionalInterface
public interface GroupCost {
    /** The cost of a group of {@code synapses} synapses, {@code >= 0}. */
    long cost(int synapses);
}
