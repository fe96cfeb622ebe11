package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.Binding;
import io.neuromap.compiler.ast.Expr;
import io.neuromap.compiler.ast.Identifier;
import io.neuromap.compiler.ast.PopulationDecl;
import io.neuromap.compiler.ast.PopulationType;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.diag.Suggestions;
import io.neuromap.compiler.eval.DimensionChecker;
import io.neuromap.compiler.eval.Typed;
import io.neuromap.compiler.model.ModelLibrary;
import io.neuromap.compiler.model.NeuronModel;
import io.neuromap.compiler.units.Units;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Resolves a population: its size (a positive whole constant), its type (a built-in model, a
 * cell type, or a mix of cell types of one model whose fractions lie in (0, 1] and sum to 1), and
 * its body against the parameters of that model.
 */
final class PopulationChecker {
    /** Populations are indexed with {@code int}s; larger ones cannot be elaborated. */
    static final long MAX_SIZE = Integer.MAX_VALUE;
    private static final double MIX_TOLERANCE = 1e-9;

    private final NetworkContext context;
    private final Diagnostics diagnostics;
    private final BodyChecker bodies;

    PopulationChecker(NetworkContext context, BodyChecker bodies) {
        this.context = requireNonNull(context, "context is null");
        this.diagnostics = context.diagnostics();
        this.bodies = requireNonNull(bodies, "bodies is null");
    }

    PopulationInfo check(PopulationDecl p) {
        OptionalLong size = size(p);
        List<PopulationInfo.Variant> variants = p.type() instanceof PopulationType.Mix m ? mix(p, m, size) : named(p, size);
        Optional<ParameterSet> params = Optional.empty();
        Map<String, Typed> inherited = Map.of();
        if (!variants.isEmpty()) {
            List<NeuronModel> models = new ArrayList<>();
            for (PopulationInfo.Variant v : variants) {
                if (!models.contains(v.model())) {
                    models.add(v.model());
                }
            }
            params = Optional.of(ParameterSet.of(models, owner(p, variants)));
            inherited = inherited(variants);
        }
        BodyChecker.Result body = bodies.check(BodyChecker.Kind.POPULATION, params, inherited, p.body());
        for (PopulationInfo.Variant v : variants) {
            Map<String, Typed> fromCelltype = v.celltype().map(c -> c.body().parameters()).orElse(Map.of());
            ResetRule.check(v.model(), body.parameters(), body.bindings(), fromCelltype, diagnostics);
        }
        return new PopulationInfo(p, variants, size, body);
    }

    private OptionalLong size(PopulationDecl p) {
        Set<String> perNeuron = new LinkedHashSet<>();
        for (Binding b : p.bindings()) {
            perNeuron.add(b.name().text());
        }
        Typed t = DimensionChecker.check(p.size(), context.constantScope(perNeuron), diagnostics);
        if (t.dynamicCause().isPresent()) {
            Expr cause = t.dynamicCause().get();
            diagnostics.report(DiagnosticCode.DYNAMIC_IN_CONSTANT, cause.span(), "the size of a population is one number, but "
                    + DimensionChecker.describe(cause) + " is a per-neuron value", "use a literal or a `const`");
            return OptionalLong.empty();
        }
        if (t.isError()) {
            return OptionalLong.empty();
        }
        String help = "write a whole number of neurons, e.g. population " + p.name().name() + "[100] : ...";
        if (!t.dimension().get().isNone()) {
            diagnostics.report(DiagnosticCode.BAD_SIZE, p.size().span(), "the size of a population is a number of neurons, found "
                    + t.dimension().get().describe() + " (" + t.constantValue().get() + ")", help);
            return OptionalLong.empty();
        }
        double v = t.range().lo();
        if (v <= 0 || v != Math.rint(v)) {
            diagnostics.report(DiagnosticCode.BAD_SIZE, p.size().span(), "the size of a population must be a positive whole number, found "
                    + Hints.exactNumber(v), Hints.nearlyWhole(v) && v > 0.5 ? "the expression is off a whole number by rounding: wrap it in round(...)"
                    : help);
            return OptionalLong.empty();
        }
        if (v > MAX_SIZE) {
            diagnostics.report(DiagnosticCode.BAD_SIZE, p.size().span(), "a population has at most " + MAX_SIZE + " neurons, found "
                    + Units.formatNumber(v), "split it into several populations");
            return OptionalLong.empty();
        }
        return OptionalLong.of((long) v);
    }

    private List<PopulationInfo.Variant> named(PopulationDecl p, OptionalLong size) {
        Identifier type = ((PopulationType.Named) p.type()).name();
        String name = type.name();
        CelltypeInfo celltype = context.celltypes().get(name);
        if (celltype != null) {
            return celltype.model().map(m -> List.of(new PopulationInfo.Variant(Optional.of(celltype), m, 1.0, size)))
                    .orElse(List.of());
        }
        Optional<NeuronModel> model = ModelLibrary.lookup(name);
        if (model.isPresent()) {
            return List.of(new PopulationInfo.Variant(Optional.empty(), model.get(), 1.0, size));
        }
        List<String> candidates = new ArrayList<>();
        ModelLibrary.all().forEach(m -> candidates.add(m.name()));
        candidates.addAll(context.celltypes().keySet());
        String help = context.network().itemsOf(PopulationDecl.class).stream().anyMatch(q -> q.name().name().equals(name))
                ? "`" + name + "` is a population; a population's type is a model or a cell type: " + String.join(", ", candidates)
                : Suggestions.help(name, candidates);
        diagnostics.report(DiagnosticCode.UNKNOWN_MODEL, type.span(), "unknown neuron model or cell type `" + name + "`", help);
        return List.of();
    }

    private List<PopulationInfo.Variant> mix(PopulationDecl p, PopulationType.Mix mix, OptionalLong size) {
        List<CelltypeInfo> celltypes = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        Map<String, PopulationType.Mix.Entry> seen = new HashMap<>();
        boolean ok = true;
        for (PopulationType.Mix.Entry e : mix.entries()) {
            String name = e.celltype().name();
            Optional<Double> fraction = fraction(e);
            ok &= fraction.isPresent();
            if (seen.putIfAbsent(name, e) != null) {
                diagnostics.report(DiagnosticCode.BAD_MIX, e.celltype().span(), "cell type `" + name + "` appears twice in the mix",
                        "give it one entry with the total fraction");
                ok = false;
                continue;
            }
            CelltypeInfo c = context.celltypes().get(name);
            if (c == null) {
                String help = ModelLibrary.lookup(name).isPresent()
                        ? "mix entries are cell types; declare one: celltype My" + name + " : " + name + " { }"
                        : context.celltypes().isEmpty() ? "declare it: celltype " + name + " : lif { }"
                        : Suggestions.help(name, context.celltypes().keySet());
                diagnostics.report(DiagnosticCode.UNKNOWN_MODEL, e.celltype().span(), "unknown cell type `" + name + "`", help);
                ok = false;
                continue;
            }
            if (c.model().isEmpty()) {
                ok = false;
                continue;
            }
            if (c.model().get().source()) {
                diagnostics.report(DiagnosticCode.BAD_MIX, e.celltype().span(), "a mix cannot contain spike sources: `" + name
                        + "` is a " + c.model().get().name() + " source", "give the sources a population of their own");
                ok = false;
                continue;
            }
            if (!celltypes.isEmpty() && !celltypes.get(0).model().get().equals(c.model().get())) {
                diagnostics.report(DiagnosticCode.BAD_MIX, e.celltype().span(), "cell type `" + name + "` is based on " + c.model().get().name()
                        + ", but `" + celltypes.get(0).name() + "` on " + celltypes.get(0).model().get().name()
                        + ": the cell types of a mix share one model", "put cells of different models in separate populations");
                ok = false;
                continue;
            }
            celltypes.add(c);
            fraction.ifPresent(fractions::add);
        }
        if (!ok) {
            return List.of();
        }
        double sum = 0;
        for (double f : fractions) {
            sum += f;
        }
        if (Math.abs(sum - 1) > MIX_TOLERANCE) {
            PopulationType.Mix.Entry last = mix.entries().get(mix.entries().size() - 1);
            double rest = 1 - (sum - fractions.get(fractions.size() - 1));
            String help = rest > 0 && rest <= 1 ? "e.g. " + last.celltype().name() + ": " + Units.formatNumber(rest)
                    : "scale the fractions so that they sum to 1";
            diagnostics.report(DiagnosticCode.BAD_MIX, mix.span(), "the fractions of a mix must sum to 1, found "
                    + Units.formatNumber(sum), help);
            return List.of();
        }
        long[] counts = null;
        if (size.isPresent()) {
            double[] f = new double[fractions.size()];
            for (int i = 0; i < f.length; i++) {
                f[i] = fractions.get(i);
            }
            counts = MixAllocation.counts(size.getAsLong(), f);
        }
        List<PopulationInfo.Variant> variants = new ArrayList<>();
        for (int i = 0; i < celltypes.size(); i++) {
            CelltypeInfo c = celltypes.get(i);
            variants.add(new PopulationInfo.Variant(Optional.of(c), c.model().get(), fractions.get(i),
                    counts == null ? OptionalLong.empty() : OptionalLong.of(counts[i])));
        }
        return variants;
    }

    private Optional<Double> fraction(PopulationType.Mix.Entry e) {
        Typed t = DimensionChecker.check(e.fraction(), context.constantScope(List.of()), diagnostics);
        if (t.isError()) {
            return Optional.empty();
        }
        if (!t.dimension().get().isNone()) {
            diagnostics.report(DiagnosticCode.BAD_MIX, e.fraction().span(), "a mix fraction is a dimensionless number, found "
                    + t.dimension().get().describe(), "write e.g. " + e.celltype().name() + ": 0.5");
            return Optional.empty();
        }
        double v = t.range().lo();
        if (!(v > 0 && v <= 1)) {
            diagnostics.report(DiagnosticCode.BAD_MIX, e.fraction().span(), "a mix fraction must be in (0, 1], found "
                    + Units.formatNumber(v), v >= 2 && v <= 100 ? "fractions are written as numbers summing to 1, e.g. "
                    + Units.formatNumber(v / 100) : "remove the entry or give it a positive fraction");
            return Optional.empty();
        }
        return Optional.of(v);
    }

    private static String owner(PopulationDecl p, List<PopulationInfo.Variant> variants) {
        if (p.type() instanceof PopulationType.Mix) {
            List<String> parts = new ArrayList<>();
            for (PopulationInfo.Variant v : variants) {
                parts.add(v.label() + " (" + v.model().name() + ")");
            }
            return "the mix of " + String.join(", ", parts);
        }
        PopulationInfo.Variant v = variants.get(0);
        return v.celltype().map(c -> "cell type " + c.name() + " (" + v.model().name() + ")").orElse(v.model().name());
    }

    /** The parameters every cell type of the population bound, as per-neuron values with the hull of their ranges. */
    private static Map<String, Typed> inherited(List<PopulationInfo.Variant> variants) {
        Map<String, Typed> out = null;
        for (PopulationInfo.Variant v : variants) {
            Map<String, Typed> own = v.celltype().map(c -> BodyChecker.inherited(c.body())).orElse(Map.of());
            if (out == null) {
                out = new LinkedHashMap<>(own);
                continue;
            }
            Map<String, Typed> merged = new LinkedHashMap<>();
            for (Map.Entry<String, Typed> e : out.entrySet()) {
                Typed other = own.get(e.getKey());
                if (other == null) {
                    continue;
                }
                Typed mine = e.getValue();
                if (mine.isError() || other.isError() || !mine.dimension().equals(other.dimension())) {
                    merged.put(e.getKey(), new Typed(Optional.empty(), mine.range(), mine.dynamicCause()));
                } else {
                    merged.put(e.getKey(), new Typed(mine.dimension(), mine.range().hull(other.range()), mine.dynamicCause()));
                }
            }
            out = merged;
        }
        return out == null ? Map.of() : out;
    }
}
