package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.List;

/**
 * LOIHI1-AXIN-001 InputAxonsWithinCoreLimit: a core has one synapse-map entry per presynaptic neuron with synapses on it, two for one with a learning synapse, one per reward axon, and a fixed number of them (loihi1.md §1.1, §1.2; Davies18 p. 89 constraint 4).
 *
 * <p>A learning axon's second entry is its pre-trace entry (nengo-loihi writes it at
 * {@code synapseMap[axon + 1]}, {@code idxs_per_synapse = 2}). On the chip the reward axons sit at
 * 4096 + k, past the synapse map; the config keeps them inside the core's axon range, so they are
 * counted here as the config states them, as the partitioner counts them.
 */
public final class InputAxonsWithinCoreLimit implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-AXIN-001";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "InputAxonsWithinCoreLimit";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String help() {
        return "lower the number of distinct presynaptic neurons per neuron";
    }

    @Override
    public String description() {
        return "a core has one synapse-map entry per presynaptic neuron with synapses on it, two for one with a learning synapse, one per reward axon, and a fixed number of them (loihi1.md §1.1, §1.2; Davies18 p. 89 constraint 4).";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        return CoreChecks.overLimit(net, ID, severity(), "input axons", "axons", c -> c.inputAxons(), c -> limits.capacity(io.neuromap.backends.loihi1.Loihi1Resource.INPUT_AXONS),
                (c, actual, limit, cores) -> "`" + c.population() + "` needs " + actual + " input axons "
                        + (c.learningAxons() == 0 ? "" : "(" + c.learningAxons() + " of them learning axons, which take "
                                + Loihi1Limits.LEARNING_AXON_MAP_SLOTS + " entries each) ")
                        + CoreChecks.where(c, cores) + ", but a core has " + limit,
                (c, actual, limit, cores) -> c.learningAxons() == 0
                        ? "give each neuron of `" + c.population() + "` synapses from at most " + limit
                                + " presynaptic neurons (one neuron alone fills a core)"
                        : "give each neuron of `" + c.population() + "` synapses from at most "
                                + limit / Loihi1Limits.LEARNING_AXON_MAP_SLOTS + " presynaptic neurons of plastic "
                                + "projections (a learning axon takes " + Loihi1Limits.LEARNING_AXON_MAP_SLOTS
                                + " entries, each reward axon one more)");
    }
}
