package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.Effect;
import io.neuromap.compiler.ast.Expr;
import io.neuromap.compiler.ast.Identifier;
import io.neuromap.compiler.ast.Invocation;
import io.neuromap.compiler.ast.PathwayDecl;
import io.neuromap.compiler.ast.PathwayTarget;
import io.neuromap.compiler.ast.QualifiedName;
import io.neuromap.compiler.ast.ReceptorDecl;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.diag.Suggestions;
import io.neuromap.compiler.eval.DimensionChecker;
import io.neuromap.compiler.eval.Interval;
import io.neuromap.compiler.eval.Scope;
import io.neuromap.compiler.eval.TypeScope;
import io.neuromap.compiler.eval.Typed;
import io.neuromap.compiler.model.Catalog;
import io.neuromap.compiler.model.NeuronModel;
import io.neuromap.compiler.model.ParameterSpec;
import io.neuromap.compiler.model.Signature;
import io.neuromap.compiler.units.Dimension;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks pathways: the modulator is declared; the target (a cell type, a projection, or a
 * population with an optional compartment or cell-type part) exists; the receptor is declared
 * somewhere, every neuron of the target expresses it (on the targeted compartment), and it binds
 * the pathway's modulator; every effect is a known kind with the operator and dimension the kind
 * takes:
 * <ul>
 *   <li>{@code gain}, {@code learning_rate}, {@code eligibility_gate}, {@code weight_scale}:
 *       dimensionless, any operator;</li>
 *   <li>{@code threshold}: {@code +=}, {@code -=}, {@code =} a voltage, or a plain number read in mV
 *       (DESIGN.md's {@code threshold += 0.1 * [DA]}); {@code *=} dimensionless;</li>
 *   <li>{@code excitability}: {@code +=}, {@code -=}, {@code =} a current, or a plain number read in
 *       nA (PyNN's current unit); {@code *=} dimensionless;</li>
 *   <li>{@code tau(p)}: p a time constant of the target's model; {@code *=} dimensionless, else a time;</li>
 *   <li>{@code param(p)}: p a parameter of the target's model; {@code *=} dimensionless, else p's dimension;</li>
 *   <li>{@code plasticity_sign}: only {@code = 1} or {@code = -1}.</li>
 * </ul>
 * Effect values may use constants and the concentrations ({@code [X]}, dimensionless) of declared
 * modulators. Learning effects act on plastic synapses: a {@code proj} target must have a
 * plasticity rule; a neuron target without plastic projections ending on it gets NM-W0003.
 * Neuron effects do not apply to a {@code proj} target, and only {@code param} applies to spike sources.
 */
final class PathwayChecker {
    private static final Set<String> MEMBRANE_EFFECTS = Set.of("gain", "threshold", "excitability", "tau");

    private final NetworkContext context;
    private final Diagnostics diagnostics;
    private final EndpointResolver endpoints;
    private final ArgumentBinder binder;

    PathwayChecker(NetworkContext context, EndpointResolver endpoints) {
        this.context = requireNonNull(context, "context is null");
        this.diagnostics = context.diagnostics();
        this.endpoints = requireNonNull(endpoints, "endpoints is null");
        this.binder = new ArgumentBinder(diagnostics);
    }

    /** One kind of neuron a pathway reaches, with the receptors it expresses. */
    private record Site(String label, NeuronModel model, List<ReceptorDecl> receptors) {
    }

    /**
     * What a pathway acts on.
     *
     * @param sites the kinds of neuron reached; empty when the target could not be resolved
     * @param projection the projection of a {@code proj} target
     */
    private record Target(String description, List<Site> sites, Optional<String> compartment,
            Optional<ProjectionInfo> projection, Optional<ResolvedEndpoint> endpoint, Optional<CelltypeInfo> celltype) {
    }

    void check(PathwayDecl p) {
        String modulator = p.modulator().name();
        boolean modulatorKnown = context.modulators().containsKey(modulator);
        if (modulatorKnown) {
            context.useModulator(modulator);
        } else {
            context.unknownModulator(p.modulator().span(), modulator, "unknown modulator `" + modulator + "`",
                    Suggestions.closest(modulator, context.modulators().keySet()).map(s -> "did you mean `" + s + "`?")
                            .orElse("declare it in the network: modulator " + modulator + " { source ...; }"));
        }
        Optional<Target> target = target(p.target());
        if (target.isPresent() && !target.get().sites().isEmpty()) {
            receptor(p, target.get(), modulatorKnown);
        }
        boolean warned = false;
        for (Effect e : p.effects()) {
            warned |= effect(e, target, warned, modulator);
        }
    }

    private Optional<Target> target(PathwayTarget t) {
        if (t instanceof PathwayTarget.Celltype c) {
            String name = c.celltype().name();
            CelltypeInfo info = context.celltypes().get(name);
            if (info == null) {
                diagnostics.report(DiagnosticCode.UNKNOWN_MODEL, c.celltype().span(), "unknown cell type `" + name + "`",
                        context.celltypes().isEmpty() ? "declare it: celltype " + name + " : lif { ... }" : Suggestions.help(name, context.celltypes().keySet()));
                return Optional.empty();
            }
            List<Site> sites = info.model().map(m -> List.of(new Site("cell type " + name, m, info.body().receptors())))
                    .orElse(List.of());
            return Optional.of(new Target("cell type `" + name + "`", sites, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(info)));
        }
        if (t instanceof PathwayTarget.Projection p) {
            String name = p.projection().name();
            ProjectionInfo info = context.projections().get(name);
            if (info == null) {
                diagnostics.report(DiagnosticCode.UNKNOWN_PROJECTION, p.projection().span(), "unknown projection `" + name + "`",
                        Suggestions.help(name, context.projections().keySet()));
                return Optional.empty();
            }
            List<Site> sites = info.post().map(this::sites).orElse(List.of());
            return Optional.of(new Target("the post neurons of projection `" + name + "`", sites, Optional.empty(),
                    Optional.of(info), Optional.empty(), Optional.empty()));
        }
        PathwayTarget.Population pop = (PathwayTarget.Population) t;
        Optional<ResolvedEndpoint> end = endpoints.resolve(pop.endpoint(), EndpointResolver.Role.OTHER);
        if (end.isEmpty()) {
            return Optional.empty();
        }
        String description = "`" + pop.endpoint().population().name() + pop.endpoint().part().map(x -> "." + x.name()).orElse("") + "`";
        return Optional.of(new Target(description, sites(end.get()), end.get().compartment(), Optional.empty(), end, Optional.empty()));
    }

    private List<Site> sites(ResolvedEndpoint end) {
        List<Site> out = new ArrayList<>();
        for (PopulationInfo.Variant v : end.variants()) {
            String label = v.celltype().map(c -> "cell type " + c.name()).orElse("population " + end.population().name());
            out.add(new Site(label, v.model(), end.population().receptors(v)));
        }
        return out;
    }

    private void receptor(PathwayDecl p, Target target, boolean modulatorKnown) {
        Identifier r = p.receptor();
        Set<String> known = knownReceptors();
        if (!known.contains(r.name())) {
            diagnostics.report(DiagnosticCode.UNKNOWN_RECEPTOR, r.span(), "unknown receptor `" + r.name() + "`",
                    Suggestions.closest(r.name(), known).map(s -> "did you mean `" + s + "`?")
                            .orElse("declare it in the target's cell type: receptor " + r.name() + " binds " + p.modulator().name() + ";"));
            return;
        }
        List<Site> lacking = new ArrayList<>();
        List<Site> having = new ArrayList<>();
        for (Site s : target.sites()) {
            (find(s, r.name()).isPresent() ? having : lacking).add(s);
        }
        if (!lacking.isEmpty()) {
            reportNotExpressed(p, target, lacking, having);
            return;
        }
        for (Site s : target.sites()) {
            ReceptorDecl decl = find(s, r.name()).get();
            String on = decl.compartment().map(Identifier::name).orElse(s.model().compartments().get(0));
            if (target.compartment().isPresent() && !target.compartment().get().equals(on)) {
                String pop = target.endpoint().map(e -> e.population().name()).orElse("");
                diagnostics.report(DiagnosticCode.RECEPTOR_NOT_EXPRESSED, r.span(), "receptor `" + r.name() + "` is on `" + on
                        + "`, not on `" + target.compartment().get() + "`", "target `" + pop + "." + on + "`");
                return;
            }
            if (modulatorKnown && !decl.modulator().name().equals(p.modulator().name())) {
                diagnostics.report(DiagnosticCode.RECEPTOR_BINDS_OTHER, r.span(), "receptor `" + r.name() + "` binds `"
                        + decl.modulator().name() + "`, not `" + p.modulator().name() + "` (" + s.label() + ", line "
                        + decl.span().line() + ")", "use a receptor that binds " + p.modulator().name()
                        + ", or make this a pathway of " + decl.modulator().name());
                return;
            }
        }
    }

    private void reportNotExpressed(PathwayDecl p, Target target, List<Site> lacking, List<Site> having) {
        Identifier r = p.receptor();
        if (having.isEmpty()) {
            String help;
            List<String> others = celltypesExpressing(r.name());
            if (!others.isEmpty()) {
                help = "cell type " + String.join(", ", others) + " expresses it: target `celltype " + others.get(0) + "`";
            } else if (target.celltype().isPresent()) {
                help = "declare it in cell type " + target.celltype().get().name() + ": receptor " + r.name() + " binds "
                        + p.modulator().name() + ";";
            } else {
                help = "declare it where the target's neurons are defined: receptor " + r.name() + " binds " + p.modulator().name() + ";";
            }
            List<String> expressed = new ArrayList<>();
            for (Site s : lacking) {
                s.receptors().forEach(d -> expressed.add(d.name().name()));
            }
            String what = expressed.isEmpty() ? "it expresses no receptor" : "it expresses " + String.join(", ", new LinkedHashSet<>(expressed));
            diagnostics.report(DiagnosticCode.RECEPTOR_NOT_EXPRESSED, r.span(), target.description() + " does not express receptor `"
                    + r.name() + "` (" + what + ")", help);
            return;
        }
        String pop = target.endpoint().map(e -> e.population().name()).orElse("");
        List<String> alternatives = new ArrayList<>();
        for (Site s : having) {
            String name = s.label().startsWith("cell type ") ? s.label().substring("cell type ".length()) : s.label();
            alternatives.add("`celltype " + name + "`" + (pop.isEmpty() ? "" : " or `" + pop + "." + name + "`"));
        }
        diagnostics.report(DiagnosticCode.RECEPTOR_NOT_EXPRESSED, r.span(), "not every neuron of " + target.description()
                + " expresses receptor `" + r.name() + "`: " + lacking.get(0).label() + " lacks it",
                "target only the neurons that express it: " + String.join(", ", alternatives));
    }

    private static Optional<ReceptorDecl> find(Site s, String receptor) {
        return s.receptors().stream().filter(d -> d.name().name().equals(receptor)).findFirst();
    }

    private Set<String> knownReceptors() {
        Set<String> out = new LinkedHashSet<>();
        for (CelltypeInfo c : context.celltypes().values()) {
            c.body().receptors().forEach(r -> out.add(r.name().name()));
        }
        for (PopulationInfo p : context.populations().values()) {
            p.body().receptors().forEach(r -> out.add(r.name().name()));
        }
        return out;
    }

    private List<String> celltypesExpressing(String receptor) {
        List<String> out = new ArrayList<>();
        for (CelltypeInfo c : context.celltypes().values()) {
            if (c.body().receptors().stream().anyMatch(r -> r.name().name().equals(receptor))) {
                out.add(c.name());
            }
        }
        return out;
    }

    /** Checks one effect; returns true if it reported the missing-plastic-projection warning. */
    private boolean effect(Effect e, Optional<Target> target, boolean warned, String modulator) {
        String kindName = e.kind().name();
        Optional<Catalog.EffectKind> kind = Catalog.effect(kindName);
        if (kind.isEmpty()) {
            diagnostics.report(DiagnosticCode.BAD_EFFECT, e.kind().span(), "unknown effect `" + kindName + "`",
                    Suggestions.help(kindName, Catalog.effectNames()));
            checkValue(e);
            return false;
        }
        Catalog.EffectKind k = kind.get();
        if (k.hasSubject() && e.subject().isEmpty()) {
            diagnostics.report(DiagnosticCode.BAD_EFFECT, e.kind().span(), "`" + kindName + "` needs the parameter it changes",
                    "write e.g. `effect " + kindName + "(" + (kindName.equals("tau") ? "tau_m" : "i_offset") + ") *= 1.2;`");
            return false;
        }
        if (!k.hasSubject() && e.subject().isPresent()) {
            diagnostics.report(DiagnosticCode.BAD_EFFECT, e.subject().get().span(), "`" + kindName + "` takes no parameter",
                    "write `effect " + kindName + " " + e.op().symbol() + " ...;`; to change one parameter use `param(p)`");
            return false;
        }
        boolean projTarget = target.isPresent() && target.get().projection().isPresent();
        if (projTarget && !k.learning()) {
            diagnostics.report(DiagnosticCode.BAD_EFFECT, e.kind().span(), "`" + kindName + "` acts on neurons, but this pathway targets a projection",
                    "a proj target takes learning effects (learning_rate, plasticity_sign, eligibility_gate, weight_scale); "
                            + "target the post population for neuron effects");
            return false;
        }
        boolean sourceTarget = target.isPresent() && !target.get().sites().isEmpty() && target.get().sites().get(0).model().source();
        if (sourceTarget && MEMBRANE_EFFECTS.contains(kindName)) {
            diagnostics.report(DiagnosticCode.BAD_EFFECT, e.kind().span(), "`" + kindName + "` acts on a membrane, and spike sources have none",
                    "change a source's parameters with `param(rate)`");
            return false;
        }
        boolean warning = false;
        if (k.learning() && target.isPresent()) {
            if (projTarget) {
                ProjectionInfo proj = target.get().projection().get();
                if (!proj.plastic()) {
                    diagnostics.report(DiagnosticCode.BAD_EFFECT, e.kind().span(), "`" + kindName + "` acts on plastic synapses, but projection `"
                            + proj.name() + "` has no plasticity rule", "add one, e.g. `plasticity da_stdp(tau_c = 1 s)` after its connector");
                    return false;
                }
            } else if (!warned && !target.get().sites().isEmpty() && !hasPlasticInput(target.get())) {
                diagnostics.report(DiagnosticCode.NO_PLASTIC_PROJECTION, e.kind().span(), "`" + kindName
                        + "` has nothing to act on: no projection with a plasticity rule ends on " + target.get().description(),
                        "add a plasticity rule to a projection onto it, or remove this effect");
                warning = true;
            }
        }
        Optional<Dimension> subjectDimension = Optional.empty();
        if (e.subject().isPresent()) {
            if (target.isEmpty() || target.get().sites().isEmpty()) {
                checkValue(e);
                return warning;
            }
            subjectDimension = subject(e, kindName, e.subject().get(), target.get());
            if (subjectDimension.isEmpty()) {
                checkValue(e);
                return warning;
            }
        }
        value(e, kindName, subjectDimension, modulator);
        e.response().ifPresent(this::response);
        return warning;
    }

    private boolean hasPlasticInput(Target target) {
        for (ProjectionInfo p : context.projections().values()) {
            if (!p.plastic() || p.post().isEmpty()) {
                continue;
            }
            ResolvedEndpoint post = p.post().get();
            if (target.celltype().isPresent()) {
                String name = target.celltype().get().name();
                if (post.variants().stream().anyMatch(v -> v.celltype().map(c -> c.name().equals(name)).orElse(false))) {
                    return true;
                }
                continue;
            }
            if (target.endpoint().isEmpty() || post.population() != target.endpoint().get().population()) {
                continue;
            }
            ResolvedEndpoint t = target.endpoint().get();
            List<String> compartments = t.population().compartments();
            String first = compartments.isEmpty() ? "" : compartments.get(0);
            if (t.compartment().isPresent() && !t.compartment().get().equals(post.compartment().orElse(first))) {
                continue;
            }
            boolean overlap = post.variants().stream().anyMatch(v -> t.variants().stream().anyMatch(w -> w.label().equals(v.label())));
            if (overlap) {
                return true;
            }
        }
        return false;
    }

    /** The dimension of {@code tau(p)} / {@code param(p)}'s parameter, or empty after reporting. */
    private Optional<Dimension> subject(Effect e, String kind, QualifiedName subject, Target target) {
        Dimension found = null;
        for (Site s : target.sites()) {
            String name = subject.text();
            if (s.model().parameter(name).isEmpty() && target.compartment().isPresent() && s.model().isMultiCompartment()) {
                name = target.compartment().get() + "." + name;
            }
            Optional<ParameterSpec> spec = s.model().parameter(name);
            if (spec.isEmpty()) {
                List<String> names = s.model().parameters().stream().map(ParameterSpec::name).toList();
                diagnostics.report(DiagnosticCode.UNKNOWN_PARAMETER, subject.span(), "`" + subject.text() + "` is not a parameter of "
                        + s.model().name() + " (" + s.label() + ")", qualifiedHelp(subject.text(), names, s.model().name()));
                return Optional.empty();
            }
            found = spec.get().dimension();
            if (kind.equals("tau") && !found.equals(Dimension.TIME)) {
                diagnostics.report(DiagnosticCode.BAD_EFFECT, subject.span(), "tau(" + subject.text() + ") needs a time constant, but `"
                        + subject.text()
                        + "` is " + found.describe(), "use `param(" + subject.text() + ")` to change other parameters");
                return Optional.empty();
            }
        }
        return Optional.ofNullable(found);
    }

    /** "did you mean", or how a multi-compartment model names its parameters, or the list of them. */
    static String qualifiedHelp(String name, List<String> names, String model) {
        Optional<String> near = Suggestions.closest(name, names);
        if (near.isPresent()) {
            return "did you mean `" + near.get() + "`?";
        }
        List<String> qualified = names.stream().filter(n -> n.endsWith("." + name)).toList();
        if (!qualified.isEmpty()) {
            return "names of " + model + " include the compartment: " + String.join(" or ", qualified);
        }
        return "it has " + String.join(", ", names);
    }

    private void value(Effect e, String kind, Optional<Dimension> subjectDimension, String modulator) {
        Typed t = DimensionChecker.check(e.value(), effectScope(), diagnostics);
        if (t.isError()) {
            return;
        }
        Dimension found = t.dimension().get();
        if (kind.equals("plasticity_sign")) {
            boolean unit = t.isConstant() && found.isNone() && Math.abs(t.range().lo()) == 1;
            if (e.op() != Effect.AssignOp.SET || !unit) {
                diagnostics.report(DiagnosticCode.BAD_EFFECT, e.op() != Effect.AssignOp.SET ? e.span() : e.value().span(),
                        "plasticity_sign is set to 1 or -1", "write `effect plasticity_sign = -1;`");
            }
            return;
        }
        Dimension expected = expected(kind, e.op(), subjectDimension);
        boolean implied = found.isNone() && (kind.equals("threshold") || kind.equals("excitability"));
        if (!found.equals(expected) && !implied) {
            String c = "[" + modulator + "]";
            String example = expected.isNone() ? "1 + 0.5 * " + c : Hints.example(expected, e.value(), Optional.empty()) + " * " + c;
            diagnostics.report(expected.isNone() ? DiagnosticCode.DIMENSIONLESS_REQUIRED : DiagnosticCode.UNIT_MISMATCH, e.value().span(),
                    "`" + kind + " " + e.op().symbol() + "` takes " + expected.describe()
                            + (kind.equals("threshold") || kind.equals("excitability") ? " (or a plain number, read in "
                                    + (kind.equals("threshold") ? "mV" : "nA") + ")" : "") + ", found " + found.describe(),
                    "write e.g. `effect " + kind + e.subject().map(s -> "(" + s.text() + ")").orElse("") + " " + e.op().symbol()
                            + " " + example + ";`");
        }
    }

    private static Dimension expected(String kind, Effect.AssignOp op, Optional<Dimension> subjectDimension) {
        if (op == Effect.AssignOp.MULTIPLY) {
            return Dimension.NONE;
        }
        switch (kind) {
            case "threshold":
                return Dimension.VOLTAGE;
            case "excitability":
                return Dimension.CURRENT;
            case "tau":
                return Dimension.TIME;
            case "param":
                return subjectDimension.orElse(Dimension.NONE);
            default:
                return Dimension.NONE;
        }
    }

    /** Checks the value of an effect that cannot be fully checked (for its own mistakes only). */
    private void checkValue(Effect e) {
        DimensionChecker.check(e.value(), effectScope(), diagnostics);
    }

    private void response(Invocation r) {
        String name = r.name().name();
        List<Signature> forms = Catalog.response(name);
        if (forms.isEmpty()) {
            diagnostics.report(DiagnosticCode.UNKNOWN_FUNCTION, r.name().span(), "unknown response function `" + name + "`",
                    Suggestions.help(name, Catalog.responseNames()));
            binder.checkLoose(r.arguments(), context.constantScope(List.of()));
            return;
        }
        binder.bind("response function", r.name(), r.arguments(), r.span(), forms)
                .ifPresent(b -> binder.evaluate(b, Optional.of(Dimension.NONE), context.constantScope(List.of()), name));
    }

    /** Constants and the (dimensionless) concentrations of the network's modulators. */
    private TypeScope effectScope() {
        TypeScope constants = context.constantScope(List.of());
        return new TypeScope() {
            @Override
            public Optional<Typed> lookup(QualifiedName name) {
                return constants.lookup(name);
            }

            @Override
            public Scope values() {
                return constants.values();
            }

            @Override
            public boolean allowsConcentrations() {
                return true;
            }

            @Override
            public Optional<Typed> concentration(Identifier modulator) {
                NetworkContext.ModulatorInfo m = context.modulators().get(modulator.name());
                if (m == null) {
                    context.unknownModulator(modulator.span(), modulator.name(), "unknown modulator `" + modulator.name() + "`",
                            Suggestions.closest(modulator.name(), context.modulators().keySet()).map(s -> "did you mean `" + s + "`?")
                                    .orElse("declare it in the network: modulator " + modulator.name() + " { source ...; }"));
                    return Optional.of(Typed.error());
                }
                context.useModulator(modulator.name());
                Interval range = m.external() ? Interval.ALL : new Interval(0, false, Double.POSITIVE_INFINITY, true);
                Expr cause = new Expr.Concentration(modulator, modulator.span());
                return Optional.of(Typed.dynamic(Dimension.NONE, range, cause));
            }

            @Override
            public Collection<String> modulatorNames() {
                return context.modulators().keySet();
            }

            @Override
            public Collection<String> visibleNames() {
                return constants.visibleNames();
            }
        };
    }
}
