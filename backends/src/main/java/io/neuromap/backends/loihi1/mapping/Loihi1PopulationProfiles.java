package io.neuromap.backends.loihi1.mapping;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * The profile keys of one population's neurons, as primitive arrays: neuron i has
 * {@code compartments[i]} compartments whose compartment-profile keys are the next
 * {@code compartments[i]} entries of {@code compartmentKeys}, and the threshold-profile key
 * {@code thresholdKeys[i]} ({@link #NO_THRESHOLD} when none of its compartments spikes).
 *
 * @param compartments per neuron, each {@code >= 1}
 * @param compartmentKeys Σ compartments keys, none {@link Long#MIN_VALUE}
 * @param thresholdKeys per neuron
 */
public record Loihi1PopulationProfiles(int[] compartments, long[] compartmentKeys, long[] thresholdKeys) {
    /** The threshold key of a neuron that needs no threshold profile. */
    public static final long NO_THRESHOLD = Long.MIN_VALUE;

    public Loihi1PopulationProfiles {
        requireNonNull(compartments, "compartments is null");
        requireNonNull(compartmentKeys, "compartmentKeys is null");
        requireNonNull(thresholdKeys, "thresholdKeys is null");
        if (thresholdKeys.length != compartments.length) {
            throw new IllegalArgumentException(compartments.length + " neurons but " + thresholdKeys.length
                    + " threshold keys");
        }
        long total = 0;
        for (int c : compartments) {
            if (c < 1) {
                throw new IllegalArgumentException("a neuron takes at least one compartment, got " + c);
            }
            total += c;
        }
        if (total != compartmentKeys.length) {
            throw new IllegalArgumentException(total + " compartments but " + compartmentKeys.length + " profile keys");
        }
        for (long k : compartmentKeys) {
            if (k == Long.MIN_VALUE) {
                throw new IllegalArgumentException("Long.MIN_VALUE is not a compartment-profile key");
            }
        }
    }

    public int size() {
        return compartments.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Loihi1PopulationProfiles p && Arrays.equals(p.compartments, compartments)
                && Arrays.equals(p.compartmentKeys, compartmentKeys) && Arrays.equals(p.thresholdKeys, thresholdKeys);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(compartments) * 31 + Arrays.hashCode(compartmentKeys)) * 31
                + Arrays.hashCode(thresholdKeys);
    }

    @Override
    public String toString() {
        return "Loihi1PopulationProfiles[" + compartments.length + " neurons, " + compartmentKeys.length
                + " compartments]";
    }
}
