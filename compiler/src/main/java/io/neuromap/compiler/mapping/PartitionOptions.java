package io.neuromap.compiler.mapping;

/**
 * How to partition; none of these changes which limits hold, only how hard the partitioner
 * works on traffic and what it assumes about rates.
 *
 * @param defaultRateHz the rate assumed for neurons whose rate the network does not state
 *     (everything but spike sources); it scales the traffic figures, not the partition
 * @param refinePasses passes of boundary refinement after the greedy fill (0: none)
 * @param refineWindow the most neurons one boundary move shifts
 * @param repairRounds the most rounds of splitting cores whose output fan-out overflowed
 */
public record PartitionOptions(double defaultRateHz, int refinePasses, int refineWindow, int repairRounds) {
    /** The rate cortical models commonly assume for excitatory neurons. */
    public static final double DEFAULT_RATE_HZ = 10;

    public PartitionOptions {
        if (!(defaultRateHz >= 0) || Double.isInfinite(defaultRateHz)) {
            throw new IllegalArgumentException("defaultRateHz must be finite and >= 0, got " + defaultRateHz);
        }
        if (refinePasses < 0 || refineWindow < 1 || repairRounds < 0) {
            throw new IllegalArgumentException("bad refinement settings: passes " + refinePasses + ", window "
                    + refineWindow + ", repair rounds " + repairRounds);
        }
    }

    public static PartitionOptions defaults() {
        return new PartitionOptions(DEFAULT_RATE_HZ, 2, 512, 64);
    }

    public PartitionOptions withRefinePasses(int passes) {
        return new PartitionOptions(defaultRateHz, passes, refineWindow, repairRounds);
    }
}
