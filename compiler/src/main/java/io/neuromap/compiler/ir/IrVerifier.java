package io.neuromap.compiler.ir;

import io.neuromap.compiler.model.ParameterSpec;
import io.neuromap.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the structural invariants of a {@link Network}: contiguous neuron numbering, one value
 * per neuron for every parameter, CSR well-formedness (rowStart monotone from 0 to the synapse
 * count, targets inside the post endpoint, rows outside the pre endpoint empty, delays >= 1,
 * array lengths agreeing), and every index into another list in range. Runs after elaboration
 * (and after any pass that rewrites the IR); every problem is reported, none stops the check.
 */
public final class IrVerifier {
    private final Network network;
    private final List<IrProblem> problems = new ArrayList<>();

    private IrVerifier(Network network) {
        this.network = network;
    }

    /** Every broken invariant, in network order; empty when the IR is well-formed. */
    public static List<IrProblem> verify(Network network) {
        IrVerifier v = new IrVerifier(network);
        v.run();
        return List.copyOf(v.problems);
    }

    private void run() {
        checkPopulations();
        for (Projection p : network.projections()) {
            checkProjection(p);
        }
        for (Modulator m : network.modulators()) {
            if (m.source() instanceof ModulatorSource.FromPopulation s && !populationInRange(s.population())) {
                problem(m.span(), "modulator `" + m.name() + "` has source population index " + s.population()
                        + " of " + network.populations().size());
            }
            if (!(m.decay() > 0)) {
                problem(m.span(), "modulator `" + m.name() + "` has decay " + m.decay() + ", must be > 0");
            }
        }
        for (PathwayBinding p : network.pathways()) {
            checkPathway(p);
        }
        for (Stimulus s : network.stimuli()) {
            checkRange(s.target(), s.span(), "stimulus `" + s.name() + "`");
            if (s.weight().isPresent() && s.weight().get().size() != s.target().size()) {
                problem(s.span(), "stimulus `" + s.name() + "` has " + s.weight().get().size() + " weights for "
                        + s.target().size() + " target neurons");
            }
        }
        for (Probe p : network.probes()) {
            checkRange(p.target(), p.span(), "probe `" + p.name() + "`");
        }
    }

    private void checkPopulations() {
        long next = 0;
        for (Population p : network.populations()) {
            if (p.offset() != next) {
                problem(p.span(), "population `" + p.name() + "` starts at global neuron " + p.offset() + ", expected "
                        + next);
            }
            next = (long) p.offset() + p.size();
            for (ParameterSpec spec : p.model().parameters()) {
                if (spec.list()) {
                    ListParameterValues l = p.listParameters().get(spec.name());
                    if (l == null || l.size() != p.size()) {
                        problem(p.span(), "population `" + p.name() + "` lacks list parameter `" + spec.name()
                                + "` for all " + p.size() + " neurons");
                    }
                    continue;
                }
                ParameterValues v = p.parameters().get(spec.name());
                if (v == null) {
                    problem(p.span(), "population `" + p.name() + "` lacks parameter `" + spec.name() + "`");
                } else if (v.size() != p.size()) {
                    problem(p.span(), "parameter `" + spec.name() + "` of `" + p.name() + "` has " + v.size()
                            + " values for " + p.size() + " neurons");
                } else {
                    Summary s = v.summary();
                    if (Double.isNaN(s.mean()) && !s.isEmpty()) {
                        problem(p.parameterSpan(spec.name()), "parameter `" + spec.name() + "` of `" + p.name()
                                + "` has NaN values");
                    }
                }
            }
            if (p.parameters().size() + p.listParameters().size() != p.model().parameters().size()) {
                problem(p.span(), "population `" + p.name() + "` has parameters the model `" + p.model().name()
                        + "` does not define");
            }
            for (int t = 0; t < p.cellTypes().size(); t++) {
                IndexRange r = p.cellTypeRange(t);
                for (int i = r.from(); i < r.to(); i++) {
                    if (p.cellTypeOf(i) != t) {
                        problem(p.span(), "neuron " + i + " of `" + p.name() + "` has cell type index " + p.cellTypeOf(i)
                                + " inside the block of cell type " + t);
                        break;
                    }
                }
                for (Receptor rec : p.cellTypes().get(t).receptors()) {
                    if (!p.model().hasCompartment(rec.compartment())) {
                        problem(rec.span(), "receptor `" + rec.name() + "` sits on compartment `" + rec.compartment()
                                + "`, which model `" + p.model().name() + "` lacks");
                    }
                }
            }
        }
        if (next > Integer.MAX_VALUE) {
            problem(network.span(), "the network has " + next + " neurons, more than global indices can number");
        }
    }

    private void checkProjection(Projection p) {
        String what = "projection `" + p.name() + "`";
        if (!populationInRange(p.pre()) || !populationInRange(p.post())) {
            problem(p.span(), what + " refers to population index " + p.pre() + " or " + p.post() + " of "
                    + network.populations().size());
            return;
        }
        Population pre = network.populations().get(p.pre());
        Population post = network.populations().get(p.post());
        if (p.preRange().to() > pre.size() || p.postRange().to() > post.size()) {
            problem(p.span(), what + " selects " + p.preRange() + " of " + pre.size() + " pre neurons and "
                    + p.postRange() + " of " + post.size() + " post neurons");
            return;
        }
        if (!post.model().hasCompartment(p.postCompartment())) {
            problem(p.span(), what + " ends on compartment `" + p.postCompartment() + "`, which model `"
                    + post.model().name() + "` lacks");
        }
        SynapseMatrix m = p.synapses();
        int[] rowStart = m.rowStartArray();
        int[] targets = m.targetArray();
        if (m.rows() != pre.size()) {
            problem(p.span(), what + " has " + m.rows() + " rows for " + pre.size() + " pre neurons");
            return;
        }
        if (rowStart[0] != 0) {
            problem(p.span(), what + ": rowStart[0] is " + rowStart[0] + ", must be 0");
        }
        for (int r = 0; r < m.rows(); r++) {
            if (rowStart[r + 1] < rowStart[r]) {
                problem(p.span(), what + ": rowStart decreases at row " + r + " (" + rowStart[r] + " -> "
                        + rowStart[r + 1] + ")");
                return;
            }
            if (!p.preRange().contains(r) && rowStart[r + 1] != rowStart[r]) {
                problem(p.span(), what + ": row " + r + " is outside the pre endpoint " + p.preRange()
                        + " but has synapses");
                return;
            }
        }
        if (rowStart[m.rows()] != targets.length) {
            problem(p.span(), what + ": rowStart ends at " + rowStart[m.rows()] + " but there are " + targets.length
                    + " targets");
            return;
        }
        if (m.weights().count() != targets.length || m.delays().count() != targets.length) {
            problem(p.span(), what + " has " + targets.length + " targets, " + m.weights().count() + " weights and "
                    + m.delays().count() + " delays");
            return;
        }
        int lo = p.postRange().from();
        int hi = p.postRange().to();
        for (int k = 0; k < targets.length; k++) {
            if (targets[k] < lo || targets[k] >= hi) {
                problem(p.span(), what + ": synapse " + k + " targets neuron " + targets[k] + ", outside the post endpoint "
                        + p.postRange());
                return;
            }
        }
        if (targets.length > 0 && (m.delays().min() < 1 || m.delays().max() > DelaySteps.MAX_STEPS)) {
            problem(p.span(), what + " has delays of " + m.delays().min() + ".." + m.delays().max()
                    + " steps; delays must be in [1, " + DelaySteps.MAX_STEPS + "]");
        }
        Summary w = m.weights().summary();
        if (!w.isEmpty() && !(w.min() >= 0 && Double.isFinite(w.max()))) {
            problem(p.span(), what + " has weights in [" + w.min() + ", " + w.max()
                    + "]; IR weights are finite magnitudes >= 0");
        }
    }

    private void checkPathway(PathwayBinding p) {
        String what = "pathway `" + p.name() + "`";
        if (p.modulator() < 0 || p.modulator() >= network.modulators().size()) {
            problem(p.span(), what + " refers to modulator index " + p.modulator());
        }
        if (p.target() instanceof PathwayTargetBinding.Neurons n) {
            for (NeuronRange r : n.ranges()) {
                checkRange(r, p.span(), what);
            }
        } else if (p.target() instanceof PathwayTargetBinding.Synapses s) {
            if (s.projection() >= network.projections().size()
                    || !network.projections().get(s.projection()).name().equals(s.name())) {
                problem(p.span(), what + " refers to projection index " + s.projection() + " (`" + s.name() + "`)");
            }
        }
        for (EffectBinding e : p.effects()) {
            checkConcentrations(e.value(), e.span());
        }
    }

    private void checkConcentrations(IrExpr e, SourceSpan span) {
        if (e instanceof IrExpr.Concentration c) {
            if (c.modulator() < 0 || c.modulator() >= network.modulators().size()
                    || !network.modulators().get(c.modulator()).name().equals(c.name())) {
                problem(span, "effect reads modulator index " + c.modulator() + " (`" + c.name() + "`)");
            }
        } else if (e instanceof IrExpr.Negate n) {
            checkConcentrations(n.operand(), span);
        } else if (e instanceof IrExpr.Binary b) {
            checkConcentrations(b.left(), span);
            checkConcentrations(b.right(), span);
        } else if (e instanceof IrExpr.Call c) {
            for (IrExpr a : c.arguments()) {
                checkConcentrations(a, span);
            }
        }
    }

    private void checkRange(NeuronRange r, SourceSpan span, String what) {
        if (!populationInRange(r.population())) {
            problem(span, what + " refers to population index " + r.population());
            return;
        }
        Population p = network.populations().get(r.population());
        if (r.localEnd() > p.size()) {
            problem(span, what + " covers neurons " + r.localRange() + " of `" + p.name() + "`, which has " + p.size());
        }
        if (r.globalStart() != p.offset() + r.localStart()) {
            problem(span, what + " starts at global neuron " + r.globalStart() + ", but local neuron " + r.localStart()
                    + " of `" + p.name() + "` is global " + (p.offset() + r.localStart()));
        }
        if (!p.model().hasCompartment(r.compartment())) {
            problem(span, what + " acts on compartment `" + r.compartment() + "`, which model `" + p.model().name()
                    + "` lacks");
        }
    }

    private boolean populationInRange(int index) {
        return index >= 0 && index < network.populations().size();
    }

    private void problem(SourceSpan span, String message) {
        problems.add(new IrProblem(span, message));
    }
}
