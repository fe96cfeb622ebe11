package io.neuromap.compiler.mapping;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ir.Network;

/**
 * The output of the {@code partition} pass: the network and its cores. The network is kept
 * alongside because every later stage (placement, routing, the config writer, the verifier)
 * reads synapses through it.
 */
public record PartitionedNetwork(Network network, Partition partition) {
    public PartitionedNetwork {
        requireNonNull(network, "network is null");
        requireNonNull(partition, "partition is null");
    }
}
