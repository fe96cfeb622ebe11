package io.neuromap.backends.loihi1.emit;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.config.Loihi1OutputAxons;
import io.neuromap.backends.loihi1.lower.ProjectionLowering;
import io.neuromap.compiler.pass.IrKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A placed network with its axon tables (stage 7).
 *
 * @param placed the placed network
 * @param routing every core's input and output axons and the host's routes
 */
public record Loihi1Routed(Loihi1Placed placed, Loihi1Routing routing) {
    /**
     * Verified by counting: every synapse of the IR on exactly one core (the totals agree), and
     * every output axon and host route naming an input axon that exists.
     */
    public static final IrKind<Loihi1Routed> KIND = IrKind.of("loihi1-routed", Loihi1Routed.class, Loihi1Routed::verify,
            r -> r.routing().toString() + "\n");

    public Loihi1Routed {
        requireNonNull(placed, "placed is null");
        requireNonNull(routing, "routing is null");
    }

    private List<String> verify() {
        List<String> problems = new ArrayList<>();
        long expected = 0;
        for (ProjectionLowering p : placed.partitioned().lowering().projections()) {
            if (p.position() >= 0) {
                expected += placed.partitioned().lowering().network().projections().get(p.projection()).synapseCount();
            }
        }
        if (routing.synapseCount() != expected) {
            problems.add("the cores hold " + routing.synapseCount() + " synapses, the network " + expected);
        }
        Map<Long, Integer> axons = new HashMap<>();
        for (int c = 0; c < routing.cores(); c++) {
            axons.put(key(routing.chip()[c], routing.coreOnChip()[c]), routing.synapses()[c].inputAxons());
        }
        for (int c = 0; c < routing.cores(); c++) {
            Loihi1OutputAxons out = routing.outputAxons()[c];
            for (int r = 0; r < out.count(); r++) {
                Integer n = axons.get(key(out.chip()[r], out.core()[r]));
                if (n == null || out.axon()[r] >= n) {
                    problems.add("core " + c + " routes to chip " + out.chip()[r] + " core " + out.core()[r] + " axon "
                            + out.axon()[r] + ", which does not exist");
                }
            }
        }
        for (int r = 0; r < routing.hostAxon().length; r++) {
            Integer n = axons.get(key(routing.hostChip()[r], routing.hostCore()[r]));
            if (n == null || routing.hostAxon()[r] >= n) {
                problems.add("host route " + r + " names a missing input axon");
            }
        }
        return problems;
    }

    private static long key(int chip, int core) {
        return ((long) chip << 32) | (core & 0xFFFF_FFFFL);
    }
}
