package io.neuromap.compiler.elaborate;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ir.KeyedRandom;
import io.neuromap.compiler.units.Dimension;
import java.util.Arrays;

/**
 * One distribution with its parameters resolved to SI and to a canonical form (lognormal in log
 * space, gamma by shape and scale), plus its clip. Immutable and shared by all threads; the state
 * is in the {@link KeyedRandom} cursor passed in.
 *
 * <p>Samplers: Marsaglia's polar method for normals, Marsaglia and Tsang (2000) for gamma (with
 * the {@code U^(1/k)} boost for {@code k < 1}), inversion for exponential and choice.
 */
final class Draw {
    /**
     * Draws per value before a redraw clip gives up (NM-E0601). Analysis admits only clips that
     * hold at least {@link io.neuromap.compiler.frontend.SamplingLaw#MIN_CLIP_MASS} (10^-3) of the
     * probability, so a valid clip exhausts this with probability below e^-100.
     */
    static final int MAX_ATTEMPTS = 100_000;

    enum Family {
        UNIFORM, NORMAL, LOGNORMAL, GAMMA, EXPONENTIAL, CHOICE
    }

    private final Family family;
    private final double a;
    private final double b;
    private final double c;
    private final double[] values;
    private final double[] cumulative;
    private final Dimension dimension;
    private final boolean clipped;
    private final boolean clamp;
    private final double low;
    private final double high;

    private Draw(Family family, double a, double b, double c, double[] values, double[] cumulative, Dimension dimension,
            boolean clipped, boolean clamp, double low, double high) {
        this.family = family;
        this.a = a;
        this.b = b;
        this.c = c;
        this.values = values;
        this.cumulative = cumulative;
        this.dimension = requireNonNull(dimension, "dimension is null");
        this.clipped = clipped;
        this.clamp = clamp;
        this.low = low;
        this.high = high;
    }

    static Draw uniform(double low, double high, Dimension d) {
        return new Draw(Family.UNIFORM, low, high, 0, null, null, d, false, false, 0, 0);
    }

    static Draw normal(double mu, double sigma, Dimension d) {
        return new Draw(Family.NORMAL, mu, sigma, 0, null, null, d, false, false, 0, 0);
    }

    /** {@code scale * exp(N(mu, sigma))}. */
    static Draw lognormal(double mu, double sigma, double scale, Dimension d) {
        return new Draw(Family.LOGNORMAL, mu, sigma, scale, null, null, d, false, false, 0, 0);
    }

    /** Shape {@code k}, scale {@code theta}. */
    static Draw gamma(double k, double theta, Dimension d) {
        return new Draw(Family.GAMMA, k, theta, 0, null, null, d, false, false, 0, 0);
    }

    /** Mean (scale) {@code beta}. */
    static Draw exponential(double beta, Dimension d) {
        return new Draw(Family.EXPONENTIAL, beta, 0, 0, null, null, d, false, false, 0, 0);
    }

    /** {@code weights} are non-negative with a positive sum; they are normalised here. */
    static Draw choice(double[] values, double[] weights, Dimension d) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double[] cumulative = new double[weights.length];
        double run = 0;
        for (int i = 0; i < weights.length; i++) {
            run += weights[i] / sum;
            cumulative[i] = run;
        }
        cumulative[weights.length - 1] = 1.0;
        return new Draw(Family.CHOICE, 0, 0, 0, values.clone(), cumulative, d, false, false, 0, 0);
    }

    /** This distribution clipped to {@code [low, high]}, by redrawing or by clamping. */
    Draw clipped(double clipLow, double clipHigh, boolean byClamping) {
        return new Draw(family, a, b, c, values, cumulative, dimension, true, byClamping, clipLow, clipHigh);
    }

    Dimension dimension() {
        return dimension;
    }

    Family family() {
        return family;
    }

    /**
     * A value, or NaN when a redraw clip found nothing inside after {@link #MAX_ATTEMPTS} draws (or
     * a positive distribution underflowed to 0 that often).
     */
    double sample(KeyedRandom rng) {
        if (!clipped) {
            return raw(rng);
        }
        if (clamp) {
            return Math.min(Math.max(raw(rng), low), high);
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            double v = raw(rng);
            if (v >= low && v <= high) {
                return v;
            }
        }
        return Double.NaN;
    }

    /**
     * One value of the distribution. Lognormal, gamma and exponential values are positive, and
     * analysis lets them into positive domains without a clip on that promise, so an exact 0
     * (underflow of a gamma with a tiny shape, or a zero uniform) is drawn again; NaN when every
     * one of {@link #MAX_ATTEMPTS} draws was 0.
     */
    private double raw(KeyedRandom rng) {
        if (family != Family.LOGNORMAL && family != Family.GAMMA && family != Family.EXPONENTIAL) {
            return once(rng);
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            double v = once(rng);
            if (v != 0) {
                return v;
            }
        }
        return Double.NaN;
    }

    private double once(KeyedRandom rng) {
        switch (family) {
            case UNIFORM:
                return a + (b - a) * rng.nextDouble();
            case NORMAL:
                return a + b * rng.nextGaussian();
            case LOGNORMAL:
                return c * StrictMath.exp(a + b * rng.nextGaussian());
            case GAMMA:
                return standardGamma(a, rng) * b;
            case EXPONENTIAL:
                return a * rng.nextExponential();
            default:
                // The first index whose cumulative probability exceeds u (never a zero-weight value).
                double u = rng.nextDouble();
                int lo = 0;
                int hi = cumulative.length - 1;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (cumulative[mid] > u) {
                        hi = mid;
                    } else {
                        lo = mid + 1;
                    }
                }
                return values[lo];
        }
    }

    /** Gamma(k, 1) by Marsaglia and Tsang, "A simple method for generating gamma variables" (2000). */
    static double standardGamma(double k, KeyedRandom rng) {
        if (k < 1) {
            double g = standardGamma(k + 1, rng);
            return g * StrictMath.pow(rng.nextDoubleNonZero(), 1.0 / k);
        }
        double d = k - 1.0 / 3.0;
        double cc = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x;
            double v;
            do {
                x = rng.nextGaussian();
                v = 1.0 + cc * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rng.nextDouble();
            double x2 = x * x;
            if (u < 1.0 - 0.0331 * x2 * x2) {
                return d * v;
            }
            if (StrictMath.log(u) < 0.5 * x2 + d * (1.0 - v + StrictMath.log(v))) {
                return d * v;
            }
        }
    }

    /** The largest value this can produce (+inf when unbounded): what delay storage must hold. */
    double upperBound() {
        double support = switch (family) {
            case UNIFORM -> b;
            case CHOICE -> Arrays.stream(values).max().orElse(0);
            default -> Double.POSITIVE_INFINITY;
        };
        return clipped ? Math.min(support, high) : support;
    }

    /** The smallest value this can produce (-inf when unbounded). */
    double lowerBound() {
        double support = switch (family) {
            case UNIFORM -> a;
            case CHOICE -> Arrays.stream(values).min().orElse(0);
            case NORMAL -> Double.NEGATIVE_INFINITY;
            case LOGNORMAL -> c >= 0 ? 0 : Double.NEGATIVE_INFINITY;
            default -> 0;
        };
        return clipped ? Math.max(support, low) : support;
    }

    @Override
    public String toString() {
        return family + "(" + a + ", " + b + ", " + c + (values == null ? "" : ", " + Arrays.toString(values)) + ")"
                + (clipped ? " clip [" + low + ", " + high + "] " + (clamp ? "clamp" : "redraw") : "");
    }
}
