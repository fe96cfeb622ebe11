package io.neuromap.backends.report;

import static java.util.Objects.requireNonNull;

/**
 * What one resource alone proves about the number of cores (a {@code LowerBound} of the mapping
 * engine, by name): shown beside the cores achieved so the user sees which resource binds.
 *
 * @param resource the resource's name ({@code synaptic memory})
 * @param unit the unit of {@code demand}
 * @param demand the network's total demand of the resource
 * @param cores the cores this resource forces
 * @param basis how the bound was derived, one phrase
 */
public record ResourceBound(String resource, String unit, double demand, long cores, String basis) {
    public ResourceBound {
        requireNonNull(resource, "resource is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(basis, "basis is null");
        if (cores < 0) {
            throw new IllegalArgumentException("cores must be >= 0, got " + cores);
        }
    }
}
