package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.List;

/**
 * LOIHI1-SYNMEM-001 SynapticMemoryWithinCoreLimit: the synapse lists of a core's input axons, costed with nengo-loihi's bits_per_axon per axon and format, must fit the core's synaptic memory (loihi1.md §1.1, §1.2).
 */
public final class SynapticMemoryWithinCoreLimit implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-SYNMEM-001";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "SynapticMemoryWithinCoreLimit";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String help() {
        return "lower the fan-in, or store the weights in fewer bits";
    }

    @Override
    public String description() {
        return "the synapse lists of a core's input axons, costed with nengo-loihi's bits_per_axon per axon and format, must fit the core's synaptic memory (loihi1.md §1.1, §1.2).";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        return CoreChecks.overLimit(net, ID, severity(), "synaptic memory", "bits", c -> c.synapseBits(), c -> limits.capacity(io.neuromap.backends.loihi1.Loihi1Resource.SYNAPSE_BITS),
                (c, actual, limit, cores) -> "`" + c.population() + "` needs " + actual + " bits of synaptic memory " + CoreChecks.where(c, cores) + ", but a core has " + limit,
                (c, actual, limit, cores) -> "lower the fan-in of `" + c.population() + "` (one neuron's synapses alone exceed a core), or merge projections from the same source into it");
    }
}
