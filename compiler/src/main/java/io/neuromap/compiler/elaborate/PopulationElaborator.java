package io.neuromap.compiler.elaborate;

import io.neuromap.compiler.ast.Binding;
import io.neuromap.compiler.ast.CelltypeDecl;
import io.neuromap.compiler.ast.Identifier;
import io.neuromap.compiler.ast.PopulationDecl;
import io.neuromap.compiler.ast.PopulationType;
import io.neuromap.compiler.ast.ReceptorDecl;
import io.neuromap.compiler.frontend.MixAllocation;
import io.neuromap.compiler.diag.Diagnostic;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.eval.EvaluationException;
import io.neuromap.compiler.eval.Evaluator;
import io.neuromap.compiler.ir.CellType;
import io.neuromap.compiler.ir.ListParameterValues;
import io.neuromap.compiler.ir.ParameterValues;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.ir.Receptor;
import io.neuromap.compiler.model.ModelLibrary;
import io.neuromap.compiler.model.NeuronModel;
import io.neuromap.compiler.model.ParameterSpec;
import io.neuromap.compiler.source.SourceSpan;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Quantity;
import io.neuromap.compiler.units.Units;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Expands one {@code population} to neurons: resolves its model, cell types and mix, then
 * computes every parameter of every neuron.
 *
 * <p>Resolution order for a neuron: the model's defaults, then the bindings of its cell type
 * (base cell type first when one extends another), then the population's bindings, in writing
 * order; a later binding of a name replaces the earlier value, and a binding may read constants,
 * {@code let} variables and parameters bound before it. Draws of a cell-type binding are keyed
 * under {@code Network/population/celltype:CellType/name}, those of a population binding under
 * {@code Network/population/name}, each by the neuron's population-local index.
 *
 * <p>A {@code mix} is laid out in contiguous blocks, in mix order, with the counts of
 * {@link MixAllocation} (largest remainder of {@code fraction * N}, ties to the earlier entry), the
 * allocation analysis checked slices and connector sizes with.
 */
final class PopulationElaborator {
    private static final int MIN_CHUNK = 4096;

    private final ElaborationContext ctx;
    private final PopulationDecl decl;
    private final String name;
    private final Diagnostics diagnostics;
    private boolean failed;

    private PopulationElaborator(ElaborationContext ctx, PopulationDecl decl) {
        this.ctx = ctx;
        this.decl = decl;
        this.name = decl.name().name();
        this.diagnostics = ctx.diagnostics();
    }

    /** Elaborates {@code decl} into the context, or records it as failed after reporting why. */
    static void elaborate(ElaborationContext ctx, PopulationDecl decl) {
        new PopulationElaborator(ctx, decl).run();
    }

    /** One cell type of the population: its declaration chain (base first) and share of the mix. */
    private record Kind(String name, SourceSpan span, List<CelltypeDecl> layers, Optional<PopulationType.Mix.Entry> entry) {
    }

    private void run() {
        if (!ctx.claim("population", name, decl.name().span(), "rename one of them")) {
            return;
        }
        Optional<Integer> size = size();
        Optional<NeuronModel> model = Optional.empty();
        List<Kind> kinds = new ArrayList<>();
        if (decl.type() instanceof PopulationType.Named n) {
            Optional<Kind> k = kind(n.name(), Optional.empty());
            k.ifPresent(kinds::add);
            model = k.flatMap(this::modelOf);
        } else {
            PopulationType.Mix mix = (PopulationType.Mix) decl.type();
            for (PopulationType.Mix.Entry e : mix.entries()) {
                Optional<Kind> k = kind(e.celltype(), Optional.of(e));
                k.ifPresent(kinds::add);
            }
            model = mixModel(kinds);
        }
        if (failed || size.isEmpty() || model.isEmpty() || kinds.isEmpty()) {
            ctx.populationFailed(name);
            return;
        }
        int n = size.get();
        int[] starts = blocks(kinds, n);
        ElaborationContext.SeedOverride seedOverride = ctx.seedOverride(decl.bindings());
        long seed = seedOverride.orElse(ctx.seed());
        List<CellType> cellTypes = cellTypes(kinds, model.get());
        if (failed || !seedOverride.ok() || starts == null) {
            ctx.populationFailed(name);
            return;
        }
        Optional<Population> p = parameters(n, model.get(), kinds, starts, cellTypes, seed);
        if (p.isPresent() && !failed) {
            ctx.addPopulation(p.get());
        } else {
            ctx.populationFailed(name);
        }
    }

    private Optional<Integer> size() {
        Optional<Quantity> q = ctx.constant(decl.size(), Dimension.NONE, "the population size");
        if (q.isEmpty()) {
            failed = true;
            return Optional.empty();
        }
        double v = q.get().si();
        if (v < 1 || v != Math.rint(v)) {
            diagnostics.report(DiagnosticCode.BAD_SIZE, decl.size().span(), "a population size must be a whole number >= 1, found "
                    + Units.formatNumber(v), null);
            failed = true;
            return Optional.empty();
        }
        if (ctx.nextOffset() + v > Elaborator.MAX_NEURONS) {
            diagnostics.report(DiagnosticCode.TOO_LARGE, decl.size().span(), "population `" + name + "` brings the network to "
                    + Units.formatNumber(ctx.nextOffset() + v) + " neurons, more than the " + Elaborator.MAX_NEURONS
                    + " the IR can number", "split the network, or reduce the population sizes");
            failed = true;
            return Optional.empty();
        }
        return Optional.of((int) v);
    }

    /** A model name or a cell type (with the chain of cell types it extends). */
    private Optional<Kind> kind(Identifier id, Optional<PopulationType.Mix.Entry> entry) {
        if (ModelLibrary.lookup(id.name()).isPresent()) {
            return Optional.of(new Kind(id.name(), entry.isPresent() ? id.span() : decl.span(), List.of(), entry));
        }
        List<CelltypeDecl> chain = new ArrayList<>();
        Identifier current = id;
        while (ModelLibrary.lookup(current.name()).isEmpty()) {
            CelltypeDecl ct = ctx.program().celltypes().get(current.name());
            if (ct == null) {
                diagnostics.report(DiagnosticCode.UNKNOWN_MODEL, current.span(), "`" + current.name()
                        + "` is neither a built-in model nor a cell type", "models are "
                        + String.join(", ", ModelLibrary.all().stream().map(NeuronModel::name).toList()));
                failed = true;
                return Optional.empty();
            }
            if (chain.contains(ct)) {
                diagnostics.report(DiagnosticCode.UNKNOWN_MODEL, ct.model().span(), "cell type `" + ct.name().name()
                        + "` is defined in terms of itself", "base it on a built-in model");
                failed = true;
                return Optional.empty();
            }
            chain.add(0, ct);
            current = ct.model();
        }
        CelltypeDecl top = chain.get(chain.size() - 1);
        return Optional.of(new Kind(id.name(), top.span(), chain, entry));
    }

    private Optional<NeuronModel> modelOf(Kind k) {
        String base = k.layers().isEmpty() ? k.name() : k.layers().get(0).model().name();
        return ModelLibrary.lookup(base);
    }

    private Optional<NeuronModel> mixModel(List<Kind> kinds) {
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        NeuronModel first = modelOf(kinds.get(0)).orElseThrow();
        for (Kind k : kinds) {
            NeuronModel m = modelOf(k).orElseThrow();
            if (!m.name().equals(first.name())) {
                diagnostics.report(DiagnosticCode.BAD_MIX, k.entry().map(PopulationType.Mix.Entry::span).orElse(decl.span()),
                        "cell type `" + k.name() + "` is a `" + m.name() + "` but `" + kinds.get(0).name() + "` is a `"
                                + first.name() + "`: a mix shares one model", "put cells of different models in separate populations");
                failed = true;
                return Optional.empty();
            }
        }
        return Optional.of(first);
    }

    /** Block starts of the cell types (plus n at the end), or null after reporting a bad mix. */
    private int[] blocks(List<Kind> kinds, int n) {
        int[] starts = new int[kinds.size() + 1];
        if (kinds.size() == 1 && kinds.get(0).entry().isEmpty()) {
            starts[1] = n;
            return starts;
        }
        double[] fractions = new double[kinds.size()];
        double sum = 0;
        for (int i = 0; i < kinds.size(); i++) {
            PopulationType.Mix.Entry e = kinds.get(i).entry().orElseThrow();
            Optional<Quantity> f = ctx.constant(e.fraction(), Dimension.NONE, "a mix fraction");
            if (f.isEmpty()) {
                return null;
            }
            if (f.get().si() < 0) {
                diagnostics.report(DiagnosticCode.BAD_MIX, e.fraction().span(), "a mix fraction must not be negative, found "
                        + f.get(), null);
                return null;
            }
            fractions[i] = f.get().si();
            sum += fractions[i];
        }
        if (!(sum > 0)) {
            diagnostics.report(DiagnosticCode.BAD_MIX, decl.type().span(), "the mix fractions sum to 0", null);
            return null;
        }
        // Analysis checked slices and connector sizes with the same allocation; use it unchanged.
        long[] counts = MixAllocation.counts(n, fractions);
        for (int i = 0; i < counts.length; i++) {
            starts[i + 1] = starts[i] + (int) counts[i];
        }
        return starts;
    }

    private List<CellType> cellTypes(List<Kind> kinds, NeuronModel model) {
        List<CellType> out = new ArrayList<>();
        for (Kind k : kinds) {
            List<Receptor> receptors = new ArrayList<>();
            for (CelltypeDecl layer : k.layers()) {
                for (ReceptorDecl r : layer.receptors()) {
                    receptors.add(receptor(r, model));
                }
            }
            for (ReceptorDecl r : decl.receptors()) {
                receptors.add(receptor(r, model));
            }
            out.add(new CellType(k.name(), receptors, k.span()));
        }
        return out;
    }

    private Receptor receptor(ReceptorDecl r, NeuronModel model) {
        String compartment = r.compartment().map(Identifier::name).orElse(model.compartments().get(0));
        if (!model.hasCompartment(compartment)) {
            diagnostics.report(DiagnosticCode.UNKNOWN_COMPARTMENT, r.compartment().get().span(), "model `" + model.name()
                    + "` has no compartment `" + compartment + "`", "its compartments are " + String.join(", ",
                    model.compartments()));
            failed = true;
            compartment = model.compartments().get(0);
        }
        return new Receptor(r.name().name(), r.modulator().name(), compartment, r.span());
    }

    private Optional<Population> parameters(int n, NeuronModel model, List<Kind> kinds, int[] starts,
            List<CellType> cellTypes, long seed) {
        List<ParameterSpec> scalars = model.parameters().stream().filter(p -> !p.list()).toList();
        List<ParameterSpec> lists = model.parameters().stream().filter(ParameterSpec::list).toList();
        BindingProgram[] programs = new BindingProgram[kinds.size()];
        for (int t = 0; t < kinds.size(); t++) {
            programs[t] = program(kinds.get(t), scalars, lists, seed);
        }
        Map<String, ListParameterValues> listValues = new LinkedHashMap<>();
        for (ParameterSpec spec : lists) {
            listValues.put(spec.name(), listParameter(spec, kinds, starts, n));
        }
        if (failed) {
            return Optional.empty();
        }
        // One column per parameter; only parameters that differ between neurons get an array.
        double[][] columns = new double[scalars.size()][];
        for (int p = 0; p < scalars.size(); p++) {
            boolean same = programs[0].isConstant(p);
            for (BindingProgram prog : programs) {
                same = same && prog.isConstant(p) && Double.doubleToLongBits(prog.constantValue(p))
                        == Double.doubleToLongBits(programs[0].constantValue(p));
            }
            if (!same) {
                columns[p] = new double[n];
            }
        }
        FailureLog failures = new FailureLog();
        for (int t = 0; t < kinds.size(); t++) {
            failures.merge(fillBlock(programs[t], scalars, columns, starts[t], starts[t + 1]));
        }
        if (!failures.isEmpty()) {
            failures.reportTo(diagnostics, i -> "neuron " + i + " of `" + name + "`");
            return Optional.empty();
        }
        Map<String, ParameterValues> values = new LinkedHashMap<>();
        Map<String, SourceSpan> spans = new LinkedHashMap<>();
        for (int p = 0; p < scalars.size(); p++) {
            String param = scalars.get(p).name();
            values.put(param, columns[p] == null ? ParameterValues.constant(n, programs[0].constantValue(p))
                    : ParameterValues.of(columns[p]));
            for (BindingProgram prog : programs) {
                Optional<SourceSpan> s = prog.lastSpan(p);
                if (s.isPresent()) {
                    spans.put(param, s.get());
                    break;
                }
            }
        }
        return Optional.of(new Population(name, decl.span(), n, ctx.nextOffset(), model, values, spans, listValues,
                cellTypes, starts, seed));
    }

    private BindingProgram program(Kind kind, List<ParameterSpec> scalars, List<ParameterSpec> lists, long seed) {
        BindingProgram.Builder b = new BindingProgram.Builder(ctx.constants(), seed);
        for (ParameterSpec spec : scalars) {
            b.declare(spec.name(), spec.dimension(), spec.defaultSi().orElse(Double.NaN));
        }
        String popPath = ctx.path(name);
        for (CelltypeDecl layer : kind.layers()) {
            for (Binding binding : layer.bindings()) {
                if (!isList(binding, lists)) {
                    failed |= !b.add(binding, popPath + "/celltype:" + layer.name().name(), diagnostics);
                }
            }
        }
        for (Binding binding : decl.bindings()) {
            boolean reserved = !binding.isLet() && binding.name().text().equals(ElaborationContext.SEED);
            if (!reserved && !isList(binding, lists)) {
                failed |= !b.add(binding, popPath, diagnostics);
            }
        }
        return b.build();
    }

    private static boolean isList(Binding b, List<ParameterSpec> lists) {
        return !b.isLet() && lists.stream().anyMatch(p -> p.name().equals(b.name().text()));
    }

    /** Computes neurons {@code [from, to)} of one cell-type block into the columns; returns its failures. */
    private FailureLog fillBlock(BindingProgram prog, List<ParameterSpec> scalars, double[][] columns, int from, int to) {
        FailureLog log = new FailureLog();
        for (int p = 0; p < scalars.size(); p++) {
            if (prog.isConstant(p)) {
                checkDomain(scalars.get(p), prog, p, prog.constantValue(p), from, log);
                if (columns[p] != null) {
                    Arrays.fill(columns[p], from, to, prog.constantValue(p));
                }
            }
        }
        if (!prog.hasPerInstanceSteps() || from == to) {
            return log;
        }
        int[] varying = java.util.stream.IntStream.range(0, scalars.size()).filter(p -> !prog.isConstant(p)).toArray();
        List<FailureLog> logs = ctx.parallel().chunks(to - from, ctx.parallel().chunkSize(to - from, MIN_CHUNK), (f, t) -> {
            FailureLog chunkLog = new FailureLog();
            BindingProgram.Runner r = prog.newRunner();
            for (int i = from + f; i < from + t; i++) {
                r.begin(i);
                if (!r.run()) {
                    chunkLog.record(i, r.failure());
                    continue;
                }
                for (int p : varying) {
                    double v = r.value(p);
                    columns[p][i] = v;
                    checkDomain(scalars.get(p), prog, p, v, i, chunkLog);
                }
            }
            return chunkLog;
        });
        for (FailureLog l : logs) {
            log.merge(l);
        }
        return log;
    }

    private void checkDomain(ParameterSpec spec, BindingProgram prog, int slot, double v, long neuron, FailureLog log) {
        Optional<SourceSpan> span = prog.lastSpan(slot);
        if (span.isEmpty() || spec.domain().contains(v)) {
            return;
        }
        log.record(neuron, new Diagnostic(DiagnosticCode.OUT_OF_DOMAIN, span.get(), "`" + spec.name() + "` is "
                + Units.format(v, spec.dimension()) + ", outside its domain " + spec.domain().describe(spec.dimension()),
                "keep the value inside " + spec.domain().describe(spec.dimension())
                        + " (for a distribution, add a clip such as `clip [lo, hi]`)"));
    }

    /** A list parameter ({@code times}): the last binding of it in the neuron's layers, evaluated from constants. */
    private ListParameterValues listParameter(ParameterSpec spec, List<Kind> kinds, int[] starts, int n) {
        double[][] perNeuron = new double[n][];
        for (int t = 0; t < kinds.size(); t++) {
            List<Binding> bindings = new ArrayList<>();
            for (CelltypeDecl layer : kinds.get(t).layers()) {
                bindings.addAll(layer.bindings());
            }
            bindings.addAll(decl.bindings());
            double[] list = new double[0];
            for (Binding b : bindings) {
                if (b.isLet() || !b.name().text().equals(spec.name())) {
                    continue;
                }
                Optional<double[]> v = evaluateList(spec, b);
                if (v.isPresent()) {
                    list = v.get();
                }
            }
            for (int i = starts[t]; i < starts[t + 1]; i++) {
                perNeuron[i] = list;
            }
        }
        return ListParameterValues.of(perNeuron);
    }

    private Optional<double[]> evaluateList(ParameterSpec spec, Binding b) {
        if (!(b.value() instanceof Binding.Value.Fixed f)) {
            diagnostics.report(DiagnosticCode.TYPE_MISMATCH, b.span(), "`" + spec.name()
                    + "` is a list and cannot be drawn from a distribution", "write `" + spec.name() + " = [10 ms, 20 ms];`");
            failed = true;
            return Optional.empty();
        }
        try {
            List<Quantity> qs = Evaluator.evaluateList(f.expr(), ctx.constantScope());
            double[] out = new double[qs.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = Evaluator.require(qs.get(i), spec.dimension(), f.expr().span(), "every element of `" + spec.name()
                        + "`").si();
                if (!spec.domain().contains(out[i])) {
                    diagnostics.report(DiagnosticCode.OUT_OF_DOMAIN, f.expr().span(), "element " + i + " of `" + spec.name()
                            + "` is " + qs.get(i) + ", outside " + spec.domain().describe(spec.dimension()), null);
                    failed = true;
                    return Optional.empty();
                }
            }
            Arrays.sort(out);
            return Optional.of(out);
        } catch (EvaluationException e) {
            diagnostics.report(e.diagnostic());
            failed = true;
            return Optional.empty();
        }
    }
}
