package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.Binding;
import io.neuromap.compiler.ast.BodyItem;
import io.neuromap.compiler.ast.Expr;
import io.neuromap.compiler.ast.Invocation;
import io.neuromap.compiler.ast.ProbeDecl;
import io.neuromap.compiler.ast.StimulusDecl;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.diag.Suggestions;
import io.neuromap.compiler.eval.DimensionChecker;
import io.neuromap.compiler.eval.Typed;
import io.neuromap.compiler.model.Catalog;
import io.neuromap.compiler.model.Domain;
import io.neuromap.compiler.model.NeuronModel;
import io.neuromap.compiler.model.Signature;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks stimuli and probes.
 *
 * <p>A stimulus is a known source ({@link Catalog#stimulus}) with its arguments, aimed at a
 * population of neurons; spike stimuli ({@code poisson}, {@code spike_times}, {@code external})
 * take {@code weight} and {@code delay} in their body like a projection (the first two need a
 * weight), {@code dc} injects its amplitude and takes none. Only {@code external} may drive a spike source (the channel then says
 * when it fires).
 *
 * <p>A probe is a known kind: {@code state(v)} names a state variable of every neuron of the
 * target (for a compartment endpoint, an unqualified variable is that compartment's);
 * {@code weights} needs a projection ending on the target; {@code modulator(X)} a declared
 * modulator. {@code every} is a positive whole number of time steps.
 */
final class StimulusProbeChecker {
    private static final double STEP_TOLERANCE = 1e-9;

    private final NetworkContext context;
    private final Diagnostics diagnostics;
    private final EndpointResolver endpoints;
    private final BodyChecker bodies;
    private final ArgumentBinder binder;

    StimulusProbeChecker(NetworkContext context, EndpointResolver endpoints, BodyChecker bodies) {
        this.context = requireNonNull(context, "context is null");
        this.diagnostics = context.diagnostics();
        this.endpoints = requireNonNull(endpoints, "endpoints is null");
        this.bodies = requireNonNull(bodies, "bodies is null");
        this.binder = new ArgumentBinder(diagnostics);
    }

    void stimulus(StimulusDecl s) {
        Invocation source = s.source();
        String kind = source.name().name();
        List<Signature> forms = Catalog.stimulus(kind);
        List<String> perSynapse = new ArrayList<>();
        for (BodyItem item : s.body()) {
            if (item instanceof Binding b) {
                perSynapse.add(b.name().text());
            }
        }
        if (forms.isEmpty()) {
            diagnostics.report(DiagnosticCode.UNKNOWN_KIND, source.name().span(), "unknown stimulus `" + kind + "`",
                    Suggestions.help(kind, Catalog.stimulusNames()));
            binder.checkLoose(source.arguments(), context.constantScope(perSynapse));
        } else {
            binder.bind("stimulus", source.name(), source.arguments(), source.span(), forms)
                    .ifPresent(b -> binder.evaluate(b, Optional.empty(), context.constantScope(perSynapse), kind));
        }
        Optional<ResolvedEndpoint> target = endpoints.resolve(s.target(), EndpointResolver.Role.OTHER);
        Optional<Dimension> weight = Optional.empty();
        boolean resolved = target.isPresent() && target.get().population().resolved();
        if (resolved && target.get().population().isSource() && !kind.equals("external")) {
            PopulationInfo pop = target.get().population();
            diagnostics.report(DiagnosticCode.TYPE_MISMATCH, s.target().population().span(), "`" + pop.name() + "` is a spike source ("
                    + pop.variants().get(0).model().name() + "); a " + kind + " stimulus drives neurons",
                    "aim it at a population of neurons, or use `external(\"channel\")` to make the source fire on demand");
            resolved = false;
        } else if (resolved) {
            weight = target.get().variants().get(0).model().weightDimension();
        }
        ParameterSet params = kind.equals("dc")
                ? ParameterSet.none("a dc stimulus")
                : ParameterSet.synapse("a stimulus", resolved ? weight : Optional.empty(), Domain.ANY);
        BodyChecker.Result body = bodies.check(BodyChecker.Kind.STIMULUS, forms.isEmpty() ? Optional.empty() : Optional.of(params),
                Map.of(), s.body());
        if ((kind.equals("poisson") || kind.equals("spike_times")) && !body.bindings().containsKey("weight")) {
            diagnostics.report(DiagnosticCode.MISSING_SETTING, s.name().span(), "stimulus `" + s.name().name()
                    + "` delivers spikes but has no weight", "add a body such as `{ weight = 0.5 nA; }`");
        }
    }

    void probe(ProbeDecl p) {
        Invocation what = p.what();
        String kind = what.name().name();
        List<Signature> forms = Catalog.probe(kind);
        Optional<ResolvedEndpoint> target = endpoints.resolve(p.target(), EndpointResolver.Role.OTHER);
        if (forms.isEmpty()) {
            diagnostics.report(DiagnosticCode.UNKNOWN_KIND, what.name().span(), "unknown probe `" + kind + "`",
                    Suggestions.help(kind, Catalog.probeNames()));
            binder.checkLoose(what.arguments(), context.constantScope(List.of()));
        } else {
            Optional<ArgumentBinder.Bound> bound = binder.bind("probe", what.name(), what.arguments(), what.span(), forms);
            if (bound.isPresent()) {
                ArgumentBinder.Values v = binder.evaluate(bound.get(), Optional.empty(), context.constantScope(List.of()), kind);
                if (!v.failed()) {
                    kind(p, kind, v, target);
                }
            }
        }
        p.every().ifPresent(this::every);
    }

    private void kind(ProbeDecl p, String kind, ArgumentBinder.Values v, Optional<ResolvedEndpoint> target) {
        switch (kind) {
            case "state":
                v.text("variable").ifPresent(var -> target.ifPresent(t -> v.given("variable").ifPresent(a -> state(a.value(), var, t))));
                break;
            case "weights":
                target.ifPresent(t -> weights(p, t));
                break;
            case "modulator":
                v.text("modulator").ifPresent(m -> v.given("modulator").ifPresent(a -> {
                    if (!context.modulators().containsKey(m)) {
                        context.unknownModulator(a.value().span(), m, "unknown modulator `" + m + "`",
                                Suggestions.help(m, context.modulators().keySet()));
                    }
                }));
                break;
            default:
                break;
        }
    }

    private void state(Expr at, String variable, ResolvedEndpoint target) {
        PopulationInfo pop = target.population();
        if (!pop.resolved()) {
            return;
        }
        if (pop.isSource()) {
            diagnostics.report(DiagnosticCode.UNKNOWN_PARAMETER, at.span(), "`" + pop.name() + "` is a spike source ("
                    + pop.variants().get(0).model().name() + ") and has no state variables", "probe its spikes: probe spikes of " + pop.name() + ";");
            return;
        }
        for (PopulationInfo.Variant v : target.variants()) {
            NeuronModel m = v.model();
            String name = variable;
            if (!m.stateVariables().contains(name) && target.compartment().isPresent() && m.isMultiCompartment()) {
                name = target.compartment().get() + "." + variable;
            }
            if (!m.stateVariables().contains(name)) {
                diagnostics.report(DiagnosticCode.UNKNOWN_PARAMETER, at.span(), "`" + variable + "` is not a state variable of "
                        + m.name() + (v.celltype().isPresent() ? " (cell type " + v.label() + ")" : ""),
                        PathwayChecker.qualifiedHelp(variable, m.stateVariables(), m.name()));
                return;
            }
        }
    }

    private void weights(ProbeDecl p, ResolvedEndpoint target) {
        for (ProjectionInfo proj : context.projections().values()) {
            if (proj.post().isPresent() && proj.post().get().population() == target.population()) {
                return;
            }
        }
        diagnostics.report(DiagnosticCode.UNKNOWN_PROJECTION, p.target().population().span(), "no projection ends on `"
                + target.population().name() + "`, so it has no weights to probe", "probe the post population of a projection");
    }

    private void every(Expr e) {
        Typed t = DimensionChecker.check(e, context.constantScope(List.of()), diagnostics);
        if (t.isError()) {
            return;
        }
        if (!t.dimension().get().equals(Dimension.TIME)) {
            diagnostics.report(DiagnosticCode.UNIT_MISMATCH, e.span(), "`every` expects a time, found " + t.dimension().get().describe(),
                    Hints.write(Dimension.TIME, Hints.example(Dimension.TIME, e, Optional.empty())));
            return;
        }
        double every = t.range().lo();
        double dt = context.simulation().dt();
        if (!(every > 0)) {
            diagnostics.report(DiagnosticCode.OUT_OF_DOMAIN, e.span(), "`every` must be a positive time, found "
                    + Units.format(every, Dimension.TIME), "write e.g. every " + Units.format(dt, Dimension.TIME));
            return;
        }
        double steps = every / dt;
        if (Math.abs(steps - Math.rint(steps)) > STEP_TOLERANCE * Math.max(1, steps) || Math.rint(steps) < 1) {
            double up = Math.max(1, Math.ceil(steps)) * dt;
            diagnostics.report(DiagnosticCode.OUT_OF_DOMAIN, e.span(), "`every " + Units.format(every, Dimension.TIME)
                    + "` is not a whole number of time steps (dt = " + Units.format(dt, Dimension.TIME) + ")",
                    "write every " + Units.format(up, Dimension.TIME));
        }
    }
}
