package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.List;

/**
 * LOIHI1-AXOUT-001 OutputAxonsWithinCoreLimit: a core routes each neuron's spikes to every core holding one of its targets, through a fixed number of output axons (loihi1.md §1.1, Davies18 p. 89 constraint 3).
 */
public final class OutputAxonsWithinCoreLimit implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-AXOUT-001";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "OutputAxonsWithinCoreLimit";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String help() {
        return "lower the number of cores each neuron's targets span";
    }

    @Override
    public String description() {
        return "a core routes each neuron's spikes to every core holding one of its targets, through a fixed number of output axons (loihi1.md §1.1, Davies18 p. 89 constraint 3).";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        return CoreChecks.overLimit(net, ID, severity(), "output axons", "axon slots", c -> c.outputAxons(), c -> limits.capacity(io.neuromap.backends.loihi1.Loihi1Resource.OUTPUT_AXONS),
                (c, actual, limit, cores) -> "`" + c.population() + "` needs " + actual + " output axons " + CoreChecks.where(c, cores) + ", but a core has " + limit,
                (c, actual, limit, cores) -> "let each neuron of `" + c.population() + "` reach at most " + limit + " cores: lower its fan-out or make its targets local");
    }
}
