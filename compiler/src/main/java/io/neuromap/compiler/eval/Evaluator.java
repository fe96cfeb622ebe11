package io.neuromap.compiler.eval;

import io.neuromap.compiler.ast.Argument;
import io.neuromap.compiler.ast.Expr;
import io.neuromap.compiler.ast.Identifier;
import io.neuromap.compiler.diag.Diagnostic;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Suggestions;
import io.neuromap.compiler.model.Catalog;
import io.neuromap.compiler.source.SourceSpan;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Quantity;
import io.neuromap.compiler.units.Unit;
import io.neuromap.compiler.units.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates expressions to SI quantities with dimension checking: {@code -65 mV + 15 mV * r^2}
 * with {@code r} dimensionless gives a voltage; {@code 5 mV + 2 ms} is an error. Used for
 * constants and sizes in the front end, and per neuron during elaboration. Stateless.
 */
public final class Evaluator {
    private Evaluator() {
    }

    /** The value of a scalar expression. */
    public static Quantity evaluate(Expr expr, Scope scope) throws EvaluationException {
        if (expr instanceof Expr.Number n) {
            return number(n);
        }
        if (expr instanceof Expr.Paren p) {
            return evaluate(p.inner(), scope);
        }
        if (expr instanceof Expr.Name n) {
            return scope.lookup(n.name()).orElseThrow(() -> fail(DiagnosticCode.UNKNOWN_NAME, n.span(),
                    "unknown name `" + n.name().text() + "`", Suggestions.help(n.name().text(), scope.visibleNames())));
        }
        if (expr instanceof Expr.Concentration c) {
            return scope.concentration(c.modulator().name()).orElseThrow(() -> fail(
                    DiagnosticCode.UNKNOWN_MODULATOR, c.span(),
                    "`[" + c.modulator().name() + "]` is not a modulator concentration available here",
                    "concentrations can be used in pathway effects, of modulators declared in the network"));
        }
        if (expr instanceof Expr.Unary u) {
            Quantity q = evaluate(u.operand(), scope);
            return u.op() == Expr.UnaryOp.NEGATE ? new Quantity(-q.si(), q.dimension()) : q;
        }
        if (expr instanceof Expr.Binary b) {
            return binary(b, scope);
        }
        if (expr instanceof Expr.Call c) {
            return call(c, scope);
        }
        if (expr instanceof Expr.Str s) {
            throw fail(DiagnosticCode.TYPE_MISMATCH, s.span(), "expected a number, found a string", null);
        }
        throw fail(DiagnosticCode.TYPE_MISMATCH, expr.span(), "expected a single value, found a list",
                "lists are accepted only by choice(...), spike_times and similar list parameters");
    }

    /** The elements of a list expression ({@code [1 ms, 5 ms]}); a scalar is a one-element list. */
    public static List<Quantity> evaluateList(Expr expr, Scope scope) throws EvaluationException {
        Expr e = expr;
        while (e instanceof Expr.Paren p) {
            e = p.inner();
        }
        List<Quantity> out = new ArrayList<>();
        if (e instanceof Expr.ListOf l) {
            for (Expr element : l.elements()) {
                out.add(evaluate(element, scope));
            }
        } else if (e instanceof Expr.Concentration c && scope.concentration(c.modulator().name()).isEmpty()) {
            // "[x]" parses as a concentration; outside effects it is a one-element list of a name.
            out.add(evaluate(new Expr.Name(new io.neuromap.compiler.ast.QualifiedName(List.of(c.modulator()),
                    c.modulator().span()), c.modulator().span()), scope));
        } else {
            out.add(evaluate(e, scope));
        }
        return out;
    }

    /** The value of a literal quantity, e.g. {@code 20 ms}. */
    public static Quantity number(Expr.Number n) throws EvaluationException {
        if (!Double.isFinite(n.value())) {
            throw fail(DiagnosticCode.INVALID_NUMBER, n.span(), "number `" + n.text() + "` is out of range", null);
        }
        if (n.unit().isEmpty()) {
            return Quantity.of(n.value());
        }
        Identifier u = n.unit().get();
        Optional<Unit> unit = Units.lookup(u.name());
        if (unit.isEmpty()) {
            throw fail(DiagnosticCode.UNKNOWN_UNIT, u.span(), "unknown unit `" + u.name() + "`",
                    Suggestions.closest(u.name(), Units.symbols()).map(s -> "did you mean `" + s + "`?")
                            .orElse("to multiply by a name write `" + n.text() + " * " + u.name() + "`; units are "
                                    + String.join(", ", Units.symbols())));
        }
        return new Quantity(n.value() * unit.get().factor(), unit.get().dimension());
    }

    /** Checks that {@code q} has {@code expected} dimension; {@code what} names the value in the message. */
    public static Quantity require(Quantity q, Dimension expected, SourceSpan span, String what) throws EvaluationException {
        if (!q.dimension().equals(expected)) {
            String example = Units.displayUnit(expected).map(u -> "write " + describeExample(expected, u)).orElse(null);
            throw fail(DiagnosticCode.UNIT_MISMATCH, span, what + " expects " + expected.describe() + ", found "
                    + q.dimension().describe() + " (" + q + ")", example);
        }
        return q;
    }

    private static String describeExample(Dimension d, Unit u) {
        return d.describe().replaceFirst("^an? ", "") + " with a unit, e.g. `1 " + u.symbol() + "`";
    }

    private static Quantity binary(Expr.Binary b, Scope scope) throws EvaluationException {
        Quantity l = evaluate(b.left(), scope);
        Quantity r = evaluate(b.right(), scope);
        Quantity result = switch (b.op()) {
            case ADD, SUBTRACT, MODULO -> {
                if (!l.dimension().equals(r.dimension())) {
                    throw fail(DiagnosticCode.INCOMPATIBLE_UNITS, b.span(), "cannot " + verb(b.op()) + " "
                            + l.dimension().describe() + " (" + l + ") and " + r.dimension().describe() + " (" + r + ")",
                            "both sides of `" + b.op().symbol() + "` must have the same unit");
                }
                double v = switch (b.op()) {
                    case ADD -> l.si() + r.si();
                    case SUBTRACT -> l.si() - r.si();
                    default -> l.si() % r.si();
                };
                yield new Quantity(v, l.dimension());
            }
            case MULTIPLY -> new Quantity(l.si() * r.si(), l.dimension().times(r.dimension()));
            case DIVIDE -> new Quantity(l.si() / r.si(), l.dimension().divide(r.dimension()));
            case POWER -> power(b, l, r);
        };
        if (!Double.isFinite(result.si())) {
            throw fail(DiagnosticCode.NOT_FINITE, b.span(), "this expression evaluates to " + result.si(),
                    b.op() == Expr.BinaryOp.DIVIDE ? "the divisor is zero" : null);
        }
        return result;
    }

    private static String verb(Expr.BinaryOp op) {
        return switch (op) {
            case ADD -> "add";
            case SUBTRACT -> "subtract";
            default -> "take the remainder of";
        };
    }

    private static Quantity power(Expr.Binary b, Quantity base, Quantity exponent) throws EvaluationException {
        if (!exponent.dimension().isNone()) {
            throw fail(DiagnosticCode.DIMENSIONLESS_REQUIRED, b.right().span(), "an exponent must be dimensionless, found "
                    + exponent.dimension().describe(), null);
        }
        if (base.dimension().isNone()) {
            return Quantity.of(StrictMath.pow(base.si(), exponent.si()));
        }
        double n = exponent.si();
        if (n != Math.rint(n) || Math.abs(n) > 8) {
            throw fail(DiagnosticCode.DIMENSIONLESS_REQUIRED, b.right().span(),
                    "a quantity with a unit can only be raised to a small whole power, found " + Units.formatNumber(n), null);
        }
        return new Quantity(StrictMath.pow(base.si(), n), base.dimension().pow((int) n));
    }

    private static Quantity call(Expr.Call c, Scope scope) throws EvaluationException {
        String name = c.call().name().name();
        if (Catalog.function(name).isEmpty()) {
            throw fail(DiagnosticCode.UNKNOWN_FUNCTION, c.call().name().span(), "unknown function `" + name + "`",
                    Suggestions.help(name, Catalog.functionNames()));
        }
        List<Argument> args = c.call().arguments();
        int expected = Catalog.function(name).get(0).arguments().size();
        if (args.size() != expected) {
            throw fail(DiagnosticCode.BAD_ARGUMENTS, c.span(), "`" + name + "` takes " + expected + " argument"
                    + (expected == 1 ? "" : "s") + ", found " + args.size(), "write " + Catalog.function(name).get(0).usage());
        }
        Quantity a = evaluate(args.get(0).value(), scope);
        Quantity result = switch (name) {
            case "sqrt" -> {
                Dimension d = a.dimension();
                if (d.time() % 2 != 0 || d.current() % 2 != 0 || d.voltage() % 2 != 0) {
                    throw fail(DiagnosticCode.UNIT_MISMATCH, c.span(), "cannot take the square root of " + d.describe(), null);
                }
                yield new Quantity(StrictMath.sqrt(a.si()), new Dimension(d.time() / 2, d.current() / 2, d.voltage() / 2));
            }
            case "abs" -> new Quantity(Math.abs(a.si()), a.dimension());
            case "min", "max" -> {
                Quantity b = evaluate(args.get(1).value(), scope);
                if (!a.dimension().equals(b.dimension())) {
                    throw fail(DiagnosticCode.INCOMPATIBLE_UNITS, c.span(), "`" + name + "` of " + a.dimension().describe()
                            + " and " + b.dimension().describe(), "both arguments must have the same unit");
                }
                yield new Quantity(name.equals("min") ? Math.min(a.si(), b.si()) : Math.max(a.si(), b.si()), a.dimension());
            }
            default -> {
                if (!a.dimension().isNone()) {
                    throw fail(DiagnosticCode.DIMENSIONLESS_REQUIRED, args.get(0).span(), "`" + name
                            + "` needs a dimensionless argument, found " + a.dimension().describe(),
                            "divide by a unit first, e.g. " + name + "(t / 1 ms)");
                }
                double x = a.si();
                yield Quantity.of(switch (name) {
                    case "exp" -> StrictMath.exp(x);
                    case "log" -> StrictMath.log(x);
                    case "floor" -> Math.floor(x);
                    case "ceil" -> Math.ceil(x);
                    default -> Math.rint(x);
                });
            }
        };
        if (!Double.isFinite(result.si())) {
            throw fail(DiagnosticCode.NOT_FINITE, c.span(), "`" + name + "` evaluates to " + result.si() + " here", null);
        }
        return result;
    }

    private static EvaluationException fail(DiagnosticCode code, SourceSpan span, String message, String help) {
        return new EvaluationException(new Diagnostic(code, span, message, Optional.ofNullable(help)));
    }
}
