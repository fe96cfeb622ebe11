/**
 * The target-independent mapping engine: stages 5 (partition) and 6 (place) of {@code compile}.
 * A target supplies a {@link io.neuromap.compiler.mapping.ResourceModel}: its per-core resources
 * with capacities, what each neuron, source and projection of a network costs in them (a
 * {@link io.neuromap.compiler.mapping.Demand} in the vocabulary of
 * {@link io.neuromap.compiler.mapping.ResourceKind}), and its mesh. The engine never names a
 * chip: {@link io.neuromap.compiler.mapping.Partitioner} splits the network into cores that fit
 * every limit at once, {@link io.neuromap.compiler.mapping.Placer} puts them on the mesh, and
 * {@link io.neuromap.compiler.mapping.MappingVerifier} proves the result from scratch. Every
 * "does it fit" goes through {@link io.neuromap.compiler.mapping.ResourceModel#utilization}.
 *
 * <p>Scale: working memory is primitive arrays (4 bytes per synapse for the post-major index)
 * and small per-core hash tables; adding a neuron to a core costs O(its in-degree) with no
 * allocation. A 1M-neuron, 100M-synapse network partitions and places in seconds
 * ({@code bench/partition.sh}).
 */
package io.neuromap.compiler.mapping;
