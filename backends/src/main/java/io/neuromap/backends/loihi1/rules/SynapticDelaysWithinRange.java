package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.lower.LoweringFacts;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * LOIHI1-DELAY-001 SynapticDelaysWithinRange: a synaptic delay of D steps is stored as the delay
 * field D - 1 (one step is the axon's latency), and a core's dendritic accumulators hold fields up
 * to {@code 2^delay_bits - 2}, at most {@link Loihi1Limits#MAX_DELAY_FIELD} (Davies18 p. 92; loihi1.md
 * §1.6). Checked per projection (the language's delays) and per core (a config's delay fields
 * against its {@code delay_bits}).
 */
public final class SynapticDelaysWithinRange implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-DELAY-001";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "SynapticDelaysWithinRange";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String help() {
        return "shorten the delays, or use a larger dt";
    }

    @Override
    public String description() {
        return "synaptic delays must fit the delay field the core's dendritic accumulators allow (loihi1.md §1.6).";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        List<Violation> out = new ArrayList<>();
        int maxSteps = Loihi1Limits.MAX_DELAY_FIELD + Loihi1Limits.AXON_LATENCY_STEPS;
        for (LoweringFacts.Delay d : net.facts().delays()) {
            if (d.maxSteps() > maxSteps) {
                out.add(new Violation(ID, severity(), d.span(), "synaptic delay", d.maxSteps(), maxSteps, "steps",
                        "projection `" + d.projection() + "` has a delay of " + d.maxSteps() + " steps ("
                                + CoreChecks.time(d.maxSteps() * d.dt()) + "), but Loihi 1 delays reach " + maxSteps
                                + " steps",
                        "keep the delays of `" + d.projection() + "` at most " + maxSteps + " steps ("
                                + CoreChecks.time(maxSteps * d.dt()) + " at dt = " + CoreChecks.time(d.dt())
                                + "), or use a larger dt"));
            }
        }
        if (!net.facts().delays().isEmpty()) {
            // A compiled net's delay fields follow from its projections, judged above at their spans.
            return out;
        }
        out.addAll(CoreChecks.overLimit(net, ID, severity(), "synaptic delay", "steps", MappedNet.Core::maxDelayField,
                c -> (1L << Math.min(Math.max(c.delayBits(), 0), Loihi1Limits.DELAY_BITS_MAX)) - 2,
                (c, actual, limit, cores) -> "synapses into `" + c.population() + "` have delay field " + actual + " "
                        + CoreChecks.where(c, cores) + ", but delay_bits " + c.delayBits() + " holds fields up to "
                        + limit,
                (c, actual, limit, cores) -> "raise delay_bits of " + c.where() + " (fewer compartments fit) or "
                        + "shorten the delays"));
        return out;
    }
}
