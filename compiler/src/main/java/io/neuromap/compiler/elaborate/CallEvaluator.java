package io.neuromap.compiler.elaborate;

import io.neuromap.compiler.ast.Argument;
import io.neuromap.compiler.ast.Expr;
import io.neuromap.compiler.ast.Invocation;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.ir.EvaluatedCall;
import io.neuromap.compiler.model.ArgKind;
import io.neuromap.compiler.model.ArgSpec;
import io.neuromap.compiler.model.Signature;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Quantity;
import io.neuromap.compiler.units.Units;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates the arguments of a catalog call (connector, plasticity rule, stimulus source,
 * response function) from constants: numbers to SI with the dimension their kind demands, words
 * and strings as written, defaults filled in. List arguments are left to the caller (only
 * {@code spike_times} has one), which reads them from {@link Evaluated#bound()}.
 */
final class CallEvaluator {
    private CallEvaluator() {
    }

    /** The evaluated call and the raw binding (for list arguments). */
    record Evaluated(EvaluatedCall call, ArgumentBinder.Bound bound) {
    }

    /**
     * @param what the kind of thing, for messages ("connector")
     * @return empty after reporting when the call cannot be evaluated
     */
    static Optional<Evaluated> evaluate(ElaborationContext ctx, Invocation inv, List<Signature> forms, String what,
            DiagnosticCode unknownCode, List<String> known) {
        return evaluate(ctx, inv, forms, what, unknownCode, known, 1.0);
    }

    /**
     * @param plainLikeTarget what a plain-number {@link ArgKind#LIKE_TARGET} argument (or default) is
     *                        multiplied by: the weight bounds of a plasticity rule are weights, so
     *                        plain numbers are nA like weights
     */
    static Optional<Evaluated> evaluate(ElaborationContext ctx, Invocation inv, List<Signature> forms, String what,
            DiagnosticCode unknownCode, List<String> known, double plainLikeTarget) {
        Diagnostics diagnostics = ctx.diagnostics();
        String name = inv.name().name();
        if (forms.isEmpty()) {
            diagnostics.report(unknownCode, inv.name().span(), "unknown " + what + " `" + name + "`",
                    io.neuromap.compiler.diag.Suggestions.help(name, known));
            return Optional.empty();
        }
        ArgumentBinder.BindResult result = ArgumentBinder.bind(forms, inv.arguments(), inv.span(), what + " `" + name + "`");
        if (result.bound().isEmpty()) {
            diagnostics.report(result.error().get());
            return Optional.empty();
        }
        ArgumentBinder.Bound bound = result.bound().get();
        Map<String, Double> numbers = new LinkedHashMap<>();
        Map<String, String> words = new LinkedHashMap<>();
        boolean ok = true;
        for (ArgSpec spec : bound.form().arguments()) {
            Optional<Argument> arg = bound.argument(spec.name());
            if (isList(spec.kind())) {
                continue;
            }
            if (arg.isEmpty()) {
                Object d = spec.defaultValue().orElse(null);
                if (d instanceof Double v) {
                    numbers.put(spec.name(), spec.kind() == ArgKind.LIKE_TARGET ? v * plainLikeTarget : v);
                } else if (d instanceof Integer v) {
                    numbers.put(spec.name(), v.doubleValue());
                } else if (d instanceof String s) {
                    words.put(spec.name(), s);
                }
                continue;
            }
            Expr value = arg.get().value();
            if (spec.kind() == ArgKind.STRING || spec.kind() == ArgKind.WORD) {
                Optional<String> text = text(value, spec.kind());
                if (text.isEmpty() || (!spec.words().isEmpty() && !spec.words().contains(text.get()))) {
                    diagnostics.report(DiagnosticCode.TYPE_MISMATCH, value.span(), "`" + spec.name() + "` of `" + name
                            + "` expects " + (spec.words().isEmpty() ? spec.kind().description()
                            : "one of " + String.join(", ", spec.words())), null);
                    ok = false;
                } else {
                    words.put(spec.name(), text.get());
                }
                continue;
            }
            Optional<Quantity> q = ctx.constant(value, dimension(spec.kind()), "`" + spec.name() + "` of `" + name + "`");
            if (q.isEmpty()) {
                ok = false;
                continue;
            }
            double v = q.get().si();
            if (spec.kind() == ArgKind.PROBABILITY && !(v >= 0 && v <= 1)) {
                diagnostics.report(DiagnosticCode.BAD_PROBABILITY, value.span(), "`" + spec.name() + "` of `" + name
                        + "` is " + Units.formatNumber(v) + ", outside [0, 1]", null);
                ok = false;
            } else if (spec.kind() == ArgKind.COUNT && !(v >= 0 && v == Math.rint(v) && v <= Integer.MAX_VALUE)) {
                diagnostics.report(DiagnosticCode.OUT_OF_DOMAIN, value.span(), "`" + spec.name() + "` of `" + name
                        + "` must be a whole number >= 0, found " + Units.formatNumber(v), null);
                ok = false;
            } else {
                boolean plain = spec.kind() == ArgKind.LIKE_TARGET && q.get().dimension().isNone();
                numbers.put(spec.name(), plain ? v * plainLikeTarget : v);
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new Evaluated(new EvaluatedCall(name, numbers, words, inv.span()), bound));
    }

    private static boolean isList(ArgKind k) {
        return k == ArgKind.LIST_DIMENSIONLESS || k == ArgKind.LIST_LIKE_TARGET || k == ArgKind.LIST_TIME;
    }

    /** The dimension a number of this kind must have; null when any (LIKE_TARGET). */
    static Dimension dimension(ArgKind kind) {
        return switch (kind) {
            case TIME -> Dimension.TIME;
            case FREQUENCY -> Dimension.FREQUENCY;
            case CURRENT -> Dimension.CURRENT;
            case LIKE_TARGET -> null;
            default -> Dimension.NONE;
        };
    }

    /** A word ({@code true}, {@code additive}) or a string literal. */
    private static Optional<String> text(Expr e, ArgKind kind) {
        Expr x = e;
        while (x instanceof Expr.Paren p) {
            x = p.inner();
        }
        if (x instanceof Expr.Str s) {
            return Optional.of(s.value());
        }
        if (kind == ArgKind.WORD && x instanceof Expr.Name n) {
            return Optional.of(n.name().text());
        }
        return Optional.empty();
    }
}
