package io.neuromap.backends.report;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.mapping.Utilization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One resource over all cores of a mapping: the least, mean and most any core uses, the range
 * of per-core capacities (they differ where one resource caps another, e.g. Loihi 1 compartments
 * under long delays) and the fullest core. The report's summary table, computed from the cores'
 * own utilization tables so it cannot disagree with them.
 *
 * @param resource the resource's name
 * @param unit the unit of used and capacity
 * @param min least used on any core
 * @param mean mean used per core
 * @param max most used on any core
 * @param capacityMin smallest per-core capacity
 * @param capacityMax largest per-core capacity
 * @param fullestRatio the highest used/max over the cores
 * @param fullestCore the core with that ratio (the first on ties)
 */
public record ResourceSummary(String resource, String unit, long min, double mean, long max, long capacityMin,
        long capacityMax, double fullestRatio, int fullestCore) {
    public ResourceSummary {
        requireNonNull(resource, "resource is null");
        requireNonNull(unit, "unit is null");
    }

    /** One summary per resource, in the order the resources first appear in the cores' tables. */
    public static List<ResourceSummary> of(List<CoreReport> cores) {
        requireNonNull(cores, "cores is null");
        Map<String, Accumulator> byName = new LinkedHashMap<>();
        for (CoreReport core : cores) {
            for (Utilization.Row row : core.utilization().rows()) {
                byName.computeIfAbsent(row.resource().name(), k -> new Accumulator(row.resource().unit()))
                        .add(core.core(), row);
            }
        }
        List<ResourceSummary> out = new ArrayList<>(byName.size());
        for (Map.Entry<String, Accumulator> e : byName.entrySet()) {
            Accumulator a = e.getValue();
            out.add(new ResourceSummary(e.getKey(), a.unit, a.min, a.sum / (double) a.count, a.max, a.capMin,
                    a.capMax, a.fullest, a.fullestCore));
        }
        return out;
    }

    private static final class Accumulator {
        private final String unit;
        private long count;
        private double sum;
        private long min = Long.MAX_VALUE;
        private long max = Long.MIN_VALUE;
        private long capMin = Long.MAX_VALUE;
        private long capMax = Long.MIN_VALUE;
        private double fullest = -1;
        private int fullestCore = -1;

        Accumulator(String unit) {
            this.unit = unit;
        }

        void add(int core, Utilization.Row row) {
            count++;
            sum += row.used();
            min = Math.min(min, row.used());
            max = Math.max(max, row.used());
            capMin = Math.min(capMin, row.max());
            capMax = Math.max(capMax, row.max());
            if (row.ratio() > fullest) {
                fullest = row.ratio();
                fullestCore = core;
            }
        }
    }
}
