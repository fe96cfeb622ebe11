package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.List;

/**
 * LOIHI1-CX-001 CompartmentsWithinCoreLimit: a core holds at most
 * {@link Loihi1Limits#COMPARTMENTS_PER_CORE} compartments, and fewer when its synapses need long
 * delays: each compartment takes {@code 2^delay_bits} of the core's
 * {@link Loihi1Limits#DENDRITIC_ACCUMULATORS_PER_CORE} dendritic accumulators (loihi1.md §1.6).
 */
public final class CompartmentsWithinCoreLimit implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-CX-001";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "CompartmentsWithinCoreLimit";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String help() {
        return "split the population over more cores, or shorten the delays into it";
    }

    @Override
    public String description() {
        return "a core's compartments, capped by the dendritic accumulators its longest delay needs (loihi1.md §1.6).";
    }

    /** The compartments a core with {@code delayBits} holds. */
    static long capacity(int delayBits) {
        int bits = Math.max(Loihi1Limits.DELAY_BITS_MIN, Math.min(delayBits, Loihi1Limits.DELAY_BITS_MAX));
        return Math.min(Loihi1Limits.COMPARTMENTS_PER_CORE, Loihi1Limits.DENDRITIC_ACCUMULATORS_PER_CORE >> bits);
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        return CoreChecks.overLimit(net, ID, severity(), "compartments", "compartments", MappedNet.Core::compartments,
                c -> capacity(c.delayBits()),
                (c, actual, limit, cores) -> "`" + c.population() + "` needs " + actual + " compartments "
                        + CoreChecks.where(c, cores) + ", but a core with delay_bits " + c.delayBits() + " holds "
                        + limit,
                (c, actual, limit, cores) -> limit < Loihi1Limits.COMPARTMENTS_PER_CORE
                        ? "shorten the delays into `" + c.population() + "` to at most "
                                + (Loihi1Limits.MAX_DELAY_FIELD_FULL_CORE + Loihi1Limits.AXON_LATENCY_STEPS)
                                + " steps, so a core keeps all " + Loihi1Limits.COMPARTMENTS_PER_CORE + " compartments"
                        : "split `" + c.population() + "` over more cores");
    }
}
