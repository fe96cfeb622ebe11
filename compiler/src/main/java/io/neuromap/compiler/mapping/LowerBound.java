package io.neuromap.compiler.mapping;

import static java.util.Objects.requireNonNull;

/**
 * What one resource alone proves about the number of cores: every core holds at most its
 * capacity, so the network needs at least (total demand / capacity) cores. Shown next to the
 * cores achieved, so a user sees which resource binds and how close the partition came.
 *
 * @param resource the resource
 * @param demand the network's total demand in the resource's unit (for per-neuron capacities
 *     that vary, e.g. compartments under long delays, the sum of each neuron's share of a core
 *     times the static capacity)
 * @param cores the cores this resource forces, {@code >= 0}
 * @param basis how the bound was derived, one phrase
 */
public record LowerBound(Resource resource, double demand, long cores, String basis) {
    public LowerBound {
        requireNonNull(resource, "resource is null");
        requireNonNull(basis, "basis is null");
        if (cores < 0) {
            throw new IllegalArgumentException("cores must be >= 0, got " + cores);
        }
    }
}
