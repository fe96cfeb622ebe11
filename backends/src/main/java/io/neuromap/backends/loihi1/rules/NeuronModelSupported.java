package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.lower.LoweringFacts;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * LOIHI1-MODEL-001 NeuronModelSupported: Loihi 1 compartments are current-based LIF neurons (loihi1.md §2); models with other dynamics (Izhikevich, AdEx) cannot run on them and are never approximated.
 */
public final class NeuronModelSupported implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-MODEL-001";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "NeuronModelSupported";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String help() {
        return "use lif or two_comp, or target spinnaker1";
    }

    @Override
    public String description() {
        return "Loihi 1 compartments are current-based LIF neurons (loihi1.md §2); models with other dynamics (Izhikevich, AdEx) cannot run on them and are never approximated.";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        List<Violation> out = new ArrayList<>();
        for (LoweringFacts.Model f : net.facts().models()) {
            if (!f.lowered()) {
                out.add(new Violation(ID, severity(), f.span(), "neuron model", 1, 0, "unsupported models",
                        "population `" + f.population() + "` uses the " + f.model() + " model, whose dynamics Loihi 1's "
                                + "current-based LIF compartments cannot run",
                        "use lif (or two_comp) for `" + f.population() + "`, or target spinnaker1"));
            }
        }
        return out;
    }
}
