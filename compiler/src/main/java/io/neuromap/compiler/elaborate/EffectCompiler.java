package io.neuromap.compiler.elaborate;

import io.neuromap.compiler.ast.Argument;
import io.neuromap.compiler.ast.Expr;
import io.neuromap.compiler.diag.Diagnostic;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.eval.EvaluationException;
import io.neuromap.compiler.eval.Evaluator;
import io.neuromap.compiler.eval.Scope;
import io.neuromap.compiler.ir.IrExpr;
import io.neuromap.compiler.source.SourceSpan;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compiles the value of a pathway effect ({@code 1 + 0.5 * [DA]}) to an {@link IrExpr}: every
 * sub-expression without a concentration is evaluated now (units checked, converted to SI), the
 * rest becomes a small tree over concentrations (dimensionless) with its dimension worked out by
 * the same rules as the {@link Evaluator}.
 */
final class EffectCompiler {
    private final Scope constants;
    private final Map<String, Integer> modulators;

    /** @param modulators modulator index by name */
    EffectCompiler(Scope constants, Map<String, Integer> modulators) {
        this.constants = constants;
        this.modulators = modulators;
    }

    /** A compiled expression with its dimension. */
    record Compiled(IrExpr expr, Dimension dimension) {
    }

    Compiled compile(Expr e) throws EvaluationException {
        if (!readsConcentration(e)) {
            Quantity q = Evaluator.evaluate(e, constants);
            return new Compiled(new IrExpr.Constant(q.si()), q.dimension());
        }
        if (e instanceof Expr.Paren p) {
            return compile(p.inner());
        }
        if (e instanceof Expr.Concentration c) {
            Integer index = modulators.get(c.modulator().name());
            if (index == null) {
                throw fail(DiagnosticCode.UNKNOWN_MODULATOR, c.span(), "unknown modulator `" + c.modulator().name() + "`",
                        io.neuromap.compiler.diag.Suggestions.help(c.modulator().name(), modulators.keySet()));
            }
            return new Compiled(new IrExpr.Concentration(index, c.modulator().name()), Dimension.NONE);
        }
        if (e instanceof Expr.Unary u) {
            Compiled operand = compile(u.operand());
            return u.op() == Expr.UnaryOp.NEGATE ? new Compiled(new IrExpr.Negate(operand.expr()), operand.dimension())
                    : operand;
        }
        if (e instanceof Expr.Binary b) {
            return binary(b);
        }
        if (e instanceof Expr.Call c) {
            return call(c);
        }
        throw fail(DiagnosticCode.TYPE_MISMATCH, e.span(), "an effect's value must be a number", null);
    }

    private Compiled binary(Expr.Binary b) throws EvaluationException {
        Compiled l = compile(b.left());
        Compiled r = compile(b.right());
        switch (b.op()) {
            case ADD:
            case SUBTRACT:
            case MODULO:
                if (!l.dimension().equals(r.dimension())) {
                    throw fail(DiagnosticCode.INCOMPATIBLE_UNITS, b.span(), "cannot combine " + l.dimension().describe()
                            + " and " + r.dimension().describe() + " with `" + b.op().symbol() + "`",
                            "both sides of `" + b.op().symbol() + "` must have the same unit");
                }
                IrExpr.Op op = b.op() == Expr.BinaryOp.ADD ? IrExpr.Op.ADD
                        : b.op() == Expr.BinaryOp.SUBTRACT ? IrExpr.Op.SUB : IrExpr.Op.MOD;
                return new Compiled(new IrExpr.Binary(op, l.expr(), r.expr()), l.dimension());
            case MULTIPLY:
                return new Compiled(new IrExpr.Binary(IrExpr.Op.MUL, l.expr(), r.expr()), l.dimension().times(r.dimension()));
            case DIVIDE:
                return new Compiled(new IrExpr.Binary(IrExpr.Op.DIV, l.expr(), r.expr()), l.dimension().divide(r.dimension()));
            default:
                if (!r.dimension().isNone()) {
                    throw fail(DiagnosticCode.DIMENSIONLESS_REQUIRED, b.right().span(), "an exponent must be dimensionless", null);
                }
                if (l.dimension().isNone()) {
                    return new Compiled(new IrExpr.Binary(IrExpr.Op.POW, l.expr(), r.expr()), Dimension.NONE);
                }
                if (!(r.expr() instanceof IrExpr.Constant c) || c.value() != Math.rint(c.value()) || Math.abs(c.value()) > 8) {
                    throw fail(DiagnosticCode.DIMENSIONLESS_REQUIRED, b.right().span(),
                            "a quantity with a unit can only be raised to a small whole constant power", null);
                }
                return new Compiled(new IrExpr.Binary(IrExpr.Op.POW, l.expr(), r.expr()), l.dimension().pow((int) c.value()));
        }
    }

    private Compiled call(Expr.Call c) throws EvaluationException {
        String name = c.call().name().name();
        IrExpr.Function f = IrExpr.Function.fromWord(name).orElseThrow(() -> fail(DiagnosticCode.UNKNOWN_FUNCTION,
                c.call().name().span(), "unknown function `" + name + "`", null));
        List<Argument> args = c.call().arguments();
        if (args.size() != f.arity()) {
            throw fail(DiagnosticCode.BAD_ARGUMENTS, c.span(), "`" + name + "` takes " + f.arity() + " argument"
                    + (f.arity() == 1 ? "" : "s") + ", found " + args.size(), null);
        }
        List<IrExpr> compiled = new ArrayList<>();
        List<Dimension> dims = new ArrayList<>();
        for (Argument a : args) {
            Compiled x = compile(a.value());
            compiled.add(x.expr());
            dims.add(x.dimension());
        }
        Dimension d = dims.get(0);
        Dimension result;
        switch (f) {
            case ABS:
                result = d;
                break;
            case MIN:
            case MAX:
                if (!d.equals(dims.get(1))) {
                    throw fail(DiagnosticCode.INCOMPATIBLE_UNITS, c.span(), "`" + name + "` of " + d.describe() + " and "
                            + dims.get(1).describe(), "both arguments must have the same unit");
                }
                result = d;
                break;
            case SQRT:
                if (d.time() % 2 != 0 || d.current() % 2 != 0 || d.voltage() % 2 != 0) {
                    throw fail(DiagnosticCode.UNIT_MISMATCH, c.span(), "cannot take the square root of " + d.describe(), null);
                }
                result = new Dimension(d.time() / 2, d.current() / 2, d.voltage() / 2);
                break;
            default:
                if (!d.isNone()) {
                    throw fail(DiagnosticCode.DIMENSIONLESS_REQUIRED, args.get(0).span(), "`" + name
                            + "` needs a dimensionless argument, found " + d.describe(), null);
                }
                result = Dimension.NONE;
        }
        return new Compiled(new IrExpr.Call(f, compiled), result);
    }

    private static boolean readsConcentration(Expr e) {
        if (e instanceof Expr.Concentration) {
            return true;
        }
        if (e instanceof Expr.Paren p) {
            return readsConcentration(p.inner());
        }
        if (e instanceof Expr.Unary u) {
            return readsConcentration(u.operand());
        }
        if (e instanceof Expr.Binary b) {
            return readsConcentration(b.left()) || readsConcentration(b.right());
        }
        if (e instanceof Expr.Call c) {
            for (Argument a : c.call().arguments()) {
                if (readsConcentration(a.value())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static EvaluationException fail(DiagnosticCode code, SourceSpan span, String message, String help) {
        return new EvaluationException(new Diagnostic(code, span, message, help));
    }
}
