package io.neuromap.compiler.elaborate;

import io.neuromap.compiler.ast.Effect;
import io.neuromap.compiler.ast.Expr;
import io.neuromap.compiler.ast.ModulatorDecl;
import io.neuromap.compiler.ast.PathwayDecl;
import io.neuromap.compiler.ast.PathwayTarget;
import io.neuromap.compiler.ast.QualifiedName;
import io.neuromap.compiler.ast.Setting;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.diag.Suggestions;
import io.neuromap.compiler.eval.EvaluationException;
import io.neuromap.compiler.ir.CellType;
import io.neuromap.compiler.ir.EffectBinding;
import io.neuromap.compiler.ir.EvaluatedCall;
import io.neuromap.compiler.ir.IndexRange;
import io.neuromap.compiler.ir.IrExpr;
import io.neuromap.compiler.ir.Modulator;
import io.neuromap.compiler.ir.ModulatorScope;
import io.neuromap.compiler.ir.ModulatorSource;
import io.neuromap.compiler.ir.NeuronRange;
import io.neuromap.compiler.ir.PathwayBinding;
import io.neuromap.compiler.ir.PathwayTargetBinding;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.ir.Receptor;
import io.neuromap.compiler.ir.ResponseFunction;
import io.neuromap.compiler.model.Catalog;
import io.neuromap.compiler.source.SourceSpan;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Quantity;
import io.neuromap.compiler.units.Units;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds modulators and pathways. A modulator's settings become numbers (defaults: release 1 per
 * spike, baseline 0, scope global, delay 0; {@code source} and {@code decay} must be written).
 * A pathway's target becomes neuron ranges that express its receptor (at the receptor's
 * compartment unless the endpoint names one) or a projection index, and its effects become IR
 * expressions in SI (a plain-number {@code threshold} offset is read in mV, a plain-number
 * {@code excitability} in nA, as analysis accepts them).
 */
final class ModulationElaborator {
    private final ElaborationContext ctx;
    private final Diagnostics diagnostics;
    private final List<Modulator> modulators = new ArrayList<>();
    private final Map<String, Integer> modulatorIndex = new HashMap<>();
    private final java.util.Set<String> failedModulators = new java.util.HashSet<>();
    private final List<PathwayBinding> pathways = new ArrayList<>();

    ModulationElaborator(ElaborationContext ctx) {
        this.ctx = ctx;
        this.diagnostics = ctx.diagnostics();
    }

    List<Modulator> modulators() {
        return modulators;
    }

    List<PathwayBinding> pathways() {
        return pathways;
    }

    void modulator(ModulatorDecl decl) {
        String name = decl.name().name();
        if (!ctx.claim("modulator", name, decl.name().span(), "rename one of them")) {
            return;
        }
        ModulatorSource source = null;
        double release = 1;
        double decay = Double.NaN;
        double baseline = 0;
        ModulatorScope scope = ModulatorScope.GLOBAL;
        double delay = 0;
        boolean ok = true;
        for (Setting s : decl.settings()) {
            String key = s.key().name();
            if (key.equals("source")) {
                if (s.external().isPresent()) {
                    source = new ModulatorSource.External(s.external().get());
                    continue;
                }
                Optional<String> pop = word(s.value().get());
                if (pop.isEmpty()) {
                    diagnostics.report(DiagnosticCode.BAD_MODULATOR, s.value().get().span(), "a modulator's source is a "
                            + "population or `external \"channel\"`", "write `source snc;` or `source external \"reward\";`");
                    ok = false;
                    continue;
                }
                Optional<Integer> index = ctx.populationIndex(pop.get());
                if (index.isEmpty()) {
                    if (!ctx.populationFailedEarlier(pop.get())) {
                        diagnostics.report(DiagnosticCode.UNKNOWN_POPULATION, s.value().get().span(), "unknown population `"
                                + pop.get() + "`", Suggestions.help(pop.get(), ctx.populations().stream().map(Population::name).toList()));
                    }
                    ok = false;
                    continue;
                }
                source = new ModulatorSource.FromPopulation(index.get(), pop.get());
                continue;
            }
            if (s.value().isEmpty()) {
                diagnostics.report(DiagnosticCode.BAD_MODULATOR, s.span(), "`external` gives a modulator's source only",
                        "write `source external \"channel\";`");
                ok = false;
                continue;
            }
            Expr value = s.value().get();
            switch (key) {
                case "release" -> {
                    Optional<Quantity> q = ctx.constant(value, Dimension.NONE, "`release`");
                    ok &= q.isPresent();
                    release = q.map(Quantity::si).orElse(release);
                }
                case "decay" -> {
                    Optional<Quantity> q = ctx.constant(value, Dimension.TIME, "`decay`");
                    if (q.isPresent() && !(q.get().si() > 0)) {
                        diagnostics.report(DiagnosticCode.BAD_MODULATOR, value.span(), "`decay` must be a positive time, found "
                                + q.get(), null);
                        q = Optional.empty();
                    }
                    ok &= q.isPresent();
                    decay = q.map(Quantity::si).orElse(decay);
                }
                case "baseline" -> {
                    Optional<Quantity> q = ctx.constant(value, Dimension.NONE, "`baseline`");
                    ok &= q.isPresent();
                    baseline = q.map(Quantity::si).orElse(baseline);
                }
                case "delay" -> {
                    Optional<Quantity> q = ctx.constant(value, Dimension.TIME, "`delay`");
                    if (q.isPresent() && q.get().si() < 0) {
                        diagnostics.report(DiagnosticCode.NEGATIVE_DELAY, value.span(), "a modulator's delay is negative ("
                                + q.get() + ")", null);
                        q = Optional.empty();
                    }
                    ok &= q.isPresent();
                    delay = q.map(Quantity::si).orElse(delay);
                }
                case "scope" -> {
                    Optional<ModulatorScope> sc = word(value).flatMap(ModulatorScope::fromWord);
                    if (sc.isEmpty()) {
                        diagnostics.report(DiagnosticCode.BAD_MODULATOR, value.span(), "a modulator's scope is global, "
                                + "per_population or per_target_neuron", null);
                        ok = false;
                    } else {
                        scope = sc.get();
                    }
                }
                default -> {
                    diagnostics.report(DiagnosticCode.UNKNOWN_SETTING, s.key().span(), "unknown modulator setting `" + key
                            + "`", Suggestions.help(key, Catalog.modulatorSettingNames()));
                    ok = false;
                }
            }
        }
        if (ok && source == null) {
            diagnostics.report(DiagnosticCode.MISSING_SETTING, decl.span(), "modulator `" + name + "` has no source",
                    "add `source population;` or `source external \"channel\";`");
            ok = false;
        }
        if (ok && Double.isNaN(decay)) {
            diagnostics.report(DiagnosticCode.MISSING_SETTING, decl.span(), "modulator `" + name + "` has no decay",
                    "add e.g. `decay 200 ms;` (the time constant of the return to baseline)");
            ok = false;
        }
        if (!ok) {
            failedModulators.add(name);
            return;
        }
        modulatorIndex.put(name, modulators.size());
        modulators.add(new Modulator(name, decl.span(), source, release, decay, baseline, scope, delay));
    }

    void pathway(PathwayDecl decl) {
        String name = decl.name().name();
        if (!ctx.claim("pathway", name, decl.name().span(), "rename one of them")) {
            return;
        }
        String modName = decl.modulator().name();
        Integer modulator = modulatorIndex.get(modName);
        if (modulator == null) {
            if (!failedModulators.contains(modName)) {
                diagnostics.report(DiagnosticCode.UNKNOWN_MODULATOR, decl.modulator().span(), "unknown modulator `" + modName
                        + "`", Suggestions.help(modName, modulatorIndex.keySet()));
            }
            return;
        }
        String receptor = decl.receptor().name();
        Optional<PathwayTargetBinding> target = target(decl, modName, receptor);
        List<EffectBinding> effects = new ArrayList<>();
        EffectCompiler compiler = new EffectCompiler(ctx.constantScope(), modulatorIndex);
        boolean ok = target.isPresent();
        for (Effect e : decl.effects()) {
            Optional<EffectBinding> b = effect(e, compiler);
            ok &= b.isPresent();
            b.ifPresent(effects::add);
        }
        if (ok) {
            pathways.add(new PathwayBinding(name, decl.span(), modulator, receptor, target.get(), effects));
        }
    }

    private Optional<PathwayTargetBinding> target(PathwayDecl decl, String modulator, String receptor) {
        PathwayTarget t = decl.target();
        if (t instanceof PathwayTarget.Projection p) {
            String proj = p.projection().name();
            Optional<Integer> index = ctx.projectionIndex(proj);
            if (index.isEmpty()) {
                if (!ctx.projectionFailedEarlier(proj)) {
                    diagnostics.report(DiagnosticCode.UNKNOWN_PROJECTION, p.projection().span(), "unknown projection `" + proj
                            + "`", Suggestions.help(proj, ctx.projections().stream().map(io.neuromap.compiler.ir.Projection::name)
                            .toList()));
                }
                return Optional.empty();
            }
            return Optional.of(new PathwayTargetBinding.Synapses(index.get(), proj));
        }
        List<NeuronRange> ranges = new ArrayList<>();
        boolean found = false;
        if (t instanceof PathwayTarget.Celltype c) {
            String type = c.celltype().name();
            for (int pi = 0; pi < ctx.populations().size(); pi++) {
                Population p = ctx.populations().get(pi);
                int ti = p.cellTypeIndex(type);
                if (ti >= 0) {
                    found = true;
                    if (!addRanges(p, pi, ti, p.cellTypeRange(ti), Optional.empty(), modulator, receptor, decl, ranges)) {
                        return Optional.empty();
                    }
                }
            }
            if (!found && !ctx.program().celltypes().containsKey(type)) {
                diagnostics.report(DiagnosticCode.UNKNOWN_NAME, c.celltype().span(), "unknown cell type `" + type + "`",
                        Suggestions.help(type, ctx.program().celltypes().keySet()));
                return Optional.empty();
            }
            return Optional.of(new PathwayTargetBinding.Neurons(ranges));
        }
        PathwayTarget.Population pop = (PathwayTarget.Population) t;
        Optional<Endpoints.Resolved> r = Endpoints.resolve(ctx, pop.endpoint());
        if (r.isEmpty()) {
            return Optional.empty();
        }
        Population p = ctx.populations().get(r.get().population());
        for (int ti = 0; ti < p.cellTypes().size(); ti++) {
            IndexRange block = p.cellTypeRange(ti);
            int from = Math.max(block.from(), r.get().range().from());
            int to = Math.min(block.to(), r.get().range().to());
            if (from < to && p.cellTypes().get(ti).receptor(receptor).isPresent()) {
                found = true;
                if (!addRanges(p, r.get().population(), ti, new IndexRange(from, to), r.get().compartment(), modulator,
                        receptor, decl, ranges)) {
                    return Optional.empty();
                }
            }
        }
        if (!found) {
            diagnostics.report(DiagnosticCode.RECEPTOR_NOT_EXPRESSED, decl.receptor().span(), "no neuron of `" + p.name()
                    + "` this pathway targets expresses receptor `" + receptor + "`", "declare `receptor " + receptor
                    + " binds " + modulator + ";` in the cell type or population");
            return Optional.empty();
        }
        return Optional.of(new PathwayTargetBinding.Neurons(ranges));
    }

    /** Adds the neurons of one cell-type block that express the receptor; false after reporting a mismatch. */
    private boolean addRanges(Population p, int pi, int ti, IndexRange range, Optional<String> compartment,
            String modulator, String receptor, PathwayDecl decl, List<NeuronRange> out) {
        CellType type = p.cellTypes().get(ti);
        Optional<Receptor> rec = type.receptor(receptor);
        if (rec.isEmpty()) {
            diagnostics.report(DiagnosticCode.RECEPTOR_NOT_EXPRESSED, decl.receptor().span(), "cell type `" + type.name()
                    + "` (in `" + p.name() + "`) does not express receptor `" + receptor + "`", "declare `receptor " + receptor
                    + " binds " + modulator + ";` in cell type `" + type.name() + "`");
            return false;
        }
        if (!rec.get().modulator().equals(modulator)) {
            diagnostics.report(DiagnosticCode.RECEPTOR_BINDS_OTHER, decl.receptor().span(), "receptor `" + receptor
                    + "` of `" + type.name() + "` binds `" + rec.get().modulator() + "`, not `" + modulator + "`",
                    "use a receptor that binds " + modulator);
            return false;
        }
        if (range.size() > 0) {
            out.add(new NeuronRange(pi, range.from(), p.offset() + range.from(), range.size(),
                    compartment.orElse(rec.get().compartment())));
        }
        return true;
    }

    private Optional<EffectBinding> effect(Effect e, EffectCompiler compiler) {
        String kind = e.kind().name();
        if (Catalog.effect(kind).isEmpty()) {
            diagnostics.report(DiagnosticCode.BAD_EFFECT, e.kind().span(), "unknown effect `" + kind + "`",
                    Suggestions.help(kind, Catalog.effectNames()));
            return Optional.empty();
        }
        EffectBinding.Op op = switch (e.op()) {
            case SET -> EffectBinding.Op.SET;
            case ADD -> EffectBinding.Op.ADD;
            case SUBTRACT -> EffectBinding.Op.SUBTRACT;
            case MULTIPLY -> EffectBinding.Op.MULTIPLY;
        };
        EffectCompiler.Compiled value;
        try {
            value = compiler.compile(e.value());
        } catch (EvaluationException ex) {
            diagnostics.report(ex.diagnostic());
            return Optional.empty();
        }
        IrExpr valueExpr = value.expr();
        Dimension valueDimension = value.dimension();
        Optional<Dimension> implied = impliedDimension(kind, op);
        if (implied.isPresent() && valueDimension.isNone()) {
            // Analysis reads a plain threshold offset in mV and a plain excitability in nA.
            double factor = Units.displayUnit(implied.get()).orElseThrow().factor();
            valueExpr = valueExpr instanceof IrExpr.Constant c ? new IrExpr.Constant(c.value() * factor)
                    : new IrExpr.Binary(IrExpr.Op.MUL, valueExpr, new IrExpr.Constant(factor));
            valueDimension = implied.get();
        }
        ResponseFunction response = ResponseFunction.linear(e.span());
        if (e.response().isPresent()) {
            Optional<CallEvaluator.Evaluated> call = CallEvaluator.evaluate(ctx, e.response().get(),
                    Catalog.response(e.response().get().name().name()), "response function", DiagnosticCode.BAD_EFFECT,
                    Catalog.responseNames());
            if (call.isEmpty()) {
                return Optional.empty();
            }
            response = response(call.get().call(), e.response().get().span());
        }
        return Optional.of(new EffectBinding(kind, e.subject().map(QualifiedName::text), op, valueExpr, valueDimension,
                response, e.span()));
    }

    /** The unit a plain-number value of an additive threshold or excitability effect is read in. */
    private static Optional<Dimension> impliedDimension(String kind, EffectBinding.Op op) {
        if (op == EffectBinding.Op.MULTIPLY) {
            return Optional.empty();
        }
        return switch (kind) {
            case "threshold" -> Optional.of(Dimension.VOLTAGE);
            case "excitability" -> Optional.of(Dimension.CURRENT);
            default -> Optional.empty();
        };
    }

    private static ResponseFunction response(EvaluatedCall call, SourceSpan span) {
        return switch (call.name()) {
            case "sigmoid" -> new ResponseFunction(ResponseFunction.Kind.SIGMOID, call.numbers().get("k"),
                    call.numbers().get("half"), span);
            case "hill" -> new ResponseFunction(ResponseFunction.Kind.HILL, call.numbers().get("n"), call.numbers().get("K"),
                    span);
            default -> ResponseFunction.linear(span);
        };
    }

    private static Optional<String> word(Expr e) {
        Expr x = e;
        while (x instanceof Expr.Paren p) {
            x = p.inner();
        }
        return x instanceof Expr.Name n ? Optional.of(n.name().text()) : Optional.empty();
    }
}
