package io.neuromap.backends.loihi1.emit;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.config.Loihi1OutputAxons;
import io.neuromap.backends.loihi1.lower.ProjectionLowering;
import io.neuromap.compiler.pass.IrKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
        // Input axons per (chip, core) slot of the placement's layout (which has more chips than
        // the system when the network needs more), -1 where no core is: one array lookup per
        // output axon (millions of them), no boxing.
        int[] axons = new int[placed.placement().layout().chips() * Loihi1Limits.CORES_PER_CHIP];
        Arrays.fill(axons, -1);
        for (int c = 0; c < routing.cores(); c++) {
            int slot = slot(routing.chip()[c], routing.coreOnChip()[c], axons.length);
            if (slot < 0) {
                problems.add("core " + c + " is on chip " + routing.chip()[c] + " core " + routing.coreOnChip()[c]
                        + ", outside the layout");
            } else {
                axons[slot] = routing.synapses()[c].inputAxons();
            }
        }
        for (int c = 0; c < routing.cores(); c++) {
            Loihi1OutputAxons out = routing.outputAxons()[c];
            int[] chip = out.chip();
            int[] core = out.core();
            int[] axon = out.axon();
            for (int r = 0; r < out.count(); r++) {
                int slot = slot(chip[r], core[r], axons.length);
                if (slot < 0 || axon[r] >= axons[slot]) {
                    problems.add("core " + c + " routes to chip " + chip[r] + " core " + core[r] + " axon " + axon[r]
                            + ", which does not exist");
                }
            }
        }
        for (int r = 0; r < routing.hostAxon().length; r++) {
            int slot = slot(routing.hostChip()[r], routing.hostCore()[r], axons.length);
            if (slot < 0 || routing.hostAxon()[r] >= axons[slot]) {
                problems.add("host route " + r + " names a missing input axon");
            }
        }
        return problems;
    }

    /** The slot of (chip, core) in a table of {@code slots}, or -1 when outside it. */
    private static int slot(int chip, int core, int slots) {
        if (chip < 0 || core < 0 || core >= Loihi1Limits.CORES_PER_CHIP) {
            return -1;
        }
        long slot = (long) chip * Loihi1Limits.CORES_PER_CHIP + core;
        return slot < slots ? (int) slot : -1;
    }
}
