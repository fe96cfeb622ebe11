package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.Binding;
import io.neuromap.compiler.ast.BodyItem;
import io.neuromap.compiler.ast.Expr;
import io.neuromap.compiler.ast.ReceptorDecl;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.diag.Suggestions;
import io.neuromap.compiler.eval.DimensionChecker;
import io.neuromap.compiler.eval.Interval;
import io.neuromap.compiler.eval.Typed;
import io.neuromap.compiler.model.Catalog;
import io.neuromap.compiler.model.Domain;
import io.neuromap.compiler.source.SourceSpan;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Quantity;
import io.neuromap.compiler.units.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checks the bindings and receptors of one body (cell type, population, projection, stimulus), in
 * order, as elaboration will evaluate them:
 * <ul>
 *   <li>every parameter exists for the body's model (or mix, or synapse) and is bound once;</li>
 *   <li>{@code let} names are new: they hide no parameter and no other binding of the body;</li>
 *   <li>names in values are constants, {@code let} variables above, parameters bound above (in
 *       this body or by the neuron's cell type);</li>
 *   <li>every value has the parameter's dimension and stays inside its domain for every neuron
 *       ({@link Interval} arithmetic over the ranges of the sampled values it uses);</li>
 *   <li>{@code seed = N;} in a population, projection or stimulus body is a whole number &gt;= 0
 *       that seeds its draws (it is not a parameter);</li>
 *   <li>receptors are declared once, on a compartment the model has.</li>
 * </ul>
 */
final class BodyChecker {
    /** What the body belongs to; decides whether receptors and seeds are allowed. */
    enum Kind {
        CELLTYPE("cell type"), POPULATION("population"), PROJECTION("projection"), STIMULUS("stimulus");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        String word() {
            return word;
        }

        /** Bodies of things that draw (neurons, synapses, input spikes) may set their own seed. */
        boolean hasSeed() {
            return this != CELLTYPE;
        }
    }

    /**
     * What a body bound.
     *
     * @param parameters the range of every parameter it bound (an error {@link Typed} where its value was wrong)
     * @param bindings the binding of every parameter, for locating later diagnostics
     * @param receptors the receptors it declares
     * @param seed the population's own seed, if it sets one
     */
    record Result(Map<String, Typed> parameters, Map<String, Binding> bindings, List<ReceptorDecl> receptors,
            OptionalLong seed) {
        static final Result EMPTY = new Result(Map.of(), Map.of(), List.of(), OptionalLong.empty());
    }

    /**
     * A parameter's value as later expressions see it: a per-neuron value even when it is fixed,
     * because a cell type's or population's binding is evaluated for each neuron (so it cannot be
     * used where a constant is required, such as a distribution argument).
     */
    static Typed perNeuron(Typed t, Expr.Name subject) {
        return t.isConstant() ? Typed.dynamic(t.dimension().get(), t.range(), subject) : t;
    }

    /** {@link #perNeuron} of every parameter a cell type bound, for the bodies of populations of that type. */
    static Map<String, Typed> inherited(Result celltype) {
        Map<String, Typed> out = new LinkedHashMap<>();
        for (Map.Entry<String, Typed> e : celltype.parameters().entrySet()) {
            Binding b = celltype.bindings().get(e.getKey());
            out.put(e.getKey(), b == null ? e.getValue() : perNeuron(e.getValue(), new Expr.Name(b.name(), b.name().span())));
        }
        return out;
    }

    private final Diagnostics diagnostics;
    private final Constants constants;
    private final Hints hints;
    private final DistributionChecker distributions;

    BodyChecker(Diagnostics diagnostics, Constants constants, Hints hints) {
        this.diagnostics = requireNonNull(diagnostics, "diagnostics is null");
        this.constants = requireNonNull(constants, "constants is null");
        this.hints = requireNonNull(hints, "hints is null");
        this.distributions = new DistributionChecker(diagnostics);
    }

    /**
     * @param params what the body may bind; empty when the model is unknown (reported elsewhere):
     *               then names are not checked, only the values themselves
     * @param inherited the parameters the neuron's cell type bound, visible to expressions
     */
    Result check(Kind kind, Optional<ParameterSet> params, Map<String, Typed> inherited, List<? extends BodyItem> items) {
        List<BodyScope.Pending> pending = new ArrayList<>();
        for (BodyItem item : items) {
            if (item instanceof Binding b) {
                pending.add(new BodyScope.Pending(b.name().text(), b.name().span().line()));
            }
        }
        Run run = new Run(kind, params, new BodyScope(constants, inherited, params, pending));
        for (BodyItem item : items) {
            if (item instanceof Binding b) {
                run.binding(b);
                run.scope.reached(b.name().text());
            } else if (item instanceof ReceptorDecl r) {
                run.receptor(r);
            }
        }
        for (Binding let : run.lets) {
            if (!run.scope.isLetUsed(let.name().text())) {
                diagnostics.report(DiagnosticCode.UNUSED_DECLARATION, let.name().span(), "`let " + let.name().text()
                        + "` is never used", "use it in a parameter of this body, or remove it");
            }
        }
        return new Result(run.parameters, run.bindings, run.receptors, run.seed);
    }

    /** The state of checking one body. */
    private final class Run {
        private final Kind kind;
        private final Optional<ParameterSet> params;
        private final BodyScope scope;
        private final Map<String, Typed> parameters = new LinkedHashMap<>();
        private final Map<String, Binding> bindings = new LinkedHashMap<>();
        private final Map<String, Binding> seen = new LinkedHashMap<>();
        private final List<Binding> lets = new ArrayList<>();
        private final List<ReceptorDecl> receptors = new ArrayList<>();
        private OptionalLong seed = OptionalLong.empty();

        Run(Kind kind, Optional<ParameterSet> params, BodyScope scope) {
            this.kind = kind;
            this.params = params;
            this.scope = scope;
        }

        void binding(Binding b) {
            String name = b.name().text();
            Binding previous = seen.putIfAbsent(name, b);
            if (previous != null) {
                diagnostics.report(DiagnosticCode.DUPLICATE_NAME, b.name().span(), "`" + name + "` is bound twice in this "
                        + kind.word() + " (first at line " + previous.name().span().line() + ")", "remove one of the two bindings");
            }
            if (b.isLet()) {
                let(b, previous == null);
            } else if (name.equals("seed") && kind.hasSeed()) {
                seed(b, previous == null);
            } else {
                parameter(b, previous == null);
            }
        }

        private void let(Binding b, boolean first) {
            String name = b.name().text();
            Expr.Name subject = subject(b);
            if (b.name().parts().size() > 1) {
                diagnostics.report(DiagnosticCode.TYPE_MISMATCH, b.name().span(), "a `let` variable has a plain name, not `"
                        + name + "`", "write e.g. `let " + b.name().last().name() + "_r ~ ...;`");
            } else if (params.isPresent() && params.get().find(name).isPresent()) {
                diagnostics.report(DiagnosticCode.DUPLICATE_NAME, b.name().span(), "`let " + name + "` would hide the parameter `"
                        + name + "` of " + params.get().owner(), "rename the variable, e.g. `let " + name + "_r`; to set the parameter drop `let`");
            } else if (name.equals("seed") && kind.hasSeed()) {
                diagnostics.report(DiagnosticCode.DUPLICATE_NAME, b.name().span(), "`seed` is reserved for the " + kind.word() + "'s seed",
                        "rename the variable");
            } else if (first && constants.contains(name)) {
                diagnostics.report(DiagnosticCode.SHADOWED_NAME, b.name().span(), "`let " + name
                        + "` hides the constant of the same name in this body", "rename one of them");
            }
            Typed value;
            if (b.value() instanceof Binding.Value.Fixed f) {
                value = DimensionChecker.check(f.expr(), scope, diagnostics);
            } else {
                value = distributions.check(((Binding.Value.Sampled) b.value()).distribution(), subject, Optional.empty(), true,
                        Domain.ANY, scope, false);
            }
            Typed asLet = value.isError() ? new Typed(Optional.empty(), Interval.ALL, Optional.of(subject))
                    : Typed.dynamic(value.dimension().get(), value.range(), subject);
            scope.define(name, asLet, true);
            lets.add(b);
        }

        private void seed(Binding b, boolean first) {
            String help = "write a whole number, e.g. `seed = 7;`";
            if (!(b.value() instanceof Binding.Value.Fixed f)) {
                diagnostics.report(DiagnosticCode.TYPE_MISMATCH, b.value().span(), "a " + kind.word()
                        + "'s seed is one number; it cannot be sampled", help);
                return;
            }
            Typed t = DimensionChecker.check(f.expr(), scope, diagnostics);
            if (t.dynamicCause().isPresent()) {
                reportDynamic(t, "a " + kind.word() + "'s seed");
                return;
            }
            if (t.isError()) {
                return;
            }
            Quantity q = t.constantValue().get();
            if (!q.dimension().isNone()) {
                diagnostics.report(DiagnosticCode.DIMENSIONLESS_REQUIRED, f.expr().span(), "a seed is a dimensionless number, found "
                        + q.dimension().describe() + " (" + q + ")", help);
                return;
            }
            double v = q.si();
            if (v < 0 || v != Math.rint(v) || v >= 0x1p63) {
                diagnostics.report(DiagnosticCode.OUT_OF_DOMAIN, f.expr().span(), "a seed must be a non-negative whole number, found "
                        + Units.formatNumber(v), help);
                return;
            }
            if (first) {
                seed = OptionalLong.of((long) v);
            }
        }

        private void parameter(Binding b, boolean first) {
            String name = b.name().text();
            Optional<ParameterSet.Param> param = params.flatMap(p -> p.find(name));
            if (params.isPresent() && param.isEmpty()) {
                reportUnknownParameter(b, params.get());
            }
            Typed value = param.isPresent() && param.get().list() ? list(b, param.get()) : scalar(b, param);
            scope.define(name, perNeuron(value, subject(b)), false);
            if (first && param.isPresent()) {
                parameters.put(name, value);
                bindings.put(name, b);
            }
        }

        private Typed scalar(Binding b, Optional<ParameterSet.Param> param) {
            String name = b.name().text();
            Expr.Name subject = subject(b);
            Optional<Dimension> dim = param.flatMap(ParameterSet.Param::dimension);
            if (b.value() instanceof Binding.Value.Sampled s) {
                return distributions.check(s.distribution(), subject, dim, param.isEmpty(),
                        param.map(ParameterSet.Param::domain).orElse(Domain.ANY), scope,
                        param.map(ParameterSet.Param::impliedUnit).orElse(false));
            }
            Expr expr = ((Binding.Value.Fixed) b.value()).expr();
            Expr inner = ArgumentBinder.unwrap(expr);
            if (inner instanceof Expr.Call c && Catalog.function(c.call().name().name()).isEmpty()
                    && !Catalog.distribution(c.call().name().name()).isEmpty()) {
                diagnostics.report(DiagnosticCode.TYPE_MISMATCH, expr.span(), "`" + name + " = " + c.call().name().name()
                        + "(...)` binds one value, but `" + c.call().name().name() + "` is a distribution",
                        "use `~` to sample: " + name + " ~ " + hints.quote(inner.span(), c.call().name().name() + "(...)"));
                return new Typed(Optional.empty(), Interval.ALL, Optional.of(subject));
            }
            Typed t = DimensionChecker.check(expr, scope, diagnostics);
            if (param.isEmpty() || t.isError()) {
                return t.isError() ? new Typed(Optional.empty(), Interval.ALL, t.dynamicCause()) : t;
            }
            return checkValue(param.get(), t, expr, name);
        }

        /** Dimension and domain of one value of a parameter. */
        private Typed checkValue(ParameterSet.Param p, Typed t, Expr expr, String name) {
            Typed failed = new Typed(Optional.empty(), Interval.ALL, t.dynamicCause());
            Dimension found = t.dimension().get();
            boolean implied = p.impliedUnit() && found.isNone() && p.dimension().isPresent();
            if (p.dimension().isPresent() && !found.equals(p.dimension().get()) && !implied) {
                Dimension d = p.dimension().get();
                String shown = t.constantValue().map(q -> " (" + q + ")").orElse("");
                String plain = p.impliedUnit() ? " (or a plain number, read in " + Units.displayUnit(d).map(u -> u.symbol()).orElse("SI")
                        + ")" : "";
                diagnostics.report(d.isNone() ? DiagnosticCode.DIMENSIONLESS_REQUIRED : DiagnosticCode.UNIT_MISMATCH, expr.span(),
                        name + " expects " + d.describe() + plain + ", found " + found.describe() + shown,
                        Hints.write(d, Hints.example(d, expr, p.defaultSi())));
                return failed;
            }
            if (p.dimension().isEmpty()) {
                return t;
            }
            Dimension d = p.dimension().get();
            if (implied) {
                t = new Typed(Optional.of(d), t.range().times(Interval.point(impliedFactor(d))), t.dynamicCause());
            }
            if (t.isConstant()) {
                double v = t.range().lo();
                if (!p.domain().contains(v)) {
                    diagnostics.report(p.domainCode(), expr.span(), name + " must be " + p.domain().describe(d) + ", found "
                            + Units.format(v, d), domainHelp(p, d));
                    return failed;
                }
                return t;
            }
            if (!t.range().within(p.domain())) {
                Expr cause = t.dynamicCause().get();
                diagnostics.report(DiagnosticCode.DISTRIBUTION_LEAVES_DOMAIN, expr.span(), name + " can be "
                        + t.range().describe(d) + " here (it depends on " + DimensionChecker.describe(cause) + "), but must be "
                        + p.domain().describe(d), "keep the expression inside " + Interval.of(p.domain()).describe(d)
                        + " for every value of " + DimensionChecker.describe(cause) + ", e.g. with a clip where it is sampled");
                return failed;
            }
            return t;
        }

        private double impliedFactor(Dimension d) {
            return Units.displayUnit(d).map(u -> u.factor()).orElse(1.0);
        }

        private String domainHelp(ParameterSet.Param p, Dimension d) {
            if (p.domainCode() == DiagnosticCode.NEGATIVE_DELAY) {
                return "a delay is a time >= 0; delays shorter than dt are rounded up to one step";
            }
            if (p.name().equals("weight")) {
                return "an excitatory weight is >= 0; for inhibition write `receptor = inh;`";
            }
            return p.defaultSi().filter(v -> p.domain().contains(v))
                    .map(v -> p.name() + " is the " + p.doc() + ", e.g. " + Units.format(v, d) + " (the default)").orElse(null);
        }

        private Typed list(Binding b, ParameterSet.Param p) {
            String name = b.name().text();
            if (!(b.value() instanceof Binding.Value.Fixed f)) {
                diagnostics.report(DiagnosticCode.TYPE_MISMATCH, b.value().span(), "`" + name
                        + "` is a list of values and cannot be sampled", "write `" + name + " = [1 ms, 5 ms];`");
                return Typed.error();
            }
            List<Typed> elements = DimensionChecker.checkList(f.expr(), scope, diagnostics);
            Expr[] exprs = ArgumentBinder.listElements(f.expr(), elements.size());
            Typed all = null;
            boolean failed = false;
            for (int i = 0; i < elements.size(); i++) {
                Typed t = elements.get(i);
                Typed checked = t.isError() ? t : checkValue(p, t, exprs[i], name);
                if (checked.isError()) {
                    failed = true;
                    continue;
                }
                all = all == null ? checked : new Typed(checked.dimension(), all.range().hull(checked.range()),
                        all.dynamicCause().or(checked::dynamicCause));
            }
            return failed || all == null ? Typed.error() : all;
        }

        void receptor(ReceptorDecl r) {
            if (kind != Kind.CELLTYPE && kind != Kind.POPULATION) {
                diagnostics.report(DiagnosticCode.TYPE_MISMATCH, r.span(), "a " + kind.word() + " has no receptors",
                        "declare receptors in a cell type or population body");
                return;
            }
            for (ReceptorDecl other : receptors) {
                if (other.name().name().equals(r.name().name())) {
                    diagnostics.report(DiagnosticCode.DUPLICATE_NAME, r.name().span(), "receptor `" + r.name().name()
                            + "` is declared twice (first at line " + other.name().span().line() + ")", "remove one");
                    return;
                }
            }
            if (r.compartment().isPresent() && params.isPresent()) {
                String c = r.compartment().get().name();
                List<String> compartments = params.get().compartments();
                if (!compartments.contains(c)) {
                    diagnostics.report(DiagnosticCode.UNKNOWN_COMPARTMENT, r.compartment().get().span(), "`" + c
                            + "` is not a compartment of " + params.get().owner() + " (it has " + String.join(", ", compartments) + ")",
                            Suggestions.help(c, compartments));
                    // keep the receptor (on the default compartment) so that pathways through it are still checked
                    receptors.add(new ReceptorDecl(r.name(), r.modulator(), Optional.empty(), r.span()));
                    return;
                }
            }
            receptors.add(r);
        }

        private void reportUnknownParameter(Binding b, ParameterSet set) {
            String name = b.name().text();
            SourceSpan span = b.name().span();
            if (name.equals("seed")) {
                diagnostics.report(DiagnosticCode.UNKNOWN_PARAMETER, span, "`seed` is set per population, projection or stimulus, not in a "
                        + kind.word(), "move `seed = ...;` into the body of the population");
                return;
            }
            Optional<String> lacking = set.lackedBy(name);
            if (lacking.isPresent()) {
                diagnostics.report(DiagnosticCode.UNKNOWN_PARAMETER, span, "`" + name + "` is not a parameter of every neuron of "
                        + set.owner() + ": " + lacking.get() + " has no `" + name + "`",
                        "bind it in the cell types that have it instead");
                return;
            }
            String help = Suggestions.closest(name, set.names()).map(s -> "did you mean `" + s + "`?").orElse(null);
            if (help == null) {
                List<String> qualified = new ArrayList<>();
                for (String n : set.names()) {
                    if (n.endsWith("." + name)) {
                        qualified.add(n);
                    }
                }
                if (!qualified.isEmpty()) {
                    help = "parameters of " + set.owner() + " are named by compartment: " + String.join(" or ", qualified);
                } else if (b.name().parts().size() > 1 && set.find(b.name().last().name()).isPresent()) {
                    help = set.owner() + " has one compartment: write `" + b.name().last().name() + "`";
                } else {
                    help = set.names().isEmpty() ? null : "parameters of " + set.owner() + ": " + String.join(", ", set.names());
                }
            }
            diagnostics.report(DiagnosticCode.UNKNOWN_PARAMETER, span, "`" + name + "` is not a parameter of " + set.owner(), help);
        }

        private void reportDynamic(Typed t, String what) {
            Expr cause = t.dynamicCause().get();
            diagnostics.report(DiagnosticCode.DYNAMIC_IN_CONSTANT, cause.span(), what + " must be a constant, but "
                    + DimensionChecker.describe(cause) + " differs per neuron", "use a literal or a `const`");
        }

        private Expr.Name subject(Binding b) {
            return new Expr.Name(b.name(), b.name().span());
        }
    }
}
