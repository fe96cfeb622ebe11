package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.Argument;
import io.neuromap.compiler.ast.Expr;
import io.neuromap.compiler.ast.Identifier;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.diag.Suggestions;
import io.neuromap.compiler.eval.DimensionChecker;
import io.neuromap.compiler.eval.TypeScope;
import io.neuromap.compiler.eval.Typed;
import io.neuromap.compiler.model.ArgKind;
import io.neuromap.compiler.model.ArgSpec;
import io.neuromap.compiler.model.Domain;
import io.neuromap.compiler.model.Signature;
import io.neuromap.compiler.source.SourceSpan;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Quantity;
import io.neuromap.compiler.units.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Binds the arguments of a call ({@code fixed_prob(0.1)}, {@code gamma(k = 3, mean = 20 ms)},
 * {@code stdp(tau_plus = 20 ms)}) to one of the catalog's signatures for that name, then checks
 * each argument's value against its {@link ArgKind}. Positional arguments bind in order; named
 * arguments select the form (gamma's {@code theta} or {@code mean}); positional-only calls bind to
 * the first form.
 *
 * <p>Every argument must be a constant: a call is evaluated once per projection, stimulus or
 * parameter, not per neuron. Domains by kind: probabilities in [0, 1], counts whole and
 * non-negative, times and frequencies non-negative, and times named {@code tau*} positive.
 */
final class ArgumentBinder {
    private final Diagnostics diagnostics;

    ArgumentBinder(Diagnostics diagnostics) {
        this.diagnostics = requireNonNull(diagnostics, "diagnostics is null");
    }

    /** The chosen form and the argument written for each of its parameters. */
    record Bound(Signature signature, Map<String, Argument> given) {
    }

    /** Checked argument values, with the signature's defaults for those not written. */
    static final class Values {
        private final Bound bound;
        private final Map<String, Quantity> numbers = new LinkedHashMap<>();
        private final Map<String, List<Quantity>> lists = new LinkedHashMap<>();
        private final Map<String, String> texts = new LinkedHashMap<>();
        private boolean failed;

        private Values(Bound bound) {
            this.bound = bound;
        }

        Signature signature() {
            return bound.signature();
        }

        /** True if some argument was wrong (and reported). */
        boolean failed() {
            return failed;
        }

        Optional<Argument> given(String name) {
            return Optional.ofNullable(bound.given().get(name));
        }

        /** The SI value of a numeric argument, or its default. */
        OptionalDouble number(String name) {
            Quantity q = numbers.get(name);
            if (q != null) {
                return OptionalDouble.of(q.si());
            }
            if (bound.given().containsKey(name)) {
                return OptionalDouble.empty();
            }
            Optional<Object> d = bound.signature().argument(name).flatMap(ArgSpec::defaultValue);
            return d.isPresent() && d.get() instanceof Double v ? OptionalDouble.of(v) : OptionalDouble.empty();
        }

        /** The SI values of a list argument (empty if not written and without default). */
        List<Double> list(String name) {
            List<Quantity> q = lists.get(name);
            return q == null ? List.of() : q.stream().map(Quantity::si).toList();
        }

        /** The text of a string or word argument, or its default. */
        Optional<String> text(String name) {
            String t = texts.get(name);
            if (t != null) {
                return Optional.of(t);
            }
            if (bound.given().containsKey(name)) {
                return Optional.empty();
            }
            Optional<Object> d = bound.signature().argument(name).flatMap(ArgSpec::defaultValue);
            return d.isPresent() && d.get() instanceof String s ? Optional.of(s) : Optional.empty();
        }
    }

    /**
     * Binds {@code args} to one of {@code forms}; reports and returns empty if none fits.
     *
     * @param what the kind of thing called, for messages ({@code connector})
     * @param callSpan where a missing argument is reported
     */
    Optional<Bound> bind(String what, Identifier name, List<Argument> args, SourceSpan callSpan, List<Signature> forms) {
        boolean seenNamed = false;
        for (Argument a : args) {
            if (a.name().isPresent()) {
                seenNamed = true;
            } else if (seenNamed) {
                diagnostics.report(DiagnosticCode.BAD_ARGUMENTS, a.span(), "a positional argument cannot follow a named one",
                        "name it: " + usages(forms));
                return Optional.empty();
            }
        }
        List<Signature> candidates = new ArrayList<>();
        for (Signature s : forms) {
            boolean all = true;
            for (Argument a : args) {
                if (a.name().isPresent() && s.argument(a.name().get().name()).isEmpty()) {
                    all = false;
                }
            }
            if (all) {
                candidates.add(s);
            }
        }
        if (candidates.isEmpty()) {
            reportNoForm(what, name, args, forms);
            return Optional.empty();
        }
        for (Signature s : candidates) {
            Optional<Bound> b = tryBind(s, args, name, callSpan, forms, false);
            if (b.isPresent()) {
                return b;
            }
        }
        tryBind(candidates.get(0), args, name, callSpan, forms, true);
        return Optional.empty();
    }

    private void reportNoForm(String what, Identifier name, List<Argument> args, List<Signature> forms) {
        Set<String> known = new LinkedHashSet<>();
        for (Signature s : forms) {
            for (ArgSpec a : s.arguments()) {
                known.add(a.name());
            }
        }
        for (Argument a : args) {
            if (a.name().isPresent() && !known.contains(a.name().get().name())) {
                Identifier n = a.name().get();
                String help = Suggestions.closest(n.name(), known).map(s -> "did you mean `" + s + "`? ").orElse("")
                        + (known.isEmpty() ? "`" + name.name() + "` takes no arguments" : "usage: " + usages(forms));
                diagnostics.report(DiagnosticCode.BAD_ARGUMENTS, n.span(), "`" + n.name() + "` is not an argument of "
                        + what + " `" + name.name() + "`", help);
                return;
            }
        }
        List<String> names = args.stream().filter(a -> a.name().isPresent())
                .map(a -> a.name().get().name())
                .filter(n -> !forms.stream().allMatch(s -> s.argument(n).isPresent()))
                .map(n -> "`" + n + "`").toList();
        Argument last = args.stream().filter(a -> a.name().isPresent()).reduce((a, b) -> b).orElse(args.get(0));
        diagnostics.report(DiagnosticCode.BAD_ARGUMENTS, last.name().map(Identifier::span).orElse(last.span()),
                "no form of `" + name.name() + "` takes " + String.join(" and ", names) + " together",
                "use one form: " + usages(forms));
    }

    private Optional<Bound> tryBind(Signature s, List<Argument> args, Identifier name, SourceSpan callSpan,
            List<Signature> forms, boolean report) {
        Map<String, Argument> given = new LinkedHashMap<>();
        int position = 0;
        for (Argument a : args) {
            if (a.name().isEmpty()) {
                if (position >= s.arguments().size()) {
                    if (report) {
                        int max = s.arguments().size();
                        diagnostics.report(DiagnosticCode.BAD_ARGUMENTS, a.span(), "`" + name.name() + "` takes "
                                + (max == 0 ? "no arguments" : "at most " + max + " argument" + (max == 1 ? "" : "s"))
                                + ", found " + args.size(), "usage: " + usages(forms));
                    }
                    return Optional.empty();
                }
                given.put(s.arguments().get(position++).name(), a);
            } else {
                Identifier n = a.name().get();
                if (given.containsKey(n.name())) {
                    if (report) {
                        diagnostics.report(DiagnosticCode.BAD_ARGUMENTS, n.span(), "argument `" + n.name() + "` of `"
                                + name.name() + "` is given twice", "usage: " + usages(forms));
                    }
                    return Optional.empty();
                }
                given.put(n.name(), a);
            }
        }
        for (ArgSpec spec : s.arguments()) {
            if (spec.required() && !given.containsKey(spec.name())) {
                if (report) {
                    diagnostics.report(DiagnosticCode.BAD_ARGUMENTS, callSpan, "`" + name.name() + "` needs the argument `"
                            + spec.name() + "` (" + spec.kind().description() + ")", "usage: " + usages(forms));
                }
                return Optional.empty();
            }
        }
        return Optional.of(new Bound(s, given));
    }

    /**
     * Checks the values of arguments that cannot be bound (the callee is unknown) for their own
     * mistakes, such as unknown units or names, so that those are reported in the same run.
     */
    void checkLoose(List<Argument> args, TypeScope scope) {
        for (Argument a : args) {
            Expr e = unwrap(a.value());
            if (e instanceof Expr.Str || e instanceof Expr.Name) {
                continue;
            }
            if (e instanceof Expr.ListOf) {
                DimensionChecker.checkList(a.value(), scope, diagnostics);
            } else {
                DimensionChecker.check(a.value(), scope, diagnostics);
            }
        }
    }

    /** {@code gamma(k, theta) or gamma(k, mean)}. */
    static String usages(List<Signature> forms) {
        return forms.stream().map(Signature::usage).collect(Collectors.joining(" or "));
    }

    /**
     * Checks the value of every written argument against its kind.
     *
     * @param likeTarget the dimension of {@link ArgKind#LIKE_TARGET} arguments; empty when it is
     *                   unknown because of an earlier error (then it is not checked)
     * @param callee the thing called, for messages ({@code fixed_prob})
     */
    Values evaluate(Bound bound, Optional<Dimension> likeTarget, TypeScope scope, String callee) {
        return evaluate(bound, likeTarget, false, scope, callee);
    }

    /**
     * As {@link #evaluate(Bound, Optional, TypeScope, String)}; with {@code likeTargetImplied},
     * {@link ArgKind#LIKE_TARGET} arguments may also be plain numbers, read in the display unit of
     * {@code likeTarget} (weight bounds of plasticity rules, like weights).
     */
    Values evaluate(Bound bound, Optional<Dimension> likeTarget, boolean likeTargetImplied, TypeScope scope, String callee) {
        Values values = new Values(bound);
        for (Map.Entry<String, Argument> e : bound.given().entrySet()) {
            Optional<ArgSpec> spec = bound.signature().argument(e.getKey());
            if (spec.isEmpty()) {
                continue;
            }
            if (!evaluate(spec.get(), e.getValue().value(), likeTarget, likeTargetImplied, scope, callee, values)) {
                values.failed = true;
            }
        }
        return values;
    }

    private boolean evaluate(ArgSpec spec, Expr value, Optional<Dimension> likeTarget, boolean implied, TypeScope scope,
            String callee, Values values) {
        String what = "`" + spec.name() + "` of `" + callee + "`";
        switch (spec.kind()) {
            case STRING: {
                Expr e = unwrap(value);
                if (e instanceof Expr.Str s) {
                    values.texts.put(spec.name(), s.value());
                    return true;
                }
                diagnostics.report(DiagnosticCode.TYPE_MISMATCH, value.span(), what + " expects a string", "write it in quotes, e.g. "
                        + spec.name() + " = \"" + (spec.name().equals("file") ? "synapses.csv" : "name") + "\"");
                return false;
            }
            case WORD:
                return word(spec, value, what, values);
            case LIST_LIKE_TARGET:
            case LIST_DIMENSIONLESS:
            case LIST_TIME: {
                Optional<Dimension> d = spec.kind() == ArgKind.LIST_LIKE_TARGET ? likeTarget
                        : Optional.of(spec.kind() == ArgKind.LIST_TIME ? Dimension.TIME : Dimension.NONE);
                List<Typed> elements = DimensionChecker.checkList(value, scope, diagnostics);
                List<Quantity> out = new ArrayList<>();
                boolean ok = true;
                Expr[] exprs = listElements(value, elements.size());
                for (int i = 0; i < elements.size(); i++) {
                    Optional<Quantity> q = scalar(spec, elements.get(i), exprs[i], d, implied, what);
                    if (q.isPresent()) {
                        out.add(q.get());
                    } else {
                        ok = false;
                    }
                }
                if (ok) {
                    values.lists.put(spec.name(), out);
                }
                return ok;
            }
            default: {
                Optional<Dimension> d = spec.kind() == ArgKind.LIKE_TARGET ? likeTarget : Optional.of(dimension(spec.kind()));
                Typed t = DimensionChecker.check(value, scope, diagnostics);
                Optional<Quantity> q = scalar(spec, t, value, d, implied, what);
                q.ifPresent(v -> values.numbers.put(spec.name(), v));
                return q.isPresent();
            }
        }
    }

    /** Checks one numeric value: constant, dimension, and the domain of its kind. */
    private Optional<Quantity> scalar(ArgSpec spec, Typed t, Expr value, Optional<Dimension> expected, boolean implied,
            String what) {
        if (t.dynamicCause().isPresent()) {
            Expr cause = t.dynamicCause().get();
            diagnostics.report(DiagnosticCode.DYNAMIC_IN_CONSTANT, cause.span(), what + " must be a constant, but "
                    + DimensionChecker.describe(cause) + " differs per neuron or synapse",
                    "use a literal or a `const`; per-neuron values belong in parameter expressions");
            return Optional.empty();
        }
        if (t.isError()) {
            return Optional.empty();
        }
        Quantity q = t.constantValue().get();
        boolean likeKind = spec.kind() == ArgKind.LIKE_TARGET || spec.kind() == ArgKind.LIST_LIKE_TARGET;
        if (implied && likeKind && expected.isPresent() && q.dimension().isNone()) {
            q = new Quantity(q.si() * Units.displayUnit(expected.get()).map(u -> u.factor()).orElse(1.0), expected.get());
        }
        if (expected.isPresent() && !q.dimension().equals(expected.get())) {
            Dimension d = expected.get();
            diagnostics.report(d.isNone() ? DiagnosticCode.DIMENSIONLESS_REQUIRED : DiagnosticCode.UNIT_MISMATCH, value.span(),
                    what + " expects " + d.describe() + ", found " + q.dimension().describe() + " (" + q + ")",
                    Hints.write(d, Hints.example(d, value, Optional.empty())));
            return Optional.empty();
        }
        double v = q.si();
        switch (spec.kind()) {
            case PROBABILITY:
                if (v < 0 || v > 1) {
                    diagnostics.report(DiagnosticCode.BAD_PROBABILITY, value.span(), what + " is a probability in [0, 1], found "
                            + Units.formatNumber(v), v >= 2 && v <= 100 ? "a percentage is written as a fraction: "
                            + Units.formatNumber(v / 100) : "write a value between 0 and 1");
                    return Optional.empty();
                }
                return Optional.of(q);
            case COUNT:
                if (v < 0 || v != Math.rint(v)) {
                    diagnostics.report(DiagnosticCode.OUT_OF_DOMAIN, value.span(), what + " must be a non-negative whole number, found "
                            + Hints.exactNumber(v), Hints.nearlyWhole(v) && v > 0 ? "the expression is off a whole number by rounding: wrap it in round(...)"
                                    : "write e.g. " + Units.formatNumber(Math.max(0, Math.rint(v))));
                    return Optional.empty();
                }
                return Optional.of(q);
            case TIME:
            case FREQUENCY:
            case LIST_TIME:
                Domain domain = spec.name().startsWith("tau") ? Domain.POSITIVE : Domain.NON_NEGATIVE;
                if (!domain.contains(v)) {
                    Dimension d = q.dimension();
                    diagnostics.report(DiagnosticCode.OUT_OF_DOMAIN, value.span(), what + " must be " + domain.describe(d)
                            + ", found " + q, null);
                    return Optional.empty();
                }
                return Optional.of(q);
            default:
                return Optional.of(q);
        }
    }

    private boolean word(ArgSpec spec, Expr value, String what, Values values) {
        Expr e = unwrap(value);
        String text;
        if (e instanceof Expr.Name n) {
            text = n.name().text();
        } else if (e instanceof Expr.Str s) {
            text = s.value();
        } else {
            diagnostics.report(DiagnosticCode.TYPE_MISMATCH, value.span(), what + " expects a word",
                    spec.words().isEmpty() ? null : "write one of: " + String.join(", ", spec.words()));
            return false;
        }
        if (!spec.words().isEmpty() && !spec.words().contains(text)) {
            diagnostics.report(DiagnosticCode.BAD_ARGUMENTS, value.span(), what + " must be one of "
                    + String.join(", ", spec.words()) + ", found `" + text + "`", Suggestions.help(text, spec.words()));
            return false;
        }
        values.texts.put(spec.name(), text);
        return true;
    }

    private static Dimension dimension(ArgKind kind) {
        switch (kind) {
            case TIME:
                return Dimension.TIME;
            case FREQUENCY:
                return Dimension.FREQUENCY;
            case CURRENT:
                return Dimension.CURRENT;
            default:
                return Dimension.NONE;
        }
    }

    static Expr unwrap(Expr e) {
        Expr out = e;
        while (out instanceof Expr.Paren p) {
            out = p.inner();
        }
        return out;
    }

    /** The element expressions of a list value, for locating problems; the whole value where there is no list. */
    static Expr[] listElements(Expr value, int count) {
        Expr e = unwrap(value);
        Expr[] out = new Expr[count];
        for (int i = 0; i < count; i++) {
            out[i] = e instanceof Expr.ListOf l && i < l.elements().size() ? l.elements().get(i) : value;
        }
        return out;
    }
}
