package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.Binding;
import io.neuromap.compiler.ast.Identifier;
import io.neuromap.compiler.ast.Invocation;
import io.neuromap.compiler.ast.ProjectionDecl;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.diag.Suggestions;
import io.neuromap.compiler.eval.Typed;
import io.neuromap.compiler.eval.TypeScope;
import io.neuromap.compiler.model.Catalog;
import io.neuromap.compiler.model.Domain;
import io.neuromap.compiler.model.Signature;
import io.neuromap.compiler.source.SourceSpan;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Units;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Checks a projection: its endpoints (the post side receives synapses, so it cannot be a spike
 * source), its connector and plasticity rule against the catalog, whether the connector can be
 * realised with the endpoints' sizes, its synaptic receptor ({@code exc} or {@code inh}), and its
 * {@code weight} and {@code delay}.
 *
 * <p>Every projection has a weight (a {@code from_list} file may give it instead). Weights have the
 * dimension of the post model's synaptic input (a current for every built-in neuron, see
 * {@link io.neuromap.compiler.model.NeuronModel#weightDimension()}) or are plain numbers read in
 * nA. A projection drives one synaptic receptor, so its weights never take both signs: with
 * {@code receptor = exc} they are &gt;= 0; with {@code receptor = inh} they may be written
 * negative (NEST, PyNN) or as magnitudes (sPyNNaker); without a receptor their sign decides.
 * Delays are times &gt;= 0; elaboration rounds them to whole steps of at least one step
 * (a spike is delivered in the next step at the earliest), so a delay below dt is not an error.
 * {@code fixed_indegree(k)} and {@code fixed_outdegree(k)} draw distinct partners, so k may not
 * exceed the other side's size (minus one without self-connections within one population).
 */
final class ProjectionChecker {
    private final NetworkContext context;
    private final Diagnostics diagnostics;
    private final EndpointResolver endpoints;
    private final BodyChecker bodies;
    private final ArgumentBinder binder;

    ProjectionChecker(NetworkContext context, EndpointResolver endpoints, BodyChecker bodies) {
        this.context = requireNonNull(context, "context is null");
        this.diagnostics = context.diagnostics();
        this.endpoints = requireNonNull(endpoints, "endpoints is null");
        this.bodies = requireNonNull(bodies, "bodies is null");
        this.binder = new ArgumentBinder(diagnostics);
    }

    ProjectionInfo check(ProjectionDecl p, String name) {
        Optional<ResolvedEndpoint> pre = endpoints.resolve(p.pre(), EndpointResolver.Role.PRE);
        Optional<ResolvedEndpoint> post = endpoints.resolve(p.post(), EndpointResolver.Role.OTHER);
        Optional<Dimension> weight = Optional.empty();
        if (post.isPresent() && post.get().population().isSource()) {
            PopulationInfo target = post.get().population();
            diagnostics.report(DiagnosticCode.TYPE_MISMATCH, p.post().population().span(), "`" + target.name()
                    + "` is a spike source (" + target.variants().get(0).model().name() + "): it sends spikes but cannot receive synapses",
                    "project from `" + target.name() + "` instead, or give it a neuron model");
            post = Optional.empty();
        } else if (post.isPresent() && post.get().population().resolved()) {
            weight = post.get().variants().get(0).model().weightDimension();
        }
        List<String> perSynapse = new ArrayList<>();
        for (Binding b : p.bindings()) {
            perSynapse.add(b.name().text());
        }
        TypeScope scope = context.constantScope(perSynapse);
        connector(p, pre, post, scope);
        boolean plastic = plasticity(p, weight, scope);
        Domain weightDomain = Domain.ANY;
        if (p.receptor().isPresent()) {
            Identifier r = p.receptor().get();
            if (r.name().equals("exc")) {
                weightDomain = Domain.NON_NEGATIVE;
            } else if (!r.name().equals("inh")) {
                diagnostics.report(DiagnosticCode.UNKNOWN_RECEPTOR, r.span(), "the synaptic receptor of a projection is `exc` or `inh`, found `"
                        + r.name() + "`", Suggestions.help(r.name(), List.of("exc", "inh")));
            }
        }
        ParameterSet params = ParameterSet.synapse("a projection", post.isPresent() ? weight : Optional.empty(), weightDomain);
        BodyChecker.Result body = bodies.check(BodyChecker.Kind.PROJECTION, Optional.of(params), java.util.Map.of(), p.bindings());
        weights(p, name, body);
        return new ProjectionInfo(p, name, pre, post, plastic);
    }

    /** A projection has weights (unless its synapse list gives them), all of one sign. */
    private void weights(ProjectionDecl p, String name, BodyChecker.Result body) {
        Binding binding = body.bindings().get("weight");
        if (binding == null) {
            if (!p.connector().name().name().equals("from_list")) {
                diagnostics.report(DiagnosticCode.MISSING_SETTING, p.pre().span().to(p.post().span()), "projection `" + name
                        + "` has no weight", "add `weight = ...;` or `weight ~ ...;` to its body, e.g. `{ weight = 0.5 nA; }`");
            }
            return;
        }
        Typed w = body.parameters().get("weight");
        if (w != null && !w.isError() && w.range().lo() < 0 && w.range().hi() > 0) {
            diagnostics.report(DiagnosticCode.DISTRIBUTION_LEAVES_DOMAIN, binding.value().span(), "the weights of `" + name
                    + "` can have both signs (" + w.range().describe(w.dimension().get()) + "): a projection drives one receptor",
                    "split it into an excitatory and an inhibitory projection, or clip the weights at 0");
        }
    }

    private void connector(ProjectionDecl p, Optional<ResolvedEndpoint> pre, Optional<ResolvedEndpoint> post, TypeScope scope) {
        Invocation c = p.connector();
        String name = c.name().name();
        List<Signature> forms = Catalog.connector(name);
        if (forms.isEmpty()) {
            diagnostics.report(DiagnosticCode.UNKNOWN_CONNECTOR, c.name().span(), "unknown connector `" + name + "`",
                    Suggestions.help(name, Catalog.connectorNames()));
            binder.checkLoose(c.arguments(), scope);
            return;
        }
        Optional<ArgumentBinder.Bound> bound = binder.bind("connector", c.name(), c.arguments(), c.span(), forms);
        if (bound.isEmpty()) {
            return;
        }
        ArgumentBinder.Values v = binder.evaluate(bound.get(), Optional.empty(), scope, name);
        if (v.failed()) {
            return;
        }
        OptionalLong preSize = pre.map(ResolvedEndpoint::size).orElse(OptionalLong.empty());
        OptionalLong postSize = post.map(ResolvedEndpoint::size).orElse(OptionalLong.empty());
        boolean noSelf = v.text("allow_self").map("false"::equals).orElse(false) && pre.isPresent() && post.isPresent()
                && pre.get().population() == post.get().population();
        switch (name) {
            case "one_to_one":
                if (preSize.isPresent() && postSize.isPresent() && preSize.getAsLong() != postSize.getAsLong()) {
                    diagnostics.report(DiagnosticCode.CONNECTOR_INFEASIBLE, c.name().span(), "one_to_one needs pre and post of the same size, but `"
                            + p.pre().population().name() + "` has " + Hints.count(preSize.getAsLong(), "neuron") + " and `"
                            + p.post().population().name() + "` has " + postSize.getAsLong(),
                            "select equal ranges with slices, e.g. " + p.pre().population().name() + "[0:"
                                    + Math.min(preSize.getAsLong(), postSize.getAsLong()) + "] -> " + p.post().population().name()
                                    + "[0:" + Math.min(preSize.getAsLong(), postSize.getAsLong()) + "]");
                }
                break;
            case "fixed_prob":
                if (v.number("p").orElse(1) == 0) {
                    emptyProjection(c, "p = 0");
                }
                break;
            case "fixed_indegree":
            case "fixed_outdegree":
                degree(p, v, name.equals("fixed_indegree") ? preSize : postSize, name.equals("fixed_indegree") ? p.pre() : p.post(),
                        noSelf, name);
                break;
            case "from_list":
                v.text("file").ifPresent(f -> file(f, v.given("file").map(a -> a.value().span()).orElse(c.span())));
                break;
            default:
                break;
        }
    }

    private void degree(ProjectionDecl p, ArgumentBinder.Values v, OptionalLong otherSize,
            io.neuromap.compiler.ast.Endpoint other, boolean noSelf, String name) {
        OptionalDouble k = v.number("k");
        if (k.isEmpty()) {
            return;
        }
        if (k.getAsDouble() == 0) {
            emptyProjection(p.connector(), "k = 0");
            return;
        }
        if (otherSize.isEmpty()) {
            return;
        }
        long available = otherSize.getAsLong() - (noSelf ? 1 : 0);
        if (k.getAsDouble() > available) {
            String side = name.equals("fixed_indegree") ? "pre" : "post";
            diagnostics.report(DiagnosticCode.CONNECTOR_INFEASIBLE, v.given("k").map(a -> a.value().span()).orElse(p.connector().span()), name + "(k = "
                    + Units.formatNumber(k.getAsDouble()) + ") needs " + Units.formatNumber(k.getAsDouble()) + " distinct " + side
                    + " neurons, but `" + other.population().name() + "` offers " + available
                    + (noSelf ? " without self-connections" : ""), "use k <= " + available + ", or fixed_prob for a random count");
        }
    }

    private void emptyProjection(Invocation c, String why) {
        diagnostics.report(DiagnosticCode.EMPTY_PROJECTION, c.span(), "this projection makes no synapse (" + why + ")",
                "remove the projection, or give it a positive value");
    }

    private void file(String path, SourceSpan span) {
        Optional<Path> resolved = DataFiles.resolve(span.file(), path);
        if (resolved.isEmpty()) {
            diagnostics.report(DiagnosticCode.FILE_NOT_FOUND, span, "`" + path + "` is not a valid file path", null);
            return;
        }
        if (!Files.exists(resolved.get())) {
            diagnostics.report(DiagnosticCode.FILE_NOT_FOUND, span, "synapse list `" + path + "` does not exist (looked for "
                    + resolved.get() + ")", "paths are relative to the .nmap file that names them");
        } else if (!Files.isRegularFile(resolved.get()) || !Files.isReadable(resolved.get())) {
            diagnostics.report(DiagnosticCode.UNREADABLE_FILE, span, "synapse list `" + path + "` is not a readable file", null);
        }
    }

    private boolean plasticity(ProjectionDecl p, Optional<Dimension> weight, TypeScope scope) {
        if (p.plasticity().isEmpty()) {
            return false;
        }
        Invocation rule = p.plasticity().get();
        String name = rule.name().name();
        List<Signature> forms = Catalog.plasticity(name);
        if (forms.isEmpty()) {
            diagnostics.report(DiagnosticCode.UNKNOWN_PLASTICITY, rule.name().span(), "unknown plasticity rule `" + name + "`",
                    Suggestions.help(name, Catalog.plasticityNames()));
            binder.checkLoose(rule.arguments(), scope);
            return false;
        }
        Optional<ArgumentBinder.Bound> bound = binder.bind("plasticity rule", rule.name(), rule.arguments(), rule.span(), forms);
        if (bound.isEmpty()) {
            return true;
        }
        ArgumentBinder.Values v = binder.evaluate(bound.get(), weight, true, scope, name);
        if (!v.failed() && (v.given("w_min").isPresent() || v.given("w_max").isPresent())) {
            OptionalDouble lo = v.number("w_min");
            OptionalDouble hi = v.number("w_max");
            if (lo.isPresent() && hi.isPresent() && !(lo.getAsDouble() < hi.getAsDouble())) {
                Dimension d = weight.orElse(Dimension.NONE);
                SourceSpan at = v.given("w_max").or(() -> v.given("w_min")).map(a -> a.value().span()).orElse(rule.span());
                diagnostics.report(DiagnosticCode.OUT_OF_DOMAIN, at, "w_min (" + Units.format(lo.getAsDouble(), d)
                        + ") must be below w_max (" + Units.format(hi.getAsDouble(), d) + ")", "swap or widen the bounds");
            }
        }
        return true;
    }
}
