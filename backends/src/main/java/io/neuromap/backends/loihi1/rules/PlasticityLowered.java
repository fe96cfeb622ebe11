package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.lower.LoweringFacts;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * LOIHI1-LEARN-001 PlasticityLowered: a plastic projection must be expressible as a Loihi 1
 * sum-of-products rule (stdp and da_stdp with learning_rate and plasticity_sign effects that are
 * affine in one spike-released modulator); what is not (another rule, an external modulator, a
 * nonlinear or quadratic modulation, eligibility_gate or weight_scale) is reported, never frozen
 * silently.
 */
public final class PlasticityLowered implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-LEARN-001";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "PlasticityLowered";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String help() {
        return "use stdp or da_stdp with learning effects affine in one spike-released modulator, or target spinnaker1";
    }

    @Override
    public String description() {
        return "a plastic projection must lower to a sum-of-products rule of the learning engine (stdp, da_stdp; "
                + "learning_rate and plasticity_sign affine in one modulator released by spikes).";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        List<Violation> out = new ArrayList<>();
        for (LoweringFacts.Plasticity f : net.facts().plasticity()) {
            if (f.lowered()) {
                continue;
            }
            out.add(new Violation(ID, severity(), f.span(), "learning engine", 1, 0, "plastic projections",
                    "projection `" + f.projection() + "` learns with " + f.rule()
                            + ", which the Loihi 1 learning engine cannot run: " + f.unsupported(),
                    "express `" + f.projection() + "`'s learning as stdp or da_stdp whose learning effects are "
                            + "a + b*[M] of one modulator with a spike source, remove the plasticity to freeze its "
                            + "weights, or target spinnaker1"));
        }
        return out;
    }
}
