package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.lower.LoweringFacts;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * LOIHI1-TREE-001 DendriteCouplingApproximated: Loihi 1 compartment trees pass values towards the soma only, so a two-compartment neuron's soma-to-dendrite current is taken at the soma's resting potential; the compiler warns with the coupling's share of the dendrite's leak.
 */
public final class DendriteCouplingApproximated implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-TREE-001";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "DendriteCouplingApproximated";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String help() {
        return "lower g_c, or accept the approximation and measure it with neuromap validate";
    }

    @Override
    public String description() {
        return "Loihi 1 compartment trees pass values towards the soma only, so a two-compartment neuron's soma-to-dendrite current is taken at the soma's resting potential; the compiler warns with the coupling's share of the dendrite's leak.";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        List<Violation> out = new ArrayList<>();
        for (LoweringFacts.Coupling f : net.facts().couplings()) {
            if (f.maxShare() > 0) {
                out.add(new Violation(ID, severity(), f.span(), "dendritic coupling",
                        Math.round(f.maxShare() * 1000), 0, "per mille",
                        "the soma-to-dendrite current of `" + f.population() + "` is approximated at the soma's resting "
                                + "potential (g_c is up to " + String.format(java.util.Locale.ROOT, "%.0f%%", 100 * f.maxShare())
                                + " of the dendrite's leak): Loihi 1 trees pass values towards the soma only",
                        "lower g_c of `" + f.population() + "` if the dendrite must follow the soma closely; "
                                + "neuromap validate measures the effect"));
            }
        }
        return out;
    }
}
