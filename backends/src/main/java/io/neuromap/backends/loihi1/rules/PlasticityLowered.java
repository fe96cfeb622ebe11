package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.lower.LoweringFacts;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * LOIHI1-LEARN-001 PlasticityLowered: plastic projections need the Loihi 1 learning engine, which config format version 1 does not carry yet: the compiler reports them instead of freezing their weights silently (deferred).
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
        return "remove the plasticity to map frozen weights, or target spinnaker1";
    }

    @Override
    public String description() {
        return "plastic projections need the Loihi 1 learning engine, which config format version 1 does not carry yet: the compiler reports them instead of freezing their weights silently (deferred).";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        List<Violation> out = new ArrayList<>();
        for (LoweringFacts.Plasticity f : net.facts().plasticity()) {
            out.add(new Violation(ID, severity(), f.span(), "learning engine", 1, 0, "plastic projections",
                    "projection `" + f.projection() + "` learns with " + f.rule() + ", but the Loihi 1 learning engine is "
                            + "not in config format version 1, so neuromap cannot lower plasticity yet",
                    "remove the plasticity to map `" + f.projection() + "` with its initial weights frozen, "
                            + "or target spinnaker1"));
        }
        return out;
    }
}
