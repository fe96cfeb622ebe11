package io.neuromap.compiler.mapping;

/**
 * Everything the engine tracks about one core while it is being filled or refined: the usage
 * vector and the tallies needed to update it in constant time per synapse (synapses per row,
 * per source and groups per projection on this core; multiplicities of distinct keys and of
 * per-neuron maxima). Owned by {@link PartitionState}; only it mutates a core.
 */
final class CoreState {
    /** Usage per resource, indexed like the model's resources; output-fanout entries are kept by the engine. */
    final long[] used;
    /** Row (projection, source) → synapses of the row on this core. */
    final IntIntMap rows;
    /** Source neuron → synapses from it on this core. */
    final IntIntMap sources;
    /** Projection → rows of it with synapses on this core. */
    final IntIntMap projections = new IntIntMap();
    /** Per resource with distinct keys or maxima, key or value → multiplicity on this core; null otherwise. */
    final LongLongMap[] keyCounts;
    int neurons;
    long synapses;

    /** A core whose tables start sized for {@code rowsHint} rows and {@code sourcesHint} sources. */
    CoreState(ResourceKind[] kinds, int rowsHint, int sourcesHint) {
        used = new long[kinds.length];
        rows = new IntIntMap(rowsHint);
        sources = new IntIntMap(sourcesHint);
        keyCounts = new LongLongMap[kinds.length];
        for (int r = 0; r < kinds.length; r++) {
            if (kinds[r] == ResourceKind.NEURON_DISTINCT || kinds[r] == ResourceKind.NEURON_MAX
                    || kinds[r] == ResourceKind.INPUT_DISTINCT) {
                keyCounts[r] = new LongLongMap();
            }
        }
    }
}
