package io.neuromap.compiler.eval;

import io.neuromap.compiler.model.Domain;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Units;
import java.util.Optional;

/**
 * The values an expression can take over all neurons (or synapses): an interval of SI values
 * whose ends are open or closed. Analysis propagates intervals through expressions that use
 * sampled values, so that {@code a = 0.02 + 0.08 * r} with {@code r ~ uniform(0, 1)} is known to
 * stay inside {@code [0.02, 0.1]} and the domain of {@code a} can be checked before any neuron is
 * drawn.
 *
 * <p>Every operation is conservative: its result contains every value the operation can produce
 * (it may contain more, e.g. {@code r - r}). Infinite ends are always open; an interval with a NaN
 * end becomes {@link #ALL}.
 */
public record Interval(double lo, boolean loOpen, double hi, boolean hiOpen) {
    public static final Interval ALL = new Interval(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);

    public Interval {
        if (Double.isNaN(lo) || Double.isNaN(hi) || lo > hi) {
            lo = Double.NEGATIVE_INFINITY;
            hi = Double.POSITIVE_INFINITY;
        }
        loOpen = loOpen || Double.isInfinite(lo);
        hiOpen = hiOpen || Double.isInfinite(hi);
    }

    public static Interval point(double v) {
        return new Interval(v, false, v, false);
    }

    public static Interval closed(double lo, double hi) {
        return new Interval(lo, false, hi, false);
    }

    /** The interval of a parameter domain. */
    public static Interval of(Domain d) {
        return new Interval(d.low(), !d.lowInclusive(), d.high(), !d.highInclusive());
    }

    public boolean isPoint() {
        return lo == hi && !loOpen && !hiOpen;
    }

    /** True if every value of this interval lies in {@code d}. */
    public boolean within(Domain d) {
        boolean low = Double.isInfinite(d.low()) && d.low() < 0
                || lo > d.low() || lo == d.low() && (d.lowInclusive() || loOpen);
        boolean high = Double.isInfinite(d.high()) && d.high() > 0
                || hi < d.high() || hi == d.high() && (d.highInclusive() || hiOpen);
        return low && high;
    }

    /** True if 0 may be a value. */
    public boolean mayBeZero() {
        return (lo < 0 || lo == 0 && !loOpen) && (hi > 0 || hi == 0 && !hiOpen);
    }

    /** True if a value below 0 may occur. */
    public boolean mayBeNegative() {
        return lo < 0;
    }

    /** True if a value at or below 0 may occur. */
    public boolean mayBeNonPositive() {
        return lo < 0 || lo == 0 && !loOpen;
    }

    public Interval negate() {
        return new Interval(-hi, hiOpen, -lo, loOpen);
    }

    public Interval plus(Interval o) {
        return new Interval(lo + o.lo, loOpen || o.loOpen, hi + o.hi, hiOpen || o.hiOpen);
    }

    public Interval minus(Interval o) {
        return plus(o.negate());
    }

    public Interval times(Interval o) {
        End[] a = {new End(lo, loOpen), new End(hi, hiOpen)};
        End[] b = {new End(o.lo, o.loOpen), new End(o.hi, o.hiOpen)};
        End[] products = new End[4];
        int i = 0;
        for (End x : a) {
            for (End y : b) {
                products[i++] = product(x, y);
            }
        }
        return hull(products);
    }

    /** 1 / this; the caller has checked that 0 is not a value (an open end at 0 is fine). */
    public Interval reciprocal() {
        double newLo = hi == 0 ? Double.NEGATIVE_INFINITY : 1 / hi;
        double newHi = lo == 0 ? Double.POSITIVE_INFINITY : 1 / lo;
        if (lo < 0 && hi > 0) {
            return ALL;
        }
        return new Interval(newLo, hiOpen || Double.isInfinite(hi), newHi, loOpen || Double.isInfinite(lo));
    }

    /** this / o; the caller has checked {@code !o.mayBeZero()}. */
    public Interval dividedBy(Interval o) {
        return times(o.reciprocal());
    }

    /** this % o (sign of the dividend, magnitude below |o|); the caller has checked {@code !o.mayBeZero()}. */
    public Interval modulo(Interval o) {
        double m = Math.max(Math.abs(o.lo), Math.abs(o.hi));
        if (lo >= 0) {
            return new Interval(0, false, Math.min(hi, m), hi < m && hiOpen || hi >= m);
        }
        if (hi <= 0) {
            return new Interval(Math.max(lo, -m), lo > -m && loOpen || lo <= -m, 0, false);
        }
        return new Interval(-m, true, m, true);
    }

    /** this^n for a whole n; for n < 0 the caller has checked {@code !mayBeZero()}. */
    public Interval pow(int n) {
        if (n == 0) {
            return point(1);
        }
        if (n < 0) {
            return pow(-n).reciprocal();
        }
        if (n % 2 == 1 || lo >= 0) {
            return new Interval(Math.pow(lo, n), loOpen, Math.pow(hi, n), hiOpen);
        }
        if (hi <= 0) {
            return new Interval(Math.pow(hi, n), hiOpen, Math.pow(lo, n), loOpen);
        }
        double top = Math.max(-lo, hi);
        boolean topOpen = -lo == hi ? loOpen && hiOpen : (-lo > hi ? loOpen : hiOpen);
        return new Interval(0, false, Math.pow(top, n), topOpen);
    }

    /**
     * this^e for a real exponent interval; the caller has checked that the base is positive, or
     * non-negative with a positive exponent.
     */
    public Interval pow(Interval e) {
        End[] a = {new End(lo, loOpen), new End(hi, hiOpen)};
        End[] b = {new End(e.lo, e.loOpen), new End(e.hi, e.hiOpen)};
        End[] corners = new End[4];
        int i = 0;
        for (End x : a) {
            for (End y : b) {
                double v = Math.pow(x.v, y.v);
                if (Double.isNaN(v)) {
                    return ALL;
                }
                corners[i++] = new End(v, x.open || y.open);
            }
        }
        return hull(corners);
    }

    public Interval exp() {
        return new Interval(Math.exp(lo), loOpen, Math.exp(hi), hiOpen);
    }

    /** The caller has checked {@code !mayBeNonPositive()}. */
    public Interval log() {
        return new Interval(Math.log(lo), loOpen, Math.log(hi), hiOpen);
    }

    /** The caller has checked {@code !mayBeNegative()}. */
    public Interval sqrt() {
        return new Interval(Math.sqrt(lo), loOpen, Math.sqrt(hi), hiOpen);
    }

    public Interval abs() {
        if (lo >= 0) {
            return this;
        }
        if (hi <= 0) {
            return negate();
        }
        return pow(2).sqrt();
    }

    public Interval min(Interval o) {
        return new Interval(Math.min(lo, o.lo), tieOpen(lo, loOpen, o.lo, o.loOpen, true),
                Math.min(hi, o.hi), tieOpen(hi, hiOpen, o.hi, o.hiOpen, true));
    }

    public Interval max(Interval o) {
        return new Interval(Math.max(lo, o.lo), tieOpen(lo, loOpen, o.lo, o.loOpen, false),
                Math.max(hi, o.hi), tieOpen(hi, hiOpen, o.hi, o.hiOpen, false));
    }

    /** The image under a non-decreasing step function (floor, ceil, round); ends are closed. */
    public Interval monotoneClosed(java.util.function.DoubleUnaryOperator f) {
        return closed(f.applyAsDouble(lo), f.applyAsDouble(hi));
    }

    /** The smallest interval containing both. */
    public Interval hull(Interval o) {
        return new Interval(Math.min(lo, o.lo), tieOpen(lo, loOpen, o.lo, o.loOpen, true),
                Math.max(hi, o.hi), tieOpen(hi, hiOpen, o.hi, o.hiOpen, false));
    }

    /** The common part, or empty if there is none. */
    public Optional<Interval> intersect(Interval o) {
        double l = Math.max(lo, o.lo);
        boolean lOpen = lo == o.lo ? loOpen || o.loOpen : (lo > o.lo ? loOpen : o.loOpen);
        double h = Math.min(hi, o.hi);
        boolean hOpen = hi == o.hi ? hiOpen || o.hiOpen : (hi < o.hi ? hiOpen : o.hiOpen);
        if (l > h || l == h && (lOpen || hOpen)) {
            return Optional.empty();
        }
        return Optional.of(new Interval(l, lOpen, h, hOpen));
    }

    /** The values of {@code min(max(x, low), high)} for x in this interval ({@code clip ... clamp}). */
    public Interval clamp(double low, double high) {
        double l = Math.min(Math.max(lo, low), high);
        double h = Math.min(Math.max(hi, low), high);
        boolean lOpen = loOpen && lo >= low && lo < high;
        boolean hOpen = hiOpen && hi <= high && hi > low;
        return new Interval(l, lOpen, h, hOpen);
    }

    /** {@code [0 ms, 1 ms)}, {@code > 0 ms}, {@code 5 ms}: for messages. */
    public String describe(Dimension dimension) {
        if (isPoint()) {
            return Units.format(lo, dimension);
        }
        if (Double.isInfinite(lo) && Double.isInfinite(hi)) {
            return "any value";
        }
        if (Double.isInfinite(hi)) {
            return (loOpen ? "> " : ">= ") + Units.format(lo, dimension);
        }
        if (Double.isInfinite(lo)) {
            return (hiOpen ? "< " : "<= ") + Units.format(hi, dimension);
        }
        return (loOpen ? "(" : "[") + Units.format(lo, dimension) + ", " + Units.format(hi, dimension) + (hiOpen ? ")" : "]");
    }

    private static boolean tieOpen(double a, boolean aOpen, double b, boolean bOpen, boolean smaller) {
        if (a == b) {
            return aOpen && bOpen;
        }
        return (a < b) == smaller ? aOpen : bOpen;
    }

    private static End product(End x, End y) {
        if (x.v == 0 && !x.open || y.v == 0 && !y.open) {
            return new End(0, false);
        }
        if (x.v == 0 || y.v == 0) {
            return new End(0, true);
        }
        return new End(x.v * y.v, x.open || y.open);
    }

    private static Interval hull(End[] ends) {
        double l = Double.POSITIVE_INFINITY;
        double h = Double.NEGATIVE_INFINITY;
        for (End e : ends) {
            if (Double.isNaN(e.v)) {
                return ALL;
            }
            l = Math.min(l, e.v);
            h = Math.max(h, e.v);
        }
        boolean lOpen = true;
        boolean hOpen = true;
        for (End e : ends) {
            if (e.v == l && !e.open) {
                lOpen = false;
            }
            if (e.v == h && !e.open) {
                hOpen = false;
            }
        }
        return new Interval(l, lOpen, h, hOpen);
    }

    /** One end of an interval: a value and whether it is attained. */
    private record End(double v, boolean open) {
    }
}
