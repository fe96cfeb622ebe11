package io.neuromap.compiler.elaborate;

import io.neuromap.compiler.ast.Argument;
import io.neuromap.compiler.ast.Binding;
import io.neuromap.compiler.ast.Identifier;
import io.neuromap.compiler.ast.ProjectionDecl;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.ir.EvaluatedCall;
import io.neuromap.compiler.ir.IndexRange;
import io.neuromap.compiler.ir.KeyedRandom;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.compiler.ir.SynapseMatrix;
import io.neuromap.compiler.ir.SynapseReceptor;
import io.neuromap.compiler.model.Catalog;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Units;
import java.util.Optional;

/**
 * Expands one {@code project} declaration to synapses: resolves its endpoints, generates the
 * connectivity (keyed by {@code Network/project:name/:connector} and the pre row, or the post
 * column for {@code fixed_indegree}), computes weights and delays from its body (keyed by
 * {@code Network/project:name/weight} etc. and the pre row), and settles the receptor. A body
 * may hold {@code seed = N;}, which overrides the seed of this projection's draws only.
 *
 * <p>Defaults: {@code delay} is one time step; {@code weight} has none and must be written,
 * unless every row of a {@code from_list} file gives one (NM-E0117 otherwise). The receptor
 * and weight-sign convention is documented on {@link Projection}.
 */
final class ProjectionElaborator {
    private final ElaborationContext ctx;
    private final ProjectionDecl decl;
    private final String name;
    private final Diagnostics diagnostics;

    private ProjectionElaborator(ElaborationContext ctx, ProjectionDecl decl) {
        this.ctx = ctx;
        this.decl = decl;
        this.name = decl.effectiveName();
        this.diagnostics = ctx.diagnostics();
    }

    static void elaborate(ElaborationContext ctx, ProjectionDecl decl) {
        ProjectionElaborator e = new ProjectionElaborator(ctx, decl);
        if (!ctx.claim("projection", e.name, decl.name().map(Identifier::span).orElse(decl.span()),
                decl.name().isPresent() ? "rename one of them" : "name it: `project other_name : "
                        + decl.pre().population().name() + " -> " + decl.post().population().name() + " ...`")) {
            return;
        }
        Optional<Projection> p = e.run();
        if (p.isPresent()) {
            ctx.addProjection(p.get());
        } else {
            ctx.projectionFailed(e.name);
        }
    }

    private Optional<Projection> run() {
        Optional<Endpoints.Resolved> pre = Endpoints.resolve(ctx, decl.pre());
        Optional<Endpoints.Resolved> post = Endpoints.resolve(ctx, decl.post());
        Optional<CallEvaluator.Evaluated> connector = CallEvaluator.evaluate(ctx, decl.connector(),
                Catalog.connector(decl.connector().name().name()), "connector", DiagnosticCode.UNKNOWN_CONNECTOR,
                Catalog.connectorNames());
        Optional<EvaluatedCall> plasticity = Optional.empty();
        boolean ok = true;
        if (decl.plasticity().isPresent()) {
            Optional<CallEvaluator.Evaluated> rule = CallEvaluator.evaluate(ctx, decl.plasticity().get(),
                    Catalog.plasticity(decl.plasticity().get().name().name()), "plasticity rule",
                    DiagnosticCode.UNKNOWN_PLASTICITY, Catalog.plasticityNames(), SynapseValues.PLAIN_WEIGHT_UNIT);
            ok = rule.isPresent();
            plasticity = rule.map(CallEvaluator.Evaluated::call);
        }
        Optional<SynapseReceptor> declared = receptor();
        ElaborationContext.SeedOverride seedOverride = ctx.seedOverride(decl.bindings());
        if (pre.isPresent() && pre.get().compartment().isPresent()) {
            diagnostics.report(DiagnosticCode.TYPE_MISMATCH, decl.pre().span(), "a projection starts from neurons, but `"
                    + decl.pre().part().get().name() + "` is a compartment", "spikes leave from the soma: write `"
                    + decl.pre().population().name() + "`");
            ok = false;
        }
        if (!ok || pre.isEmpty() || post.isEmpty() || connector.isEmpty() || !seedOverride.ok()
                || (decl.receptor().isPresent() && declared.isEmpty())) {
            return Optional.empty();
        }
        long seed = seedOverride.orElse(ctx.seed());
        Population prePop = ctx.populations().get(pre.get().population());
        Population postPop = ctx.populations().get(post.get().population());
        String compartment = post.get().compartment().orElse(postPop.model().compartments().get(0));

        BindingProgram.Builder builder = new BindingProgram.Builder(ctx.constants(), seed);
        int weightSlot = builder.declare("weight", null, Double.NaN);
        int delaySlot = builder.declare("delay", Dimension.TIME, ctx.dt());
        boolean bodyOk = true;
        for (Binding b : decl.bindings()) {
            if (!b.isLet() && b.name().text().equals(ElaborationContext.SEED)) {
                continue;
            }
            bodyOk &= builder.add(b, ctx.projectionPath(name), diagnostics);
        }
        BindingProgram program = builder.build();
        if (!bodyOk) {
            return Optional.empty();
        }
        boolean weightBound = program.lastSpan(weightSlot).isPresent();
        EvaluatedCall call = connector.get().call();
        boolean fromList = call.name().equals("from_list");
        if (!weightBound && !fromList) {
            diagnostics.report(DiagnosticCode.MISSING_SETTING, decl.span(), "projection `" + name + "` has no weight",
                    "add `weight = ...;` or `weight ~ ...;` to its body, e.g. `{ weight = 0.5 nA; }`");
            return Optional.empty();
        }

        IndexRange preRange = pre.get().range();
        IndexRange postRange = post.get().range();
        boolean excludeSelf = pre.get().population() == post.get().population()
                && "false".equals(call.words().getOrDefault("allow_self", "true"));
        SynapseList list = null;
        int[] order = null;
        SynapseStructure structure;
        if (fromList) {
            Argument fileArg = connector.get().bound().argument("file").orElseThrow();
            Optional<SynapseList> read = SynapseList.read(diagnostics, call.words().get("file"), fileArg.span(),
                    preRange.from(), preRange.size(), postRange.from(), postRange.size());
            if (read.isEmpty()) {
                return Optional.empty();
            }
            list = read.get();
            if (!weightBound && list.firstWithoutWeight() >= 0) {
                diagnostics.report(DiagnosticCode.MISSING_SETTING, list.rowSpan(list.firstWithoutWeight()),
                        "this synapse of `" + name + "` has no weight, and the projection's body gives none",
                        "add a weight column to the file, or `weight = ...;` to the projection's body");
                return Optional.empty();
            }
            order = new int[list.size()];
            structure = SynapseStructure.fromPairs(prePop.size(), list.pre(), list.post(), order);
        } else {
            Optional<SynapseStructure> s = generate(call, prePop, preRange, postRange, excludeSelf, seed);
            if (s.isEmpty()) {
                return Optional.empty();
            }
            structure = s.get();
        }

        Optional<SynapseValues.Result> values = SynapseValues.compute(ctx, new SynapseValues.Inputs(name, program,
                weightSlot, delaySlot, structure.rowStart(), preRange, ctx.dt(), list, order));
        if (values.isEmpty()) {
            return Optional.empty();
        }
        SynapseValues.Result v = values.get();
        Optional<SynapseReceptor> receptor = settleReceptor(declared, v.minWeight(), v.maxWeight());
        if (receptor.isEmpty()) {
            return Optional.empty();
        }
        SynapseMatrix matrix = new SynapseMatrix(structure.rowStart(), structure.targets(), v.weights(), v.delays());
        if (matrix.count() == 0) {
            diagnostics.report(DiagnosticCode.EMPTY_PROJECTION, decl.span(), "projection `" + name + "` has no synapses",
                    fromList ? "the synapse list is empty" : "raise the connection probability or the degree");
        }
        return Optional.of(new Projection(name, decl.span(), pre.get().population(), post.get().population(), preRange,
                postRange, compartment, receptor.get(), declared.isEmpty(), call, plasticity, matrix, seed));
    }

    private Optional<SynapseReceptor> receptor() {
        if (decl.receptor().isEmpty()) {
            return Optional.empty();
        }
        Identifier r = decl.receptor().get();
        if (r.name().equals("exc")) {
            return Optional.of(SynapseReceptor.EXC);
        }
        if (r.name().equals("inh")) {
            return Optional.of(SynapseReceptor.INH);
        }
        diagnostics.report(DiagnosticCode.TYPE_MISMATCH, r.span(), "a synaptic receptor is `exc` or `inh`, found `"
                + r.name() + "`", "write `receptor = exc;` or `receptor = inh;`");
        return Optional.empty();
    }

    private Optional<SynapseStructure> generate(EvaluatedCall call, Population prePop, IndexRange preRange,
            IndexRange postRange, boolean excludeSelf, long seed) {
        long pathHash = KeyedRandom.pathHash(ctx.projectionPath(name) + "/:connector");
        int post = postRange.size();
        int candidates = post - (excludeSelf && preRange.overlaps(postRange) ? 1 : 0);
        Connectors.RowConnector rows;
        switch (call.name()) {
            case "all_to_all":
                if ((long) preRange.size() * post > SynapseStructure.MAX_SYNAPSES) {
                    tooLarge((long) preRange.size() * post);
                    return Optional.empty();
                }
                rows = Connectors.allToAll(postRange, excludeSelf);
                break;
            case "one_to_one":
                if (preRange.size() != post) {
                    diagnostics.report(DiagnosticCode.CONNECTOR_INFEASIBLE, decl.connector().span(), "one_to_one needs endpoints "
                            + "of equal size, but `" + name + "` connects " + preRange.size() + " to " + post + " neurons",
                            "select equal ranges, e.g. with slices [0:" + Math.min(preRange.size(), post) + "]");
                    return Optional.empty();
                }
                rows = Connectors.oneToOne(preRange, postRange);
                break;
            case "fixed_prob": {
                double p = call.numbers().get("p");
                double expected = p * preRange.size() * (double) post;
                if (expected - 10 * Math.sqrt(expected) > SynapseStructure.MAX_SYNAPSES) {
                    tooLarge((long) expected);
                    return Optional.empty();
                }
                rows = Connectors.fixedProbability(p, postRange, excludeSelf);
                break;
            }
            case "fixed_outdegree": {
                int k = call.numbers().get("k").intValue();
                if (k > candidates) {
                    infeasibleDegree("fixed_outdegree", k, candidates, "post");
                    return Optional.empty();
                }
                if ((long) k * preRange.size() > SynapseStructure.MAX_SYNAPSES) {
                    tooLarge((long) k * preRange.size());
                    return Optional.empty();
                }
                rows = Connectors.fixedOutdegree(k, postRange, excludeSelf);
                break;
            }
            case "fixed_indegree": {
                int k = call.numbers().get("k").intValue();
                int preCandidates = preRange.size() - (excludeSelf && preRange.overlaps(postRange) ? 1 : 0);
                if (k > preCandidates) {
                    infeasibleDegree("fixed_indegree", k, preCandidates, "pre");
                    return Optional.empty();
                }
                return Optional.ofNullable(SynapseStructure.byColumns(k, prePop.size(), preRange, postRange, excludeSelf, seed,
                        pathHash, this::tooLarge));
            }
            default:
                diagnostics.report(DiagnosticCode.UNKNOWN_CONNECTOR, decl.connector().name().span(), "unknown connector `"
                        + call.name() + "`", io.neuromap.compiler.diag.Suggestions.help(call.name(), Catalog.connectorNames()));
                return Optional.empty();
        }
        return Optional.ofNullable(SynapseStructure.byRows(ctx.parallel(), rows, prePop.size(), preRange, seed, pathHash,
                this::tooLarge));
    }

    private void infeasibleDegree(String connector, int k, int available, String side) {
        diagnostics.report(DiagnosticCode.CONNECTOR_INFEASIBLE, decl.connector().span(), connector + "(" + k + ") needs "
                + k + " distinct " + side + " neurons per " + (side.equals("pre") ? "post" : "pre") + " neuron, but `" + name
                + "` offers only " + available, "lower k to at most " + available
                + (side.equals("pre") ? ", or widen the pre endpoint" : ", or widen the post endpoint"));
    }

    private void tooLarge(long count) {
        diagnostics.report(DiagnosticCode.TOO_LARGE, decl.span(), "projection `" + name + "` would have "
                + Units.formatNumber(count) + " synapses, more than the " + SynapseStructure.MAX_SYNAPSES
                + " one projection can hold", "split it into several projections, e.g. by slices of the pre population");
    }

    private Optional<SynapseReceptor> settleReceptor(Optional<SynapseReceptor> declared, double min, double max) {
        boolean mixed = min < 0 && max > 0;
        if (mixed) {
            diagnostics.report(DiagnosticCode.OUT_OF_DOMAIN, weightSpan(), "the weights of `" + name + "` have both signs ("
                    + Units.formatNumber(min) + " to " + Units.formatNumber(max) + " in SI): a projection drives one receptor",
                    "split it into an excitatory and an inhibitory projection, or clip the weight distribution at 0");
            return Optional.empty();
        }
        if (declared.isPresent()) {
            if (declared.get() == SynapseReceptor.EXC && min < 0) {
                diagnostics.report(DiagnosticCode.OUT_OF_DOMAIN, weightSpan(), "projection `" + name
                        + "` is excitatory (receptor = exc) but its weights are negative",
                        "write positive weights, or `receptor = inh;` for an inhibitory projection");
                return Optional.empty();
            }
            return declared;
        }
        return Optional.of(max <= 0 && min < 0 ? SynapseReceptor.INH : SynapseReceptor.EXC);
    }

    private io.neuromap.compiler.source.SourceSpan weightSpan() {
        for (Binding b : decl.bindings()) {
            if (!b.isLet() && b.name().text().equals("weight")) {
                return b.span();
            }
        }
        return decl.receptor().map(Identifier::span).orElse(decl.span());
    }
}
