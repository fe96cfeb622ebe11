package io.neuromap.emulator.reference;

import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Population;
import java.util.List;

/**
 * Numbers the compartments of all non-source neurons into contiguous <em>slots</em>:
 * population by population in declaration order, compartment by compartment in model order, and
 * within a compartment by population-local neuron. Spike sources have no slots (they receive
 * nothing). {@link StepInputs} documents what a slot indexes.
 */
final class InputLayout {
    private final int[][] base;
    private final int slots;

    InputLayout(Network network) {
        List<Population> pops = network.populations();
        base = new int[pops.size()][];
        long next = 0;
        for (int p = 0; p < pops.size(); p++) {
            Population pop = pops.get(p);
            List<String> comps = pop.model().compartments();
            base[p] = new int[comps.size()];
            for (int c = 0; c < comps.size(); c++) {
                if (pop.isSource()) {
                    base[p][c] = -1;
                    continue;
                }
                base[p][c] = (int) next;
                next += pop.size();
            }
        }
        if (next * 2 > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many compartments for the float reference: " + next);
        }
        slots = (int) next;
    }

    /** Total slots. */
    int slots() {
        return slots;
    }

    /** The slot of local neuron 0 in compartment {@code compartment} of population {@code population}; -1 for sources. */
    int base(int population, int compartment) {
        return base[population][compartment];
    }

    /** As {@link #base(int, int)}, with the compartment by name. */
    int base(Network network, int population, String compartment) {
        int c = network.populations().get(population).model().compartments().indexOf(compartment);
        if (c < 0) {
            throw new IllegalArgumentException("population " + network.populations().get(population).name()
                    + " has no compartment " + compartment);
        }
        return base[population][c];
    }
}
