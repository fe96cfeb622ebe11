package io.neuromap.compiler.elaborate;

import io.neuromap.compiler.ast.Argument;
import io.neuromap.compiler.ast.Binding;
import io.neuromap.compiler.ast.BodyItem;
import io.neuromap.compiler.ast.StimulusDecl;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.eval.EvaluationException;
import io.neuromap.compiler.eval.Evaluator;
import io.neuromap.compiler.ir.EvaluatedCall;
import io.neuromap.compiler.ir.NeuronRange;
import io.neuromap.compiler.ir.ParameterValues;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.ir.Stimulus;
import io.neuromap.compiler.ir.StimulusSource;
import io.neuromap.compiler.model.Catalog;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds a {@code stimulus} to its target neurons. Its body may bind {@code weight} (fixed or drawn
 * per target neuron, keyed by {@code Network/stimulus:name/weight} and the target's position) and
 * {@code let} variables; {@code seed = N;} overrides the seed of its draws and Poisson trains.
 * Weights are currents in SI; a plain number is read in nA.
 * Spike-delivering sources (poisson, spike_times) need a weight (NM-E0117); dc and external may
 * omit it.
 */
final class StimulusElaborator {
    private static final int MIN_CHUNK = 4096;

    private StimulusElaborator() {
    }

    static Optional<Stimulus> elaborate(ElaborationContext ctx, StimulusDecl decl) {
        Diagnostics diagnostics = ctx.diagnostics();
        String name = decl.name().name();
        if (!ctx.claim("stimulus", name, decl.name().span(), "rename one of them")) {
            return Optional.empty();
        }
        Optional<CallEvaluator.Evaluated> call = CallEvaluator.evaluate(ctx, decl.source(),
                Catalog.stimulus(decl.source().name().name()), "stimulus", DiagnosticCode.UNKNOWN_KIND, Catalog.stimulusNames());
        Optional<Endpoints.Resolved> target = Endpoints.resolve(ctx, decl.target());
        List<Binding> bindings = new ArrayList<>();
        for (BodyItem item : decl.body()) {
            if (item instanceof Binding b) {
                bindings.add(b);
            } else {
                diagnostics.report(DiagnosticCode.TYPE_MISMATCH, item.span(), "a stimulus has no receptors",
                        "declare receptors in cell types or populations");
                return Optional.empty();
            }
        }
        ElaborationContext.SeedOverride seedOverride = ctx.seedOverride(bindings);
        if (call.isEmpty() || target.isEmpty() || !seedOverride.ok()) {
            return Optional.empty();
        }
        Optional<StimulusSource> source = source(ctx, call.get());
        if (source.isEmpty()) {
            return Optional.empty();
        }
        long seed = seedOverride.orElse(ctx.seed());
        Population p = ctx.populations().get(target.get().population());
        NeuronRange range = target.get().neurons(p, p.model().compartments().get(0));

        BindingProgram.Builder builder = new BindingProgram.Builder(ctx.constants(), seed);
        int weightSlot = builder.declare("weight", null, Double.NaN);
        boolean ok = true;
        for (Binding b : bindings) {
            if (!b.isLet() && b.name().text().equals(ElaborationContext.SEED)) {
                continue;
            }
            ok &= builder.add(b, ctx.stimulusPath(name), diagnostics);
        }
        if (!ok) {
            return Optional.empty();
        }
        BindingProgram program = builder.build();
        String kind = source.get().kind();
        if (program.lastSpan(weightSlot).isEmpty()) {
            if (kind.equals("poisson") || kind.equals("spike_times")) {
                diagnostics.report(DiagnosticCode.MISSING_SETTING, decl.span(), "stimulus `" + name
                        + "` delivers spikes but has no weight", "add a body such as `{ weight = 0.5 nA; }`");
                return Optional.empty();
            }
            return Optional.of(new Stimulus(name, decl.span(), source.get(), range, Optional.empty(), ctx.stimulusPath(name), seed));
        }
        Optional<ParameterValues> weight = weights(ctx, program, weightSlot, range.size(), name);
        return weight.map(w -> new Stimulus(name, decl.span(), source.get(), range, Optional.of(w), ctx.stimulusPath(name), seed));
    }

    private static Optional<ParameterValues> weights(ElaborationContext ctx, BindingProgram program, int slot, int n,
            String name) {
        if (program.isConstant(slot)) {
            return Optional.of(ParameterValues.constant(n, program.constantValue(slot)
                    * SynapseValues.plainFactor(program.constantDimension(slot))));
        }
        double[] values = new double[n];
        List<FailureLog> logs = ctx.parallel().chunks(n, ctx.parallel().chunkSize(n, MIN_CHUNK), (f, t) -> {
            FailureLog log = new FailureLog();
            BindingProgram.Runner r = program.newRunner();
            for (int i = f; i < t; i++) {
                r.begin(i);
                if (r.run()) {
                    values[i] = r.value(slot) * SynapseValues.plainFactor(r.dimension(slot));
                } else {
                    log.record(i, r.failure());
                }
            }
            return log;
        });
        FailureLog all = new FailureLog();
        logs.forEach(all::merge);
        if (!all.isEmpty()) {
            all.reportTo(ctx.diagnostics(), i -> "target neuron " + i + " of stimulus `" + name + "`");
            return Optional.empty();
        }
        return Optional.of(ParameterValues.of(values));
    }

    private static Optional<StimulusSource> source(ElaborationContext ctx, CallEvaluator.Evaluated e) {
        EvaluatedCall c = e.call();
        switch (c.name()) {
            case "poisson":
                return Optional.of(new StimulusSource.Poisson(c.numbers().get("rate"), c.numbers().get("start"),
                        c.numbers().get("duration")));
            case "dc":
                return Optional.of(new StimulusSource.Dc(c.numbers().get("amplitude"), c.numbers().get("start"),
                        c.numbers().get("duration")));
            case "external":
                return Optional.of(new StimulusSource.External(c.words().get("channel")));
            default:
                Argument times = e.bound().argument("times").orElseThrow();
                try {
                    List<Double> out = new ArrayList<>();
                    for (Quantity q : Evaluator.evaluateList(times.value(), ctx.constantScope())) {
                        double t = Evaluator.require(q, Dimension.TIME, times.span(), "every spike time").si();
                        if (t < 0) {
                            ctx.diagnostics().report(DiagnosticCode.OUT_OF_DOMAIN, times.span(), "spike time " + q
                                    + " is negative", "spike times are >= 0 ms");
                            return Optional.empty();
                        }
                        out.add(t);
                    }
                    out.sort(null);
                    return Optional.of(new StimulusSource.SpikeTimes(out));
                } catch (EvaluationException ex) {
                    ctx.diagnostics().report(ex.diagnostic());
                    return Optional.empty();
                }
        }
    }
}
