package io.neuromap.backends.report;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.mapping.CoreTraffic;
import io.neuromap.compiler.mapping.LowerBound;
import io.neuromap.compiler.mapping.LowerBounds;
import io.neuromap.compiler.mapping.Partition;
import io.neuromap.compiler.mapping.Placement;
import io.neuromap.compiler.mapping.Slice;
import io.neuromap.compiler.mapping.SpikeRates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Turns the mapping engine's results ({@link Partition}, {@link Placement}) into the report's
 * sections, naming populations as the user wrote them. Target-independent, so every target's
 * compile fills its report the same way.
 */
public final class ReportMapping {
    /** Heaviest core-to-core links a report lists. */
    public static final int HEAVIEST_EDGES = 10;

    private ReportMapping() {
    }

    /** One {@link CoreReport} per core of {@code partition}, placed by {@code placement}. */
    public static List<CoreReport> cores(Network network, Partition partition, Placement placement) {
        requireNonNull(network, "network is null");
        requireNonNull(partition, "partition is null");
        requireNonNull(placement, "placement is null");
        List<CoreReport> out = new ArrayList<>(partition.coreCount());
        for (int c = 0; c < partition.coreCount(); c++) {
            List<PopulationSlice> slices = new ArrayList<>();
            for (Slice s : partition.slices(c)) {
                slices.add(new PopulationSlice(network.populations().get(s.population()).name(), s.from(), s.to()));
            }
            out.add(new CoreReport(c, placement.chipOf(c), placement.coreOnChip(c), slices, partition.neurons(c),
                    partition.synapses(c), partition.utilization(c)));
        }
        return out;
    }

    /** Lower bounds next to the cores and chips achieved. */
    public static MappingBounds bounds(Partition partition, Placement placement, ReportSystem system) {
        requireNonNull(partition, "partition is null");
        requireNonNull(placement, "placement is null");
        requireNonNull(system, "system is null");
        LowerBounds lower = partition.lowerBounds();
        List<ResourceBound> rows = new ArrayList<>();
        for (LowerBound b : lower.rows()) {
            rows.add(new ResourceBound(b.resource().name(), b.resource().unit(), b.demand(), b.cores(), b.basis()));
        }
        Optional<String> binding = lower.binding().filter(b -> b.cores() > 0).map(b -> b.resource().name());
        return new MappingBounds(partition.coreCount(), lower.cores(), binding, placement.chipsUsed(),
                system.chipsFor(lower.cores()), placement.chipsAvailable(), rows);
    }

    /** The traffic section, with the {@link #HEAVIEST_EDGES} heaviest links. */
    public static TrafficReport traffic(Partition partition, Placement placement) {
        requireNonNull(partition, "partition is null");
        requireNonNull(placement, "placement is null");
        CoreTraffic t = partition.traffic();
        Integer[] order = new Integer[t.edgeCount()];
        for (int e = 0; e < order.length; e++) {
            order[e] = e;
        }
        // Edges come sorted by (from, to); a stable sort by weight keeps that order on ties.
        Arrays.sort(order, (a, b) -> Long.compare(t.weight(b), t.weight(a)));
        List<TrafficEdge> heaviest = new ArrayList<>();
        for (int i = 0; i < Math.min(HEAVIEST_EDGES, order.length); i++) {
            int e = order[i];
            int hops = placement.layout().hops(placement.slotOf(t.from(e)), placement.slotOf(t.to(e)));
            heaviest.add(new TrafficEdge(t.from(e), t.to(e), hz(t.weight(e)), hops));
        }
        return new TrafficReport(hz(t.interCore()), t.edgeCount(), t.remoteFanout(), hz(t.externalTotal()),
                hz(placement.trafficHops()), hz(placement.naiveTrafficHops()), hz(placement.interChipTraffic()),
                hz(placement.interChipTrafficHops()), heaviest);
    }

    private static double hz(long scaled) {
        return scaled / (double) SpikeRates.SCALE;
    }
}
