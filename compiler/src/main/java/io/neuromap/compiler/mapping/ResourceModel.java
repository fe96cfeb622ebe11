package io.neuromap.compiler.mapping;

import io.neuromap.compiler.ir.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * What a target supplies to the mapping engine, and all it supplies: the resources of one core
 * with their capacities, what each neuron, source and projection of a network costs in them
 * ({@link #demand}), how capacities shrink with use ({@link #capacity}), and the mesh. The engine
 * (partitioner, placer, verifier) never names a chip; it keeps usage current from the
 * {@link Demand} and asks {@link #utilization} whether a core fits (DESIGN.md, stages 5-6).
 *
 * <p>Contract the partitioner relies on: adding a neuron to a core never lowers any resource's
 * usage and never raises any capacity, so that "does it still fit" is monotone as a core grows.
 */
public interface ResourceModel {
    /** The target's name as the command line spells it ({@code loihi1}). */
    String target();

    /** The per-core resources, in the order of the utilization table. */
    List<Resource> resources();

    /** Where cores sit: cores per chip, chips available, hop distances. */
    Mesh mesh();

    /** The costs of {@code network}'s neurons, sources and projections on this target. */
    Demand demand(Network network);

    /** The rule id of an engine-level limit ({@code LOIHI1-CHIP-001}). */
    String ruleId(MappingRule rule);

    /**
     * The capacity of resource {@code resource} on a core whose usage is {@code used} (indexed
     * like {@link #resources()}). The default is the static capacity; a target overrides it when
     * one resource's use lowers another's capacity (Loihi 1: long delays into a core leave room
     * for fewer compartments). Must not raise a capacity as usage grows, and must not allocate:
     * the partitioner calls it for every neuron it tries.
     */
    default long capacity(int resource, long[] used) {
        return resources().get(resource).capacity();
    }

    /**
     * THE utilization table of a core with usage {@code used}: (resource, used, max) for every
     * resource. The partitioner's fit test, the verifier and the reports all come through here.
     */
    default Utilization utilization(long[] used) {
        List<Resource> resources = resources();
        if (used.length != resources.size()) {
            throw new IllegalArgumentException("usage has " + used.length + " entries for " + resources.size()
                    + " resources");
        }
        List<Utilization.Row> rows = new ArrayList<>(resources.size());
        for (int r = 0; r < resources.size(); r++) {
            rows.add(new Utilization.Row(resources.get(r), used[r], capacity(r, used)));
        }
        return new Utilization(rows);
    }
}
