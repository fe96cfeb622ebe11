package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.lower.LoweringFacts;
import io.neuromap.backends.loihi1.lower.ModulationLowering;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * LOIHI1-MOD-001 NeuromodulationLowered: every modulator and pathway effect has a form on Loihi 1.
 * The lowering puts modulator dynamics and the {@code excitability}, {@code threshold},
 * {@code gain} and {@code param(tau_m)} effects into the config's management program ({@code modulation}); this
 * rule reports what it could not lower, each with the lowering's reason and fix.
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
        return "remove the effect or modulator the lowering cannot map, or target spinnaker1";
    }

    @Override
    public String description() {
        return "every modulator and pathway effect is lowered: modulator dynamics, excitability and threshold "
                + "(+=, -=), gain and membrane time constant (*=) effects run as the config's management program "
                + "between steps (specs/loihi1-compartments-reward.md §2.3); other parameters, learning effects and "
                + "external modulator sources have no form in Loihi 1 config format version 1.";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        List<Violation> out = new ArrayList<>();
        java.util.Set<String> learning = LearnedModulation.carried(net.facts());
        for (LoweringFacts.Modulation f : net.facts().modulation()) {
            if (learning.contains(f.kind() + " " + f.name()) || (f.kind().equals(ModulationLowering.LEARNING_EFFECT)
                    && learning.contains(f.name().substring(0, Math.max(0, f.name().indexOf(':')))))) {
                // Lowered to the learning engine (reward traces, rule scales): LOIHI1-LEARN-* judge it.
                continue;
            }
            String reason = f.reason().isEmpty() ? "" : ": " + f.reason();
            String help = f.help().isEmpty() ? "remove the " + f.kind() + " to map the network without it, or target "
                    + "spinnaker1" : f.help();
            out.add(new Violation(ID, severity(), f.span(), "neuromodulation", 1, 0, f.kind() + "s",
                    f.kind() + " `" + f.name() + "` has no Loihi 1 form in config format version 1" + reason, help));
        }
        return out;
    }
}
