package io.neuromap.compiler.frontend;

import io.neuromap.compiler.eval.Interval;
import java.util.List;

/**
 * A distribution with its form resolved and its parameters in SI: what {@code gamma(k = 3,
 * mean = 20 ms)} means once {@code theta = mean / k} is worked out. Analysis uses the support,
 * the CDF and the moments to check domains and clip intervals; the conversions between forms
 * live here so that elaboration can use the same ones.
 *
 * <p>The supports of {@link LogNormal}, {@link Gamma} and {@link Exponential} are open at 0 (that
 * is why they fit positive domains without a clip): a sampler must redraw a value that underflows
 * or rounds to exactly 0.
 */
public sealed interface SamplingLaw {
    /**
     * The least probability a clip interval must hold (analysis rejects less): with redraw, a
     * draw then lands inside at least once in a thousand tries on average, so a redraw limit of
     * 10^5 tries fails with probability below e^-100; below it the clip is almost surely a
     * mistake (wrong unit, wrong side of the mean).
     */
    double MIN_CLIP_MASS = 1e-3;

    /** Every value a draw can take. */
    Interval support();

    /** P(X <= x). */
    double cdf(double x);

    double mean();

    double sd();

    /** P(lo <= X <= hi). */
    default double mass(double lo, double hi) {
        return Math.max(0, cdf(hi) - cdf(lo));
    }

    /** {@code uniform(low, high)}: every value of [low, high) equally likely. */
    record Uniform(double low, double high) implements SamplingLaw {
        @Override
        public Interval support() {
            return Interval.closed(low, high);
        }

        @Override
        public double cdf(double x) {
            return x <= low ? 0 : x >= high ? 1 : (x - low) / (high - low);
        }

        @Override
        public double mean() {
            return (low + high) / 2;
        }

        @Override
        public double sd() {
            return (high - low) / Math.sqrt(12);
        }
    }

    /** {@code normal(mu, sigma)} and {@code normal(mean = mu, sd = sigma)}. */
    record Normal(double mu, double sigma) implements SamplingLaw {
        @Override
        public Interval support() {
            return Interval.ALL;
        }

        @Override
        public double cdf(double x) {
            return phi((x - mu) / sigma);
        }

        @Override
        public double mean() {
            return mu;
        }

        @Override
        public double sd() {
            return sigma;
        }
    }

    /** {@code scale * exp(N(mu, sigma))}: PyNN's log-space form; {@link #ofMoments} gives the (mean, sd) form. */
    record LogNormal(double mu, double sigma, double scale) implements SamplingLaw {
        /** The log-normal whose values have the given mean and sd (both > 0, in SI). */
        public static LogNormal ofMoments(double mean, double sd) {
            double s2 = Math.log1p(sd * sd / (mean * mean));
            return new LogNormal(Math.log(mean) - s2 / 2, Math.sqrt(s2), 1.0);
        }

        @Override
        public Interval support() {
            return new Interval(0, true, Double.POSITIVE_INFINITY, true);
        }

        @Override
        public double cdf(double x) {
            return x <= 0 ? 0 : phi((Math.log(x / scale) - mu) / sigma);
        }

        @Override
        public double mean() {
            return scale * Math.exp(mu + sigma * sigma / 2);
        }

        @Override
        public double sd() {
            double s2 = sigma * sigma;
            return scale * Math.sqrt(Math.expm1(s2) * Math.exp(2 * mu + s2));
        }
    }

    /** {@code gamma(k, theta)}; {@code gamma(k, mean)} has {@code theta = mean / k}. */
    record Gamma(double k, double theta) implements SamplingLaw {
        @Override
        public Interval support() {
            return new Interval(0, true, Double.POSITIVE_INFINITY, true);
        }

        @Override
        public double cdf(double x) {
            return x <= 0 ? 0 : regularizedGammaP(k, x / theta);
        }

        @Override
        public double mean() {
            return k * theta;
        }

        @Override
        public double sd() {
            return Math.sqrt(k) * theta;
        }
    }

    /** {@code exponential(beta)} with mean beta. */
    record Exponential(double beta) implements SamplingLaw {
        @Override
        public Interval support() {
            return new Interval(0, true, Double.POSITIVE_INFINITY, true);
        }

        @Override
        public double cdf(double x) {
            return x <= 0 ? 0 : -Math.expm1(-x / beta);
        }

        @Override
        public double mean() {
            return beta;
        }

        @Override
        public double sd() {
            return beta;
        }
    }

    /** {@code choice(values, p)}; {@code p} has one probability per value and sums to 1. */
    record Choice(List<Double> values, List<Double> p) implements SamplingLaw {
        public Choice {
            values = List.copyOf(values);
            p = List.copyOf(p);
        }

        @Override
        public Interval support() {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            return Interval.closed(lo, hi);
        }

        @Override
        public double cdf(double x) {
            double sum = 0;
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) <= x) {
                    sum += p.get(i);
                }
            }
            return sum;
        }

        @Override
        public double mass(double lo, double hi) {
            double sum = 0;
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) >= lo && values.get(i) <= hi) {
                    sum += p.get(i);
                }
            }
            return sum;
        }

        @Override
        public double mean() {
            double m = 0;
            for (int i = 0; i < values.size(); i++) {
                m += p.get(i) * values.get(i);
            }
            return m;
        }

        @Override
        public double sd() {
            double m = mean();
            double v = 0;
            for (int i = 0; i < values.size(); i++) {
                v += p.get(i) * (values.get(i) - m) * (values.get(i) - m);
            }
            return Math.sqrt(v);
        }
    }

    /** The standard normal CDF, from erfc (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7). */
    static double phi(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        double x = -z / Math.sqrt(2);
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double erfc = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        erfc = x >= 0 ? erfc : 2 - erfc;
        return 0.5 * erfc;
    }

    /** P(a, x), the regularized lower incomplete gamma function (series below a + 1, continued fraction above). */
    static double regularizedGammaP(double a, double x) {
        if (x <= 0) {
            return 0;
        }
        if (Double.isInfinite(x)) {
            return 1;
        }
        double gln = logGamma(a);
        if (x < a + 1) {
            double ap = a;
            double sum = 1 / a;
            double del = sum;
            for (int n = 0; n < 10_000; n++) {
                ap += 1;
                del *= x / ap;
                sum += del;
                if (Math.abs(del) < Math.abs(sum) * 1e-15) {
                    break;
                }
            }
            return Math.min(1, sum * Math.exp(-x + a * Math.log(x) - gln));
        }
        double b = x + 1 - a;
        double c = 1 / 1e-300;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 10_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < 1e-300) {
                d = 1e-300;
            }
            c = b + an / c;
            if (Math.abs(c) < 1e-300) {
                c = 1e-300;
            }
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-15) {
                break;
            }
        }
        return Math.max(0, 1 - Math.exp(-x + a * Math.log(x) - gln) * h);
    }

    /** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9). */
    static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
        double xm = x - 1;
        double a = c[0];
        double t = xm + 7.5;
        for (int i = 1; i < 9; i++) {
            a += c[i] / (xm + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (xm + 0.5) * Math.log(t) - t + Math.log(a);
    }
}
