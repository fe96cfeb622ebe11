package io.neuromap.backends.report;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Spike traffic of a mapping, in expected spike messages per second (a message per spike per
 * destination core), from the rates the mapping engine assumed: the partitioner minimised
 * inter-core traffic and the placer traffic &times; hops, so the report shows both, with the
 * placer's baseline (cores in order) to show what placement won.
 *
 * @param interCore messages per second between cores
 * @param corePairs directed core pairs carrying traffic
 * @param remoteOutputAxons (neuron, other core) pairs: output axons that leave their core
 * @param hostInput messages per second the host injects (spike sources that run off-core)
 * @param trafficHops &Sigma; traffic &times; hops after placement (spike-hops per second)
 * @param naiveTrafficHops the same with cores placed in index order
 * @param interChip messages per second between chips
 * @param interChipHops traffic &times; hops of the messages that cross chips
 * @param heaviest the heaviest core-to-core links, heaviest first (ties by core indices)
 */
public record TrafficReport(double interCore, long corePairs, long remoteOutputAxons, double hostInput,
        double trafficHops, double naiveTrafficHops, double interChip, double interChipHops,
        List<TrafficEdge> heaviest) {
    public TrafficReport {
        heaviest = List.copyOf(requireNonNull(heaviest, "heaviest is null"));
    }
}
