package io.neuromap.compiler.mapping;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ir.Network;

/** The output of the {@code place} pass: the network, its cores and where each core sits on the mesh. */
public record MappedNetwork(Network network, Partition partition, Placement placement) {
    public MappedNetwork {
        requireNonNull(network, "network is null");
        requireNonNull(partition, "partition is null");
        requireNonNull(placement, "placement is null");
    }
}
