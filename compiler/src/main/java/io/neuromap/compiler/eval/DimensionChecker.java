package io.neuromap.compiler.eval;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.Argument;
import io.neuromap.compiler.ast.Expr;
import io.neuromap.compiler.ast.QualifiedName;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.diag.Suggestions;
import io.neuromap.compiler.model.Catalog;
import io.neuromap.compiler.model.Signature;
import io.neuromap.compiler.source.SourceSpan;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks an expression without drawing any neuron: its dimension, the interval of values it can
 * take, and whether it is the same for every neuron. Parts that are constant are evaluated by
 * {@link Evaluator} (one definition of units and arithmetic); parts that use per-neuron names are
 * checked with the same dimension rules and with {@link Interval} arithmetic, which also finds
 * divisions that can be by zero and logarithms of values that can be negative for some neuron.
 *
 * <p>Never throws: every problem is reported into the {@link Diagnostics} and the result is then
 * {@link Typed#error()}, which later checks skip (one mistake, one diagnostic). Also reports
 * {@code µ}-spelt units (NM-W0004), once per literal.
 */
public final class DimensionChecker {
    private final TypeScope scope;
    private final Diagnostics diagnostics;

    private DimensionChecker(TypeScope scope, Diagnostics diagnostics) {
        this.scope = requireNonNull(scope, "scope is null");
        this.diagnostics = requireNonNull(diagnostics, "diagnostics is null");
    }

    /** What is known of a scalar expression; problems are reported. */
    public static Typed check(Expr expr, TypeScope scope, Diagnostics diagnostics) {
        reportSpellings(expr, diagnostics);
        return new DimensionChecker(scope, diagnostics).type(expr);
    }

    /**
     * The elements of a list value ({@code [1 ms, 5 ms]}); a scalar is a one-element list, and
     * outside pathway effects {@code [x]} is the one-element list of {@code x}.
     */
    public static List<Typed> checkList(Expr expr, TypeScope scope, Diagnostics diagnostics) {
        reportSpellings(expr, diagnostics);
        DimensionChecker checker = new DimensionChecker(scope, diagnostics);
        Expr e = expr;
        while (e instanceof Expr.Paren p) {
            e = p.inner();
        }
        List<Typed> out = new ArrayList<>();
        if (e instanceof Expr.ListOf l) {
            for (Expr element : l.elements()) {
                out.add(checker.type(element));
            }
        } else if (e instanceof Expr.Concentration c && !scope.allowsConcentrations()) {
            out.add(checker.type(new Expr.Name(new QualifiedName(List.of(c.modulator()), c.modulator().span()),
                    c.modulator().span())));
        } else {
            out.add(checker.type(e));
        }
        return out;
    }

    /** How analysis names a per-neuron reference in messages: {@code `r`} or {@code `[DA]`}. */
    public static String describe(Expr cause) {
        if (cause instanceof Expr.Name n) {
            return "`" + n.name().text() + "`";
        }
        if (cause instanceof Expr.Concentration c) {
            return "`[" + c.modulator().name() + "]`";
        }
        return "this value";
    }

    private Typed type(Expr e) {
        if (isConstant(e)) {
            try {
                return Typed.constant(Evaluator.evaluate(e, scope.values()));
            } catch (EvaluationException ex) {
                diagnostics.report(ex.diagnostic());
                return Typed.error();
            }
        }
        if (e instanceof Expr.Paren p) {
            return type(p.inner());
        }
        if (e instanceof Expr.Name n) {
            return name(n);
        }
        if (e instanceof Expr.Concentration c) {
            return concentration(c);
        }
        if (e instanceof Expr.Unary u) {
            Typed t = type(u.operand());
            if (t.isError() || u.op() == Expr.UnaryOp.PLUS) {
                return t;
            }
            return new Typed(t.dimension(), t.range().negate(), t.dynamicCause());
        }
        if (e instanceof Expr.Binary b) {
            return binary(b);
        }
        if (e instanceof Expr.Call c) {
            return call(c);
        }
        diagnostics.report(DiagnosticCode.TYPE_MISMATCH, e.span(), "expected a single value here", null);
        return Typed.error();
    }

    /** True if the expression has no per-neuron or unknown part, so that {@link Evaluator} can compute it. */
    private boolean isConstant(Expr e) {
        if (e instanceof Expr.Number || e instanceof Expr.Str || e instanceof Expr.ListOf) {
            return true;
        }
        if (e instanceof Expr.Paren p) {
            return isConstant(p.inner());
        }
        if (e instanceof Expr.Name n) {
            return scope.lookup(n.name()).map(Typed::isConstant).orElse(false);
        }
        if (e instanceof Expr.Unary u) {
            return isConstant(u.operand());
        }
        if (e instanceof Expr.Binary b) {
            return isConstant(b.left()) && isConstant(b.right());
        }
        if (e instanceof Expr.Call c) {
            if (Catalog.function(c.call().name().name()).isEmpty()) {
                return false;
            }
            for (Argument a : c.call().arguments()) {
                if (!isConstant(a.value())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private Typed name(Expr.Name n) {
        Optional<Typed> t = scope.lookup(n.name());
        if (t.isPresent()) {
            return t.get().causedBy(n);
        }
        String text = n.name().text();
        String help = scope.unknownNameHelp(n.name()).orElseGet(() -> Suggestions.closest(text, scope.visibleNames())
                .map(s -> "did you mean `" + s + "`?")
                .orElse("a name here must be a constant, a `let` variable or a parameter bound earlier in the same body"));
        diagnostics.report(DiagnosticCode.UNKNOWN_NAME, n.span(), "unknown name `" + text + "`", help);
        return Typed.error();
    }

    private Typed concentration(Expr.Concentration c) {
        String name = c.modulator().name();
        if (!scope.allowsConcentrations()) {
            diagnostics.report(DiagnosticCode.UNKNOWN_MODULATOR, c.span(),
                    "`[" + name + "]` is a modulator concentration, which is only defined in pathway effects",
                    "for a one-element list write `[" + name + ",]`");
            return Typed.error();
        }
        Optional<Typed> t = scope.concentration(c.modulator());
        if (t.isPresent()) {
            return t.get().causedBy(c);
        }
        diagnostics.report(DiagnosticCode.UNKNOWN_MODULATOR, c.modulator().span(), "unknown modulator `" + name + "`",
                Suggestions.closest(name, scope.modulatorNames()).map(s -> "did you mean `" + s + "`?")
                        .orElse("declare it in the network: modulator " + name + " { source ...; }"));
        return Typed.error();
    }

    private Typed binary(Expr.Binary b) {
        Typed l = type(b.left());
        Typed r = type(b.right());
        Optional<Expr> cause = l.dynamicCause().or(r::dynamicCause);
        if (l.isError() || r.isError()) {
            return failed(cause);
        }
        Dimension ld = l.dimension().get();
        Dimension rd = r.dimension().get();
        switch (b.op()) {
            case ADD:
            case SUBTRACT:
            case MODULO:
                if (!ld.equals(rd)) {
                    diagnostics.report(DiagnosticCode.INCOMPATIBLE_UNITS, b.span(), "cannot combine " + ld.describe()
                            + " and " + rd.describe() + " with `" + b.op().symbol() + "`",
                            "both sides of `" + b.op().symbol() + "` must have the same unit");
                    return failed(cause);
                }
                if (b.op() == Expr.BinaryOp.ADD) {
                    return result(ld, l.range().plus(r.range()), cause);
                }
                if (b.op() == Expr.BinaryOp.SUBTRACT) {
                    return result(ld, l.range().minus(r.range()), cause);
                }
                if (r.range().mayBeZero()) {
                    reportZeroDivisor(b.right(), r);
                    return failed(cause);
                }
                return result(ld, l.range().modulo(r.range()), cause);
            case MULTIPLY:
                return result(ld.times(rd), l.range().times(r.range()), cause);
            case DIVIDE:
                if (r.range().mayBeZero()) {
                    reportZeroDivisor(b.right(), r);
                    return failed(cause);
                }
                return result(ld.divide(rd), l.range().dividedBy(r.range()), cause);
            default:
                return power(b, l, r, cause);
        }
    }

    private Typed power(Expr.Binary b, Typed base, Typed exponent, Optional<Expr> cause) {
        Dimension bd = base.dimension().get();
        if (!exponent.dimension().get().isNone()) {
            diagnostics.report(DiagnosticCode.DIMENSIONLESS_REQUIRED, b.right().span(), "an exponent must be dimensionless, found "
                    + exponent.dimension().get().describe(), null);
            return failed(cause);
        }
        Interval x = base.range();
        Interval e = exponent.range();
        if (exponent.isConstant() && e.lo() == Math.rint(e.lo()) && Math.abs(e.lo()) <= 1e9) {
            int n = (int) e.lo();
            if (!bd.isNone() && Math.abs(n) > 8) {
                diagnostics.report(DiagnosticCode.DIMENSIONLESS_REQUIRED, b.right().span(),
                        "a quantity with a unit can only be raised to a small whole power, found " + n, null);
                return failed(cause);
            }
            if (n < 0 && x.mayBeZero()) {
                reportNotFinite(b.left(), base, "raised to a negative power");
                return failed(cause);
            }
            return result(bd.pow(n), x.pow(n), cause);
        }
        if (!bd.isNone()) {
            diagnostics.report(DiagnosticCode.DIMENSIONLESS_REQUIRED, b.right().span(), exponent.isConstant()
                    ? "a quantity with a unit can only be raised to a small whole power"
                    : "a quantity with a unit can only be raised to a fixed whole power; "
                            + describe(exponent.dynamicCause().get()) + " differs per neuron", null);
            return failed(cause);
        }
        if (x.mayBeNegative()) {
            reportNotFinite(b.left(), base, "raised to a fractional power");
            return failed(cause);
        }
        if (x.mayBeZero() && e.lo() <= 0) {
            reportNotFinite(b.left(), base, "raised to a power that can be negative");
            return failed(cause);
        }
        return result(Dimension.NONE, x.pow(e), cause);
    }

    private Typed call(Expr.Call c) {
        String name = c.call().name().name();
        List<Signature> forms = Catalog.function(name);
        if (forms.isEmpty()) {
            if (!Catalog.distribution(name).isEmpty()) {
                diagnostics.report(DiagnosticCode.TYPE_MISMATCH, c.span(), "`" + name
                        + "(...)` is a distribution, and `=` binds a single value",
                        "use `~` to sample a value per neuron: name ~ " + name + "(...)");
            } else {
                diagnostics.report(DiagnosticCode.UNKNOWN_FUNCTION, c.call().name().span(), "unknown function `" + name + "`",
                        Suggestions.help(name, Catalog.functionNames()));
            }
            return Typed.error();
        }
        List<Argument> args = c.call().arguments();
        int expected = forms.get(0).arguments().size();
        if (args.size() != expected) {
            diagnostics.report(DiagnosticCode.BAD_ARGUMENTS, c.span(), "`" + name + "` takes " + expected + " argument"
                    + (expected == 1 ? "" : "s") + ", found " + args.size(), "write " + forms.get(0).usage());
            return Typed.error();
        }
        List<Typed> typed = new ArrayList<>();
        Optional<Expr> cause = Optional.empty();
        boolean failed = false;
        for (Argument a : args) {
            Typed t = type(a.value());
            typed.add(t);
            cause = cause.or(t::dynamicCause);
            failed |= t.isError();
        }
        if (failed) {
            return failed(cause);
        }
        Typed a = typed.get(0);
        Dimension d = a.dimension().get();
        Interval x = a.range();
        switch (name) {
            case "sqrt":
                if (d.time() % 2 != 0 || d.current() % 2 != 0 || d.voltage() % 2 != 0) {
                    diagnostics.report(DiagnosticCode.UNIT_MISMATCH, c.span(), "cannot take the square root of " + d.describe(), null);
                    return failed(cause);
                }
                if (x.mayBeNegative()) {
                    reportNotFinite(args.get(0).value(), a, "passed to `sqrt`");
                    return failed(cause);
                }
                return result(new Dimension(d.time() / 2, d.current() / 2, d.voltage() / 2), x.sqrt(), cause);
            case "abs":
                return result(d, x.abs(), cause);
            case "min":
            case "max":
                Typed b = typed.get(1);
                if (!d.equals(b.dimension().get())) {
                    diagnostics.report(DiagnosticCode.INCOMPATIBLE_UNITS, c.span(), "`" + name + "` of " + d.describe()
                            + " and " + b.dimension().get().describe(), "both arguments must have the same unit");
                    return failed(cause);
                }
                return result(d, name.equals("min") ? x.min(b.range()) : x.max(b.range()), cause);
            default:
                if (!d.isNone()) {
                    diagnostics.report(DiagnosticCode.DIMENSIONLESS_REQUIRED, args.get(0).span(), "`" + name
                            + "` needs a dimensionless argument, found " + d.describe(),
                            "divide by a unit first, e.g. " + name + "(t / 1 ms)");
                    return failed(cause);
                }
                switch (name) {
                    case "exp":
                        return result(d, x.exp(), cause);
                    case "log":
                        if (x.mayBeNonPositive()) {
                            reportNotFinite(args.get(0).value(), a, "passed to `log`");
                            return failed(cause);
                        }
                        return result(d, x.log(), cause);
                    case "floor":
                        return result(d, x.monotoneClosed(Math::floor), cause);
                    case "ceil":
                        return result(d, x.monotoneClosed(Math::ceil), cause);
                    default:
                        return result(d, x.monotoneClosed(Math::rint), cause);
                }
        }
    }

    private void reportZeroDivisor(Expr divisor, Typed t) {
        if (t.isConstant()) {
            diagnostics.report(DiagnosticCode.NOT_FINITE, divisor.span(), "division by zero", null);
            return;
        }
        Dimension d = t.dimension().orElse(Dimension.NONE);
        diagnostics.report(DiagnosticCode.NOT_FINITE, divisor.span(), "this divisor can be 0 for some neurons: it depends on "
                + describe(t.dynamicCause().get()) + " and ranges over " + t.range().describe(d),
                "keep it away from zero, e.g. with a clip on the sampled value");
    }

    private void reportNotFinite(Expr operand, Typed t, String what) {
        Dimension d = t.dimension().orElse(Dimension.NONE);
        String where = t.isConstant() ? "" : " (it depends on " + describe(t.dynamicCause().get()) + ")";
        diagnostics.report(DiagnosticCode.NOT_FINITE, operand.span(), "a value in " + t.range().describe(d) + " is " + what
                + ", which is not defined for all of it" + where, "restrict the range, e.g. with a clip on the sampled value");
    }

    private static Typed result(Dimension d, Interval range, Optional<Expr> cause) {
        return new Typed(Optional.of(d), range, cause);
    }

    private static Typed failed(Optional<Expr> cause) {
        return new Typed(Optional.empty(), Interval.ALL, cause);
    }

    /** Warns about {@code µs}/{@code μs} (accepted, but {@code us} is the spelling that works everywhere). */
    private static void reportSpellings(Expr e, Diagnostics diagnostics) {
        if (e instanceof Expr.Number n && n.unit().isPresent()) {
            String u = n.unit().get().name();
            String ascii = Units.asciiSpelling(u);
            if (!ascii.equals(u) && Units.lookup(u).isPresent()) {
                SourceSpan span = n.unit().get().span();
                diagnostics.report(DiagnosticCode.UNIT_SPELLING, span, "`" + u + "` is accepted, but the unit is spelt `"
                        + ascii + "`", "write `" + n.text() + " " + ascii + "`");
            }
        } else if (e instanceof Expr.Paren p) {
            reportSpellings(p.inner(), diagnostics);
        } else if (e instanceof Expr.Unary u) {
            reportSpellings(u.operand(), diagnostics);
        } else if (e instanceof Expr.Binary b) {
            reportSpellings(b.left(), diagnostics);
            reportSpellings(b.right(), diagnostics);
        } else if (e instanceof Expr.Call c) {
            for (Argument a : c.call().arguments()) {
                reportSpellings(a.value(), diagnostics);
            }
        } else if (e instanceof Expr.ListOf l) {
            for (Expr element : l.elements()) {
                reportSpellings(element, diagnostics);
            }
        }
    }
}
