package io.neuromap.compiler.frontend;

import io.neuromap.compiler.ast.Binding;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.eval.Interval;
import io.neuromap.compiler.eval.Typed;
import io.neuromap.compiler.model.NeuronModel;
import io.neuromap.compiler.model.ParameterSpec;
import io.neuromap.compiler.units.Dimension;
import java.util.Map;
import java.util.Optional;

/**
 * A neuron whose reset potential is at or above its threshold fires again in the step after every
 * spike, forever: almost always a sign error or a swapped pair. Reported (NM-E0301) when it holds
 * for every neuron, which includes all fixed values; when it holds only for some sampled neurons it
 * is left to the user (the ranges may be correlated through a {@code let}).
 *
 * <p>Per model: lif {@code v_reset < v_thresh}; two_comp {@code soma.v_reset < soma.v_thresh};
 * adex {@code v_reset < v_spike} (a reset above the exponential threshold V_T is a valid bursting
 * regime); izhikevich {@code c < v_thresh}.
 */
final class ResetRule {
    private ResetRule() {
    }

    private record Pair(String reset, String threshold) {
    }

    private static Optional<Pair> pair(NeuronModel model) {
        switch (model.name()) {
            case "lif":
                return Optional.of(new Pair("v_reset", "v_thresh"));
            case "two_comp":
                return Optional.of(new Pair("soma.v_reset", "soma.v_thresh"));
            case "adex":
                return Optional.of(new Pair("v_reset", "v_spike"));
            case "izhikevich":
                return Optional.of(new Pair("c", "v_thresh"));
            default:
                return Optional.empty();
        }
    }

    /**
     * Checks one kind of neuron. {@code own} and {@code ownBindings} are what the body being
     * checked bound; {@code inherited} what the cell type bound (defaults fill the rest). Only a
     * violation that involves a binding of {@code own} is reported here, so each is reported once.
     */
    static void check(NeuronModel model, Map<String, Typed> own, Map<String, Binding> ownBindings, Map<String, Typed> inherited,
            Diagnostics diagnostics) {
        Optional<Pair> pair = pair(model);
        if (pair.isEmpty()) {
            return;
        }
        String r = pair.get().reset();
        String t = pair.get().threshold();
        if (!ownBindings.containsKey(r) && !ownBindings.containsKey(t)) {
            return;
        }
        Optional<Interval> reset = value(model, r, own, inherited);
        Optional<Interval> threshold = value(model, t, own, inherited);
        if (reset.isEmpty() || threshold.isEmpty() || reset.get().lo() < threshold.get().hi()) {
            return;
        }
        Binding at = ownBindings.containsKey(r) ? ownBindings.get(r) : ownBindings.get(t);
        String both = r + " (" + reset.get().describe(Dimension.VOLTAGE) + ") must be below " + t + " ("
                + threshold.get().describe(Dimension.VOLTAGE) + ")";
        diagnostics.report(DiagnosticCode.OUT_OF_DOMAIN, at.value().span(), both
                + ": every neuron would fire again right after its reset", "lower " + r + " or raise " + t);
    }

    private static Optional<Interval> value(NeuronModel model, String name, Map<String, Typed> own, Map<String, Typed> inherited) {
        Typed t = own.containsKey(name) ? own.get(name) : inherited.get(name);
        if (t != null) {
            return t.isError() ? Optional.empty() : Optional.of(t.range());
        }
        return model.parameter(name).flatMap(ParameterSpec::defaultSi).map(Interval::point);
    }
}
