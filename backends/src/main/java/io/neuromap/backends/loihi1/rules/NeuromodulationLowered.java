package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.lower.LoweringFacts;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * LOIHI1-MOD-001 NeuromodulationLowered: modulators and pathways (modulator dynamics, gain, threshold, excitability and learning effects) have no form in Loihi 1 config format version 1.
 */
public final class NeuromodulationLowered implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-MOD-001";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "NeuromodulationLowered";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String help() {
        return "remove the modulators and pathways, or target spinnaker1";
    }

    @Override
    public String description() {
        return "modulators and pathways (modulator dynamics, gain, threshold, excitability and learning effects) have no form in Loihi 1 config format version 1.";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        List<Violation> out = new ArrayList<>();
        java.util.Set<String> learning = LearnedModulation.carried(net.facts());
        for (LoweringFacts.Modulation f : net.facts().modulation()) {
            if (learning.contains(f.kind() + " " + f.name())) {
                // Lowered to the learning engine (reward traces, rule scales): LOIHI1-LEARN-* judge it.
                continue;
            }
            out.add(new Violation(ID, severity(), f.span(), "neuromodulation", 1, 0, f.kind() + "s",
                    f.kind() + " `" + f.name() + "` has no Loihi 1 form in config format version 1 (no modulator "
                            + "state, no gain, threshold or excitability effects on chip)",
                    "remove the " + f.kind() + " to map the network without neuromodulation, or target spinnaker1"));
        }
        return out;
    }
}
