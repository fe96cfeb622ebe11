package io.neuromap.compiler.mapping;

import static java.util.Objects.requireNonNull;

/**
 * One per-core resource of a target: a row of every core's utilization table. The capacity here
 * is the static one; a model may lower it for a given core ({@link ResourceModel#capacity}),
 * e.g. Loihi 1 holds fewer compartments on a core with long synaptic delays.
 *
 * @param name what reports print ({@code input axons})
 * @param unit the unit of used and max ({@code axons})
 * @param kind how the resource is consumed
 * @param capacity the per-core maximum, {@code >= 0}
 * @param ruleId the design rule a core over this capacity violates ({@code LOIHI1-AXIN-001})
 * @param source where the capacity comes from (spec section, paper, upstream code)
 * @param fix what a user can do when one neuron alone exceeds it (a sentence; {@code %s} is the population)
 */
public record Resource(String name, String unit, ResourceKind kind, long capacity, String ruleId, String source,
        String fix) {
    public Resource {
        requireNonNull(name, "name is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(ruleId, "ruleId is null");
        requireNonNull(source, "source is null");
        requireNonNull(fix, "fix is null");
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity of " + name + " must be >= 0, got " + capacity);
        }
    }
}
