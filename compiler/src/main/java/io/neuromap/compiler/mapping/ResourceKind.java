package io.neuromap.compiler.mapping;

/**
 * How a per-core resource is consumed: the vocabulary in which a target states its costs, so
 * that the mapping engine can keep every resource of every core up to date incrementally, for
 * any target, without a line of target-specific code. Each kind names what is counted on one
 * core; {@link Demand} holds the per-neuron or per-projection numbers.
 *
 * <p>"Source" means a presynaptic neuron (on a core or injected by the host), "row" the synapses
 * of one source in one projection, and "group" the part of a row that ends on one core.
 */
public enum ResourceKind {
    /** Sum over the core's neurons of a per-neuron amount (compartments). */
    NEURON_SUM,
    /** Number of distinct keys over the core's neurons, each neuron having zero or more keys (profiles). */
    NEURON_DISTINCT,
    /** Largest per-neuron value on the core, 0 when empty (longest synaptic delay into the core). */
    NEURON_MAX,
    /**
     * Sum, over the distinct sources with at least one synapse onto the core, of a per-source
     * amount (input axons: one per source and core).
     */
    INPUT_SOURCES,
    /**
     * Sum, over the groups ending on the core, of a per-projection function of the group's
     * synapse count (synaptic memory: what a synapse list of that length costs in the target's
     * encoding).
     */
    INPUT_GROUPS,
    /** Number of distinct per-projection keys over the projections with a synapse onto the core (synapse formats). */
    INPUT_DISTINCT,
    /**
     * Sum, over the core's neurons, of a per-source amount times the number of distinct cores
     * (this one included) holding at least one of the neuron's targets (output axons).
     */
    OUTPUT_FANOUT
}
