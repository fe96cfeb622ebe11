package io.neuromap.compiler.model;

import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Units;

/**
 * The values a parameter may take, in SI: an interval with open or closed ends. Used to reject
 * fixed values outside it and distributions whose support leaves it unless clipped.
 */
public record Domain(double low, boolean lowInclusive, double high, boolean highInclusive) {
    public static final Domain ANY = new Domain(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
    public static final Domain POSITIVE = new Domain(0, false, Double.POSITIVE_INFINITY, false);
    public static final Domain NON_NEGATIVE = new Domain(0, true, Double.POSITIVE_INFINITY, false);
    public static final Domain UNIT_INTERVAL = new Domain(0, true, 1, true);

    public boolean contains(double v) {
        boolean aboveLow = lowInclusive ? v >= low : v > low;
        boolean belowHigh = highInclusive ? v <= high : v < high;
        return aboveLow && belowHigh;
    }

    public boolean isUnbounded() {
        return Double.isInfinite(low) && Double.isInfinite(high);
    }

    /** {@code > 0 ms}, {@code [0, 1]}, and so on, in the display unit of {@code dimension}. */
    public String describe(Dimension dimension) {
        if (Double.isInfinite(high) && !Double.isInfinite(low)) {
            return (lowInclusive ? ">= " : "> ") + Units.format(low, dimension);
        }
        if (Double.isInfinite(low) && !Double.isInfinite(high)) {
            return (highInclusive ? "<= " : "< ") + Units.format(high, dimension);
        }
        if (isUnbounded()) {
            return "any value";
        }
        return (lowInclusive ? "[" : "(") + Units.format(low, dimension) + ", " + Units.format(high, dimension)
                + (highInclusive ? "]" : ")");
    }
}
