package io.neuromap.compiler.elaborate;

import io.neuromap.compiler.ast.Argument;
import io.neuromap.compiler.ast.Distribution;
import io.neuromap.compiler.diag.Diagnostic;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.eval.EvaluationException;
import io.neuromap.compiler.eval.Evaluator;
import io.neuromap.compiler.model.Catalog;
import io.neuromap.compiler.source.SourceSpan;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Quantity;
import java.util.List;

/**
 * Turns a distribution as written ({@code gamma(k = 3, mean = 20 ms) clip [5 ms, 80 ms]}) into a
 * {@link Draw}: binds the arguments to a form, evaluates them, converts the alternative forms to
 * the canonical ones and checks that the parameters make a distribution (positive scales,
 * {@code low <= high}, probabilities that sum to something positive).
 *
 * <p>The lognormal {@code (mean, sd)} form is the value-space one:
 * {@code sigma^2 = ln(1 + sd^2 / mean^2)}, {@code mu = ln(mean) - sigma^2 / 2}, so the draws have
 * exactly that mean and sd. {@code gamma(k, mean)} has scale {@code mean / k}.
 */
final class DistributionResolver {
    private DistributionResolver() {
    }

    /**
     * @param expected the dimension the value must have (a parameter's), or null when it is
     *                 whatever the arguments say (a {@code let}, a weight)
     */
    static Draw resolve(Distribution d, ExprSource eval, Dimension expected) throws EvaluationException {
        String family = d.family().name();
        String what = "distribution `" + family + "`";
        ArgumentBinder.BindResult result = ArgumentBinder.bind(Catalog.distribution(family), d.arguments(), d.span(), what);
        if (result.bound().isEmpty()) {
            if (Catalog.distribution(family).isEmpty()) {
                throw fail(DiagnosticCode.UNKNOWN_DISTRIBUTION, d.family().span(), "unknown distribution `" + family + "`",
                        "distributions are " + String.join(", ", Catalog.distributionNames()));
            }
            throw new EvaluationException(result.error().get());
        }
        ArgumentBinder.Bound args = result.bound().get();
        Draw draw = switch (family) {
            case "uniform" -> uniform(args, eval);
            case "normal" -> normal(args, eval);
            case "lognormal" -> lognormal(args, eval, expected);
            case "gamma" -> gamma(args, eval);
            case "exponential" -> exponential(args, eval);
            default -> choice(args, eval);
        };
        if (expected != null && !draw.dimension().equals(expected)) {
            throw fail(DiagnosticCode.UNIT_MISMATCH, d.span(), "this distribution gives " + draw.dimension().describe()
                    + ", expected " + expected.describe(), null);
        }
        if (d.clip().isPresent()) {
            Distribution.Clip clip = d.clip().get();
            double lo = Evaluator.require(eval.value(clip.low()), draw.dimension(), clip.low().span(), "the clip bound").si();
            double hi = Evaluator.require(eval.value(clip.high()), draw.dimension(), clip.high().span(), "the clip bound").si();
            if (lo > hi) {
                throw fail(DiagnosticCode.BAD_DISTRIBUTION, clip.span(), "clip bounds are reversed: the lower bound is above the upper",
                        "write the lower bound first: clip [lo, hi]");
            }
            draw = draw.clipped(lo, hi, clip.effectiveMode() == Distribution.ClipMode.CLAMP);
        }
        return draw;
    }

    private static Draw uniform(ArgumentBinder.Bound args, ExprSource eval) throws EvaluationException {
        Argument lowArg = args.argument("low").get();
        Argument highArg = args.argument("high").get();
        Quantity low = eval.value(lowArg.value());
        Quantity high = Evaluator.require(eval.value(highArg.value()), low.dimension(), highArg.span(), "`high`");
        if (high.si() < low.si()) {
            throw fail(DiagnosticCode.BAD_DISTRIBUTION, highArg.span(), "uniform(low, high) has high " + high + " below low "
                    + low, "swap the bounds");
        }
        return Draw.uniform(low.si(), high.si(), low.dimension());
    }

    private static Draw normal(ArgumentBinder.Bound args, ExprSource eval) throws EvaluationException {
        boolean named = args.form().argument("mean").isPresent();
        Argument meanArg = args.argument(named ? "mean" : "mu").get();
        Argument sdArg = args.argument(named ? "sd" : "sigma").get();
        Quantity mean = eval.value(meanArg.value());
        Quantity sd = Evaluator.require(eval.value(sdArg.value()), mean.dimension(), sdArg.span(), "the standard deviation");
        nonNegative(sd, sdArg.span(), "the standard deviation");
        return Draw.normal(mean.si(), sd.si(), mean.dimension());
    }

    private static Draw lognormal(ArgumentBinder.Bound args, ExprSource eval, Dimension expected) throws EvaluationException {
        if (args.form().argument("mu").isPresent()) {
            Argument muArg = args.argument("mu").get();
            Argument sigmaArg = args.argument("sigma").get();
            double mu = Evaluator.require(eval.value(muArg.value()), Dimension.NONE, muArg.span(),
                    "`mu` of the log-space lognormal").si();
            Quantity sigma = Evaluator.require(eval.value(sigmaArg.value()), Dimension.NONE, sigmaArg.span(),
                    "`sigma` of the log-space lognormal");
            nonNegative(sigma, sigmaArg.span(), "`sigma`");
            Quantity scale = args.argument("scale").isPresent()
                    ? eval.value(args.argument("scale").get().value())
                    : new Quantity(1.0, expected == null ? Dimension.NONE : expected);
            if (args.argument("scale").isPresent() && !(scale.si() > 0)) {
                throw fail(DiagnosticCode.BAD_DISTRIBUTION, args.argument("scale").get().span(), "`scale` must be positive, found "
                        + scale, null);
            }
            return Draw.lognormal(mu, sigma.si(), scale.si(), scale.dimension());
        }
        Argument meanArg = args.argument("mean").get();
        Argument sdArg = args.argument("sd").get();
        Quantity mean = eval.value(meanArg.value());
        Quantity sd = Evaluator.require(eval.value(sdArg.value()), mean.dimension(), sdArg.span(), "the standard deviation");
        if (!(mean.si() > 0)) {
            throw fail(DiagnosticCode.BAD_DISTRIBUTION, meanArg.span(), "a lognormal's mean must be positive, found " + mean,
                    "a lognormal value is always positive; use normal(...) for values of either sign");
        }
        nonNegative(sd, sdArg.span(), "the standard deviation");
        double cv = sd.si() / mean.si();
        double sigma2 = StrictMath.log1p(cv * cv);
        return Draw.lognormal(StrictMath.log(mean.si()) - sigma2 / 2, Math.sqrt(sigma2), 1.0, mean.dimension());
    }

    private static Draw gamma(ArgumentBinder.Bound args, ExprSource eval) throws EvaluationException {
        Argument kArg = args.argument("k").get();
        double k = Evaluator.require(eval.value(kArg.value()), Dimension.NONE, kArg.span(), "the shape `k`").si();
        if (!(k > 0)) {
            throw fail(DiagnosticCode.BAD_DISTRIBUTION, kArg.span(), "the gamma shape `k` must be positive, found "
                    + Quantity.of(k), null);
        }
        boolean byMean = args.form().argument("mean").isPresent();
        Argument scaleArg = args.argument(byMean ? "mean" : "theta").get();
        Quantity scale = eval.value(scaleArg.value());
        if (!(scale.si() > 0)) {
            throw fail(DiagnosticCode.BAD_DISTRIBUTION, scaleArg.span(), "the gamma " + (byMean ? "mean" : "scale `theta`")
                    + " must be positive, found " + scale, null);
        }
        return Draw.gamma(k, byMean ? scale.si() / k : scale.si(), scale.dimension());
    }

    private static Draw exponential(ArgumentBinder.Bound args, ExprSource eval) throws EvaluationException {
        Argument betaArg = args.argument("beta").get();
        Quantity beta = eval.value(betaArg.value());
        if (!(beta.si() > 0)) {
            throw fail(DiagnosticCode.BAD_DISTRIBUTION, betaArg.span(), "the exponential mean `beta` must be positive, found "
                    + beta, null);
        }
        return Draw.exponential(beta.si(), beta.dimension());
    }

    private static Draw choice(ArgumentBinder.Bound args, ExprSource eval) throws EvaluationException {
        Argument valuesArg = args.argument("values").get();
        List<Quantity> values = eval.list(valuesArg.value());
        if (values.isEmpty()) {
            throw fail(DiagnosticCode.BAD_DISTRIBUTION, valuesArg.span(), "choice needs at least one value", null);
        }
        Dimension d = values.get(0).dimension();
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Evaluator.require(values.get(i), d, valuesArg.span(), "every value of choice").si();
        }
        double[] p = new double[v.length];
        if (args.argument("p").isPresent()) {
            Argument pArg = args.argument("p").get();
            List<Quantity> ps = eval.list(pArg.value());
            if (ps.size() != v.length) {
                throw fail(DiagnosticCode.BAD_DISTRIBUTION, pArg.span(), "choice has " + v.length + " values but " + ps.size()
                        + " probabilities", "give one probability per value");
            }
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                p[i] = Evaluator.require(ps.get(i), Dimension.NONE, pArg.span(), "a probability").si();
                if (p[i] < 0) {
                    throw fail(DiagnosticCode.BAD_PROBABILITY, pArg.span(), "probability " + Quantity.of(p[i])
                            + " is negative", null);
                }
                sum += p[i];
            }
            if (!(sum > 0)) {
                throw fail(DiagnosticCode.BAD_PROBABILITY, pArg.span(), "the probabilities of choice sum to 0", null);
            }
        } else {
            java.util.Arrays.fill(p, 1.0);
        }
        return Draw.choice(v, p, d);
    }

    private static void nonNegative(Quantity q, SourceSpan span, String what) throws EvaluationException {
        if (q.si() < 0) {
            throw fail(DiagnosticCode.BAD_DISTRIBUTION, span, what + " must not be negative, found " + q, null);
        }
    }

    private static EvaluationException fail(DiagnosticCode code, SourceSpan span, String message, String help) {
        return new EvaluationException(new Diagnostic(code, span, message, help));
    }
}
