package io.neuromap.compiler.mapping;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The result of partitioning: the cores, each a list of {@link Slice}s; every core's usage and
 * utilization table; the lower bounds; the inter-core traffic; and the violations left (cores
 * that do not fit because a single neuron exceeds a core, and projections onto off-core
 * neurons). Every synapse lives on the core of its post neuron. Cores are numbered in the order
 * of their first neuron (populations in declaration order). Immutable.
 */
public final class Partition {
    private final ResourceModel model;
    private final int[] coreOf;
    private final int[] sliceStart;
    private final int[] slicePopulation;
    private final int[] sliceFrom;
    private final int[] sliceTo;
    private final long[][] usage;
    private final int[] neurons;
    private final long[] synapses;
    private final LowerBounds lowerBounds;
    private final CoreTraffic traffic;
    private final List<Violation> violations;
    private final PartitionStatistics statistics;

    Partition(ResourceModel model, int[] coreOf, int[] sliceStart, int[] slicePopulation, int[] sliceFrom, int[] sliceTo,
            long[][] usage, int[] neurons, long[] synapses, LowerBounds lowerBounds, CoreTraffic traffic,
            List<Violation> violations, PartitionStatistics statistics) {
        this.model = requireNonNull(model, "model is null");
        this.coreOf = requireNonNull(coreOf, "coreOf is null");
        this.sliceStart = requireNonNull(sliceStart, "sliceStart is null");
        this.slicePopulation = requireNonNull(slicePopulation, "slicePopulation is null");
        this.sliceFrom = requireNonNull(sliceFrom, "sliceFrom is null");
        this.sliceTo = requireNonNull(sliceTo, "sliceTo is null");
        this.usage = requireNonNull(usage, "usage is null");
        this.neurons = requireNonNull(neurons, "neurons is null");
        this.synapses = requireNonNull(synapses, "synapses is null");
        this.lowerBounds = requireNonNull(lowerBounds, "lowerBounds is null");
        this.traffic = requireNonNull(traffic, "traffic is null");
        this.violations = List.copyOf(requireNonNull(violations, "violations is null"));
        this.statistics = requireNonNull(statistics, "statistics is null");
    }

    public ResourceModel model() {
        return model;
    }

    public int coreCount() {
        return usage.length;
    }

    /** The slices of core {@code core}, in population then index order. */
    public List<Slice> slices(int core) {
        List<Slice> out = new ArrayList<>(sliceStart[core + 1] - sliceStart[core]);
        for (int i = sliceStart[core]; i < sliceStart[core + 1]; i++) {
            out.add(new Slice(slicePopulation[i], sliceFrom[i], sliceTo[i]));
        }
        return Collections.unmodifiableList(out);
    }

    /** The core of network-global neuron {@code neuron}, or -1 when it runs off-core. */
    public int coreOf(int neuron) {
        return coreOf[neuron];
    }

    /** Neurons on core {@code core}. */
    public int neurons(int core) {
        return neurons[core];
    }

    /** Synapses ending on core {@code core}. */
    public long synapses(int core) {
        return synapses[core];
    }

    /** A copy of the usage vector of core {@code core}, indexed like the model's resources. */
    public long[] usage(int core) {
        return usage[core].clone();
    }

    /** THE utilization table of core {@code core} (the model's {@link ResourceModel#utilization}). */
    public Utilization utilization(int core) {
        return model.utilization(usage[core]);
    }

    public LowerBounds lowerBounds() {
        return lowerBounds;
    }

    public CoreTraffic traffic() {
        return traffic;
    }

    /** Limits broken by the partition, in core order; empty when every core fits. */
    public List<Violation> violations() {
        return violations;
    }

    public PartitionStatistics statistics() {
        return statistics;
    }

    /** Cores achieved against the lower bound, one line per resource; for reports and benchmarks. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "cores: %d, lower bound %d%s%n", coreCount(), lowerBounds.cores(),
                lowerBounds.binding().filter(b -> b.cores() > 0).map(b -> " (" + b.resource().name() + ")").orElse("")));
        for (LowerBound b : lowerBounds.rows()) {
            out.append(String.format(Locale.ROOT, "  %-22s >= %6d cores  (demand %.0f %s; %s)%n", b.resource().name(),
                    b.cores(), b.demand(), b.resource().unit(), b.basis()));
        }
        out.append(String.format(Locale.ROOT, "inter-core traffic: %.1f spikes/s over %d core pairs; %d remote output "
                + "axons; host input %.1f spikes/s%n", traffic.interCore() / (double) SpikeRates.SCALE,
                traffic.edgeCount(), traffic.remoteFanout(), traffic.externalTotal() / (double) SpikeRates.SCALE));
        return out.toString();
    }

    @Override
    public String toString() {
        return "Partition[" + coreCount() + " cores, lower bound " + lowerBounds.cores() + ", " + violations.size()
                + " violations]";
    }
}
