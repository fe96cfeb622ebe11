package io.neuromap.backends.report;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * Cores and chips achieved next to the lower bounds: the line every report prints ("this network
 * needs &ge; 12 cores because of synaptic memory") and the per-resource bounds behind it. The
 * bound measures the partitioner; the gap between the two is what a better mapping could win.
 *
 * @param coresAchieved cores the partition uses
 * @param coresLowerBound the largest per-resource bound
 * @param bindingResource the resource giving that bound, empty when no resource forces a core
 * @param chipsUsed chips the placement uses
 * @param chipsLowerBound chips the core lower bound forces
 * @param chipsAvailable chips the system has
 * @param bounds one bound per resource, in the target's resource order
 */
public record MappingBounds(long coresAchieved, long coresLowerBound, Optional<String> bindingResource,
        long chipsUsed, long chipsLowerBound, long chipsAvailable, List<ResourceBound> bounds) {
    public MappingBounds {
        requireNonNull(bindingResource, "bindingResource is null");
        bounds = List.copyOf(requireNonNull(bounds, "bounds is null"));
        if (coresAchieved < 0 || coresLowerBound < 0 || chipsUsed < 0 || chipsLowerBound < 0 || chipsAvailable < 0) {
            throw new IllegalArgumentException("negative core or chip count");
        }
    }

    /** Achieved cores over the lower bound; 1 is optimal, NaN when the bound is 0. */
    public double ratio() {
        return coresLowerBound == 0 ? Double.NaN : coresAchieved / (double) coresLowerBound;
    }
}
