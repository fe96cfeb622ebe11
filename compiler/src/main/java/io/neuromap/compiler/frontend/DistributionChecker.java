package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.Argument;
import io.neuromap.compiler.ast.Distribution;
import io.neuromap.compiler.ast.Expr;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.diag.Suggestions;
import io.neuromap.compiler.eval.DimensionChecker;
import io.neuromap.compiler.eval.Interval;
import io.neuromap.compiler.eval.TypeScope;
import io.neuromap.compiler.eval.Typed;
import io.neuromap.compiler.model.ArgKind;
import io.neuromap.compiler.model.ArgSpec;
import io.neuromap.compiler.model.Catalog;
import io.neuromap.compiler.model.Domain;
import io.neuromap.compiler.model.Signature;
import io.neuromap.compiler.source.SourceSpan;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Units;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Checks {@code param ~ family(args) [clip [lo, hi] redraw|clamp]}: the family and its form, the
 * arguments (constants, in the parameter's unit), the distribution's own parameters (sd > 0,
 * low < high, probabilities summing to 1), the clip (non-empty and holding enough probability for
 * redraw to succeed), and that every value that can be drawn lies in the parameter's domain.
 * Returns the interval of values that can be drawn.
 */
final class DistributionChecker {
    /** Names users bring from other tools (numpy, scipy, Brian2), with ours. */
    private static final java.util.Map<String, String> ALIASES = java.util.Map.of(
            "gaussian", "normal", "gauss", "normal", "randn", "normal", "lognorm", "lognormal",
            "log_normal", "lognormal", "expon", "exponential", "rand", "uniform", "randint", "choice");

    private final Diagnostics diagnostics;
    private final ArgumentBinder binder;

    DistributionChecker(Diagnostics diagnostics) {
        this.diagnostics = requireNonNull(diagnostics, "diagnostics is null");
        this.binder = new ArgumentBinder(diagnostics);
    }

    /**
     * @param subject the parameter or {@code let} name; the result is blamed on it when used
     * @param target the parameter's dimension; empty when unknown (an earlier error) unless {@code infer}
     * @param infer for {@code let} variables: take the dimension from the arguments
     * @param domain where every drawn value must lie
     * @param impliedUnit the parameter also accepts plain numbers, read in the display unit of
     *                    {@code target}: then arguments are either all plain or all in that unit
     */
    Typed check(Distribution d, Expr.Name subject, Optional<Dimension> target, boolean infer, Domain domain, TypeScope scope,
            boolean impliedUnit) {
        String family = d.family().name();
        List<Signature> forms = Catalog.distribution(family);
        if (forms.isEmpty()) {
            String alias = ALIASES.get(family.toLowerCase(java.util.Locale.ROOT));
            String help = !Catalog.function(family).isEmpty()
                    ? "`" + family + "` is a function: to compute one value write `" + subject.name().text() + " = " + family + "(...)`"
                    : alias != null ? "did you mean `" + alias + "`?" : Suggestions.help(family, Catalog.distributionNames());
            diagnostics.report(DiagnosticCode.UNKNOWN_DISTRIBUTION, d.family().span(), "unknown distribution `" + family + "`", help);
            binder.checkLoose(d.arguments(), scope);
            return failed(subject);
        }
        SourceSpan callSpan = d.family().span();
        Optional<ArgumentBinder.Bound> bound = binder.bind("distribution", d.family(), d.arguments(), callSpan, forms);
        if (bound.isEmpty()) {
            return failed(subject);
        }
        Optional<Dimension> like = infer ? inferDimension(bound.get(), scope) : target;
        double scale = 1;
        if (!infer && impliedUnit && target.isPresent()
                && inferDimension(bound.get(), scope).filter(Dimension::isNone).isPresent()) {
            like = Optional.of(Dimension.NONE);
            scale = Units.displayUnit(target.get()).map(u -> u.factor()).orElse(1.0);
        }
        ArgumentBinder.Values values = binder.evaluate(bound.get(), like, scope, family);
        if (values.failed()) {
            return failed(subject);
        }
        Optional<SamplingLaw> law = law(family, values, like, subject, callSpan);
        if (law.isEmpty()) {
            return failed(subject);
        }
        Dimension dim = like.orElse(Dimension.NONE);
        Interval range = law.get().support();
        if (d.clip().isPresent()) {
            Optional<Interval> clipped = clip(d.clip().get(), law.get(), like, domain, subject, scope);
            if (clipped.isEmpty()) {
                return failed(subject);
            }
            range = clipped.get();
        }
        // domains of parameters with an implied unit are bounded only at 0, so plain numbers are checked as they are
        if (like.isPresent() && !range.within(domain)) {
            reportLeavesDomain(d, law.get(), range, dim, domain, subject);
            return failed(subject);
        }
        if (like.isEmpty()) {
            return failed(subject);
        }
        if (scale != 1) {
            return Typed.dynamic(target.get(), range.times(Interval.point(scale)), subject);
        }
        return Typed.dynamic(dim, range, subject);
    }

    /** For a {@code let}: the dimension of the first argument written in the parameter's unit, else dimensionless. */
    private Optional<Dimension> inferDimension(ArgumentBinder.Bound bound, TypeScope scope) {
        for (ArgSpec spec : bound.signature().arguments()) {
            Argument a = bound.given().get(spec.name());
            if (a == null) {
                continue;
            }
            if (spec.kind() == ArgKind.LIKE_TARGET) {
                return DimensionChecker.check(a.value(), scope, diagnostics).dimension();
            }
            if (spec.kind() == ArgKind.LIST_LIKE_TARGET) {
                List<Typed> elements = DimensionChecker.checkList(a.value(), scope, diagnostics);
                return elements.isEmpty() ? Optional.of(Dimension.NONE) : elements.get(0).dimension();
            }
        }
        return Optional.of(Dimension.NONE);
    }

    /** Validates the distribution's parameters and resolves its form. */
    private Optional<SamplingLaw> law(String family, ArgumentBinder.Values v, Optional<Dimension> like, Expr.Name subject,
            SourceSpan callSpan) {
        Dimension dim = like.orElse(Dimension.NONE);
        switch (family) {
            case "uniform": {
                double low = v.number("low").orElse(0);
                double high = v.number("high").orElse(1);
                if (!(low < high)) {
                    return invalid(v, callSpan, "high", "uniform needs low < high, found low = " + Units.format(low, dim) + " and high = "
                            + Units.format(high, dim), "swap the bounds, or use a fixed value with `=` if they are equal");
                }
                return Optional.of(new SamplingLaw.Uniform(low, high));
            }
            case "normal": {
                boolean sdForm = v.signature().argument("sd").isPresent();
                double mu = v.number(sdForm ? "mean" : "mu").orElse(0);
                double sigma = v.number(sdForm ? "sd" : "sigma").orElse(1);
                if (!(sigma > 0)) {
                    return invalid(v, callSpan, sdForm ? "sd" : "sigma", "the standard deviation of normal must be positive, found "
                            + Units.format(sigma, dim), sigma == 0 ? "for the same value everywhere write `=`" : "drop the minus sign");
                }
                return Optional.of(new SamplingLaw.Normal(mu, sigma));
            }
            case "lognormal": {
                if (v.signature().argument("sd").isPresent()) {
                    double mean = v.number("mean").orElse(1);
                    double sd = v.number("sd").orElse(1);
                    if (!(mean > 0)) {
                        return invalid(v, callSpan, "mean", "the mean of a lognormal must be positive, found " + Units.format(mean, dim),
                                "a lognormal draws positive values only; for negative values use normal");
                    }
                    if (!(sd > 0)) {
                        return invalid(v, callSpan, "sd", "the sd of lognormal must be positive, found " + Units.format(sd, dim), null);
                    }
                    return Optional.of(SamplingLaw.LogNormal.ofMoments(mean, sd));
                }
                double sigma = v.number("sigma").orElse(1);
                if (!(sigma > 0)) {
                    return invalid(v, callSpan, "sigma", "sigma of lognormal must be positive, found " + Units.formatNumber(sigma), null);
                }
                if (v.given("scale").isEmpty() && like.isPresent() && !dim.isNone()) {
                    diagnostics.report(DiagnosticCode.BAD_ARGUMENTS, callSpan, "lognormal(mu, sigma) draws a dimensionless number, but `"
                            + subject.name().text() + "` is " + dim.describe(), "give the unit as scale, e.g. lognormal(mu = "
                            + Units.formatNumber(v.number("mu").orElse(0)) + ", sigma = " + Units.formatNumber(sigma) + ", scale = 1 "
                            + Units.displayUnit(dim).map(u -> u.symbol()).orElse(dim.baseUnits()) + "), or use lognormal(mean = ..., sd = ...)");
                    return Optional.empty();
                }
                double scale = v.number("scale").orElse(1);
                if (!(scale > 0)) {
                    return invalid(v, callSpan, "scale", "scale of lognormal must be positive, found " + Units.format(scale, dim), null);
                }
                return Optional.of(new SamplingLaw.LogNormal(v.number("mu").orElse(0), sigma, scale));
            }
            case "gamma": {
                double k = v.number("k").orElse(1);
                if (!(k > 0)) {
                    return invalid(v, callSpan, "k", "the shape k of gamma must be positive, found " + Units.formatNumber(k), null);
                }
                boolean meanForm = v.signature().argument("mean").isPresent();
                double scale = v.number(meanForm ? "mean" : "theta").orElse(1);
                if (!(scale > 0)) {
                    return invalid(v, callSpan, meanForm ? "mean" : "theta", (meanForm ? "the mean" : "the scale theta") + " of gamma must be positive, found "
                            + Units.format(scale, dim), "a gamma draws positive values only");
                }
                return Optional.of(new SamplingLaw.Gamma(k, meanForm ? scale / k : scale));
            }
            case "exponential": {
                double beta = v.number("beta").orElse(1);
                if (!(beta > 0)) {
                    return invalid(v, callSpan, "beta", "the mean beta of exponential must be positive, found " + Units.format(beta, dim), null);
                }
                return Optional.of(new SamplingLaw.Exponential(beta));
            }
            default:
                return choice(v, dim, callSpan);
        }
    }

    private Optional<SamplingLaw> choice(ArgumentBinder.Values v, Dimension dim, SourceSpan callSpan) {
        List<Double> values = v.list("values");
        if (values.isEmpty()) {
            return invalid(v, callSpan, "values", "choice needs at least one value", "write choice([1 ms, 2 ms])");
        }
        List<Double> p = v.list("p");
        if (v.given("p").isEmpty()) {
            Double[] equal = new Double[values.size()];
            java.util.Arrays.fill(equal, 1.0 / values.size());
            return Optional.of(new SamplingLaw.Choice(values, List.of(equal)));
        }
        if (p.size() != values.size()) {
            return invalid(v, callSpan, "p", "choice has " + Hints.count(values.size(), "value") + " but " + Hints.count(p.size(), "probability")
                    .replace("probabilitys", "probabilities"), "give one probability per value");
        }
        double sum = 0;
        for (double x : p) {
            if (x < 0 || x > 1) {
                return invalid(v, callSpan, "p", "the probabilities of choice must be in [0, 1], found " + Units.formatNumber(x), null);
            }
            sum += x;
        }
        if (Math.abs(sum - 1) > 1e-9) {
            return invalid(v, callSpan, "p", "the probabilities of choice must sum to 1, found " + Units.formatNumber(sum),
                    "scale them so that they sum to 1");
        }
        return Optional.of(new SamplingLaw.Choice(values, p));
    }

    private Optional<SamplingLaw> invalid(ArgumentBinder.Values v, SourceSpan callSpan, String arg, String message, String help) {
        SourceSpan span = v.given(arg).map(a -> a.value().span()).orElse(callSpan);
        diagnostics.report(DiagnosticCode.BAD_DISTRIBUTION, span, message, help);
        return Optional.empty();
    }

    /** The values a clipped distribution can give, or empty after reporting a bad clip. */
    private Optional<Interval> clip(Distribution.Clip clip, SamplingLaw law, Optional<Dimension> like, Domain domain,
            Expr.Name subject, TypeScope scope) {
        OptionalDouble lo = bound(clip.low(), like, scope);
        OptionalDouble hi = bound(clip.high(), like, scope);
        if (lo.isEmpty() || hi.isEmpty()) {
            return Optional.empty();
        }
        Dimension dim = like.orElse(Dimension.NONE);
        double l = lo.getAsDouble();
        double h = hi.getAsDouble();
        if (!(l < h)) {
            diagnostics.report(DiagnosticCode.BAD_DISTRIBUTION, clip.span(), "clip [" + Units.format(l, dim) + ", "
                    + Units.format(h, dim) + "] is empty: the lower bound must be below the upper", "swap the bounds");
            return Optional.empty();
        }
        boolean clamp = clip.effectiveMode() == Distribution.ClipMode.CLAMP;
        double mass = law.mass(l, h);
        if (!(mass >= SamplingLaw.MIN_CLIP_MASS)) {
            String share = mass <= 0 ? "no draw falls" : "only " + percent(mass) + " of draws fall";
            diagnostics.report(DiagnosticCode.BAD_DISTRIBUTION, clip.span(), share + " inside clip [" + Units.format(l, dim) + ", "
                    + Units.format(h, dim) + "] (the distribution has mean " + Units.format(law.mean(), dim) + ")",
                    clamp ? "nearly every value would be clamped to a bound: widen the clip or move the distribution"
                            : "redraw would rarely succeed: widen the clip or move the distribution");
            return Optional.empty();
        }
        Interval range = clamp ? law.support().clamp(l, h)
                : law.support().intersect(Interval.closed(l, h)).orElse(Interval.closed(l, h));
        if (like.isPresent() && range.within(domain)) {
            warnWideBound(clip.low(), l, domain.low(), l < domain.low(), dim, domain, subject);
            warnWideBound(clip.high(), h, domain.high(), h > domain.high(), dim, domain, subject);
        }
        return Optional.of(range);
    }

    private OptionalDouble bound(Expr e, Optional<Dimension> like, TypeScope scope) {
        Typed t = DimensionChecker.check(e, scope, diagnostics);
        if (t.dynamicCause().isPresent()) {
            Expr cause = t.dynamicCause().get();
            diagnostics.report(DiagnosticCode.DYNAMIC_IN_CONSTANT, cause.span(), "a clip bound must be a constant, but "
                    + DimensionChecker.describe(cause) + " differs per neuron or synapse", "use a literal or a `const`");
            return OptionalDouble.empty();
        }
        if (t.isError()) {
            return OptionalDouble.empty();
        }
        if (like.isPresent() && !t.dimension().get().equals(like.get())) {
            Dimension d = like.get();
            diagnostics.report(d.isNone() ? DiagnosticCode.DIMENSIONLESS_REQUIRED : DiagnosticCode.UNIT_MISMATCH, e.span(),
                    "a clip bound expects " + d.describe() + " like the values it clips, found " + t.dimension().get().describe()
                            + " (" + t.constantValue().get() + ")", Hints.write(d, Hints.example(d, e, Optional.empty())));
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(t.range().lo());
    }

    private void warnWideBound(Expr bound, double value, double limit, boolean outside, Dimension dim, Domain domain,
            Expr.Name subject) {
        if (outside && Double.isFinite(limit)) {
            diagnostics.report(DiagnosticCode.CLIP_WIDENS, bound.span(), "clip bound " + Units.format(value, dim) + " lies outside the values `"
                    + subject.name().text() + "` may take (" + domain.describe(dim) + ")",
                    "move it to the edge of that range: " + Units.format(limit, dim));
        }
    }

    private void reportLeavesDomain(Distribution d, SamplingLaw law, Interval range, Dimension dim, Domain domain,
            Expr.Name subject) {
        String name = subject.name().text();
        Interval allowed = Interval.of(domain);
        boolean lowSide = !new Interval(range.lo(), range.loOpen(), Double.POSITIVE_INFINITY, true).within(domain);
        String side = lowSide
                ? "values " + (domain.lowInclusive() ? "below " : "at or below ") + Units.format(domain.low(), dim)
                : "values " + (domain.highInclusive() ? "above " : "at or above ") + Units.format(domain.high(), dim);
        if (d.clip().isPresent()) {
            Distribution.Clip c = d.clip().get();
            diagnostics.report(DiagnosticCode.DISTRIBUTION_LEAVES_DOMAIN, c.span(), "this clip lets `" + name + "` take " + side
                    + ", but `" + name + "` must be " + domain.describe(dim),
                    "keep the clip inside " + allowed.describe(dim) + ", e.g. " + suggestClip(law, domain, dim));
            return;
        }
        diagnostics.report(DiagnosticCode.DISTRIBUTION_LEAVES_DOMAIN, d.span(), "`" + name + " ~ " + d.family().name()
                + "(...)` can give " + side + ", but `" + name + "` must be " + domain.describe(dim),
                "add " + suggestClip(law, domain, dim) + " redraw");
    }

    /** A clip inside the domain holding most of the distribution: about mean ± 3 sd, moved inside. */
    private static String suggestClip(SamplingLaw law, Domain domain, Dimension dim) {
        double mean = law.mean();
        double sd = law.sd();
        if (!Double.isFinite(mean) || !Double.isFinite(sd)) {
            mean = 0;
            sd = 1;
        }
        double lo = Hints.round2(mean - 3 * sd, dim);
        double hi = Hints.round2(mean + 3 * sd, dim);
        if (!domain.contains(lo) || lo >= hi) {
            double room = Math.abs(mean - domain.low()) / 10;
            lo = Double.isFinite(domain.low()) ? domain.low() + (domain.lowInclusive() || room == 0 ? 0 : Hints.round2(room, dim)) : lo;
            if (!domain.contains(lo)) {
                lo = domain.low() + Units.displayUnit(dim).map(u -> u.factor()).orElse(1.0);
            }
        }
        if (!domain.contains(hi) || hi <= lo) {
            double room = Math.abs(domain.high() - mean) / 10;
            hi = Double.isFinite(domain.high()) ? domain.high() - (domain.highInclusive() || room == 0 ? 0 : Hints.round2(room, dim)) : hi;
            if (hi <= lo) {
                hi = lo + Math.max(Math.abs(lo), Units.displayUnit(dim).map(u -> u.factor()).orElse(1.0));
            }
        }
        return "clip [" + Units.format(lo, dim) + ", " + Units.format(hi, dim) + "]";
    }

    private static String percent(double mass) {
        return String.format(Locale.ROOT, "%.2g%%", mass * 100);
    }

    private static Typed failed(Expr.Name subject) {
        return new Typed(Optional.empty(), Interval.ALL, Optional.of(subject));
    }
}
