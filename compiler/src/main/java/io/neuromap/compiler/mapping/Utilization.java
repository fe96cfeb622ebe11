package io.neuromap.compiler.mapping;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One core's utilization table: for every resource of the target, what the core uses and what
 * it may use. Made only by {@link ResourceModel#utilization(long[])}, the one function the
 * partitioner, the verifier and the reports all read (STYLE item 11), so they can never disagree
 * on what "fits" means.
 */
public record Utilization(List<Row> rows) {
    public Utilization {
        rows = List.copyOf(requireNonNull(rows, "rows is null"));
    }

    /** One line of the table. */
    public record Row(Resource resource, long used, long max) {
        public Row {
            requireNonNull(resource, "resource is null");
        }

        public boolean fits() {
            return used <= max;
        }

        /** used / max; infinite when max is 0 and something is used. */
        public double ratio() {
            if (max == 0) {
                return used == 0 ? 0 : Double.POSITIVE_INFINITY;
            }
            return used / (double) max;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %d/%d %s", resource.name(), used, max, resource.unit());
        }
    }

    /** True when every resource is within its maximum. */
    public boolean fits() {
        for (Row r : rows) {
            if (!r.fits()) {
                return false;
            }
        }
        return true;
    }

    /** The rows over their maximum, in table order. */
    public List<Row> overLimit() {
        return rows.stream().filter(r -> !r.fits()).toList();
    }

    /** The most used resource (highest used/max; the first on ties), if the table has rows. */
    public Optional<Row> binding() {
        Row best = null;
        for (Row r : rows) {
            if (best == null || r.ratio() > best.ratio()) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The row of the resource called {@code name}. */
    public Optional<Row> row(String name) {
        return rows.stream().filter(r -> r.resource().name().equals(name)).findFirst();
    }
}
