package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.lower.LoweringFacts;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * LOIHI1-SRC-001 ProjectionsEndOnCores: a synapse lives in the synaptic memory of its target's
 * core (loihi1.md §1.2), so a projection must end on neurons that run on a core; spike sources are
 * injected by the host into input axons and have no compartment to receive a synapse. The
 * language rejects such projections (NM-E0205); this rule guards networks built otherwise, and is
 * the rule the mapping engine's off-core finding ({@code MappingRule.OFF_CORE_TARGET}) names.
 */
public final class ProjectionsEndOnCores implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-SRC-001";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "ProjectionsEndOnCores";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String help() {
        return "project onto a neuron population instead of a spike source";
    }

    @Override
    public String description() {
        return "projections end on neurons that run on a core, not on spike sources, which the host injects "
                + "(loihi1.md §1.2).";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        List<Violation> out = new ArrayList<>();
        for (LoweringFacts.Target f : net.facts().targets()) {
            if (!f.onCore() && f.synapses() > 0) {
                out.add(new Violation(ID, severity(), f.span(), "core assignment", f.synapses(), 0, "synapses",
                        "projection `" + f.projection() + "` ends on population `" + f.population() + "`, whose neurons "
                                + "do not run on a loihi1 core",
                        "project onto a population of neurons, not onto a spike source"));
            }
        }
        return out;
    }
}
