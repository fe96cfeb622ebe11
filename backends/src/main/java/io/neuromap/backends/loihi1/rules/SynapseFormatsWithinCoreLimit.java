package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.List;

/**
 * LOIHI1-SYNFMT-001 SynapseFormatsWithinCoreLimit: a core stores synapses in the formats of a small table whose entry 0 is illegal (loihi1.md §1.6).
 */
public final class SynapseFormatsWithinCoreLimit implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-SYNFMT-001";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "SynapseFormatsWithinCoreLimit";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String help() {
        return "merge projections that differ only in weight scale, sign or delay range";
    }

    @Override
    public String description() {
        return "a core stores synapses in the formats of a small table whose entry 0 is illegal (loihi1.md §1.6).";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        return CoreChecks.overLimit(net, ID, severity(), "synapse formats", "formats", c -> c.synapseFormats(), c -> limits.capacity(io.neuromap.backends.loihi1.Loihi1Resource.SYNAPSE_FORMATS),
                (c, actual, limit, cores) -> "the projections into `" + c.population() + "` need " + actual + " synapse formats " + CoreChecks.where(c, cores) + ", but a core has " + limit,
                (c, actual, limit, cores) -> "merge projections into `" + c.population() + "` that differ only in weight scale, sign or delay range");
    }
}
