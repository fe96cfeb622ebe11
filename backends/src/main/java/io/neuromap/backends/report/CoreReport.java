package io.neuromap.backends.report;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.mapping.Utilization;
import java.util.List;

/**
 * One core of a mapping as the report shows it: where it sits, what it holds and its utilization
 * table, the same {@link Utilization} the partitioner and the verifier used (STYLE item 11), so a
 * report can never claim a core fits when the mapper thought otherwise.
 *
 * @param core the core's index in the partition (0-based, in order of first neuron)
 * @param chip the chip it is placed on
 * @param coreOnChip its position on that chip
 * @param slices the population slices it holds, in population then index order
 * @param neurons neurons on the core
 * @param synapses synapses ending on the core
 * @param utilization the core's (resource, used, max) table
 */
public record CoreReport(int core, int chip, int coreOnChip, List<PopulationSlice> slices, long neurons, long synapses,
        Utilization utilization) {
    public CoreReport {
        slices = List.copyOf(requireNonNull(slices, "slices is null"));
        requireNonNull(utilization, "utilization is null");
        if (core < 0 || chip < 0 || coreOnChip < 0 || neurons < 0 || synapses < 0) {
            throw new IllegalArgumentException("negative index or count in core " + core);
        }
    }

    /** The fullest row's used/max, 0 for an empty table: how the report ranks cores. */
    public double fullness() {
        return utilization.binding().map(Utilization.Row::ratio).orElse(0.0);
    }
}
