package io.neuromap.compiler.mapping;

/**
 * What the partitioner did, for reports and benchmarks. Everything but the timings is
 * deterministic; the timings are wall-clock nanoseconds and vary between runs.
 *
 * @param greedyCores cores after the greedy fill
 * @param repairSplits cores added to relieve output fan-out that grew after a core was closed
 * @param refineMoves neurons moved across core boundaries by refinement
 * @param trafficBeforeRefine weighted inter-core traffic before refinement (1/{@link SpikeRates#SCALE} Hz)
 * @param trafficAfterRefine the same after refinement
 * @param indexNanos building the post-major synapse index
 * @param greedyNanos the greedy fill and repair
 * @param refineNanos refinement
 * @param finishNanos lower bounds, traffic and the result tables
 */
public record PartitionStatistics(int greedyCores, int repairSplits, long refineMoves, long trafficBeforeRefine,
        long trafficAfterRefine, long indexNanos, long greedyNanos, long refineNanos, long finishNanos) {
}
