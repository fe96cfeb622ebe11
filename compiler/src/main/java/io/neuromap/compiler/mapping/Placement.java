package io.neuromap.compiler.mapping;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;

/**
 * Where each core of a {@link Partition} sits: a slot (chip, core on chip) of a
 * {@link MeshLayout}, with the traffic figures placement optimised. A network that needs more
 * chips than the system has is still placed (on a virtual layout of the chips it needs) and
 * carries a {@link Violation}, so reports can show everything at once. Immutable.
 */
public final class Placement {
    private final MeshLayout layout;
    private final int[] slotOf;
    private final int chipsAvailable;
    private final long trafficHops;
    private final long naiveTrafficHops;
    private final long interChipTraffic;
    private final long interChipTrafficHops;
    private final List<Violation> violations;

    Placement(MeshLayout layout, int[] slotOf, int chipsAvailable, long trafficHops, long naiveTrafficHops,
            long interChipTraffic, long interChipTrafficHops, List<Violation> violations) {
        this.layout = requireNonNull(layout, "layout is null");
        this.slotOf = requireNonNull(slotOf, "slotOf is null");
        this.chipsAvailable = chipsAvailable;
        this.trafficHops = trafficHops;
        this.naiveTrafficHops = naiveTrafficHops;
        this.interChipTraffic = interChipTraffic;
        this.interChipTrafficHops = interChipTrafficHops;
        this.violations = List.copyOf(requireNonNull(violations, "violations is null"));
    }

    public MeshLayout layout() {
        return layout;
    }

    public int coreCount() {
        return slotOf.length;
    }

    /** The slot of core {@code core} in {@link #layout()}. */
    public int slotOf(int core) {
        return slotOf[core];
    }

    /** The chip of core {@code core}: an index into the layout's chips. */
    public int chipOf(int core) {
        return layout.chipOf(slotOf[core]);
    }

    /** The core's position on its chip, 0 .. cores per chip - 1. */
    public int coreOnChip(int core) {
        return layout.coreOf(slotOf[core]);
    }

    /** Chips the placement uses. */
    public int chipsUsed() {
        return layout.chips();
    }

    public int chipsAvailable() {
        return chipsAvailable;
    }

    /** Σ over core pairs of traffic × hops (traffic in 1/{@link SpikeRates#SCALE} Hz): the objective. */
    public long trafficHops() {
        return trafficHops;
    }

    /** The objective had cores been put on slots in core order: the baseline placement improves on. */
    public long naiveTrafficHops() {
        return naiveTrafficHops;
    }

    /** Traffic between cores on different chips. */
    public long interChipTraffic() {
        return interChipTraffic;
    }

    /** Traffic × hops of the messages that cross chips. */
    public long interChipTrafficHops() {
        return interChipTrafficHops;
    }

    /** Limits broken by the placement (too many chips); empty when it fits the system. */
    public List<Violation> violations() {
        return violations;
    }

    /** Chips and traffic, for reports and benchmarks. */
    public String summary() {
        double scale = SpikeRates.SCALE;
        return String.format(Locale.ROOT,
                "chips: %d used of %d available%ntraffic x hops: %.1f spike-hops/s (cores in order: %.1f)%n"
                        + "inter-chip traffic: %.1f spikes/s (%.1f spike-hops/s)%n",
                chipsUsed(), chipsAvailable, trafficHops / scale, naiveTrafficHops / scale, interChipTraffic / scale,
                interChipTrafficHops / scale);
    }

    @Override
    public String toString() {
        return "Placement[" + slotOf.length + " cores on " + layout.chips() + " chips, traffic x hops " + trafficHops + "]";
    }
}
