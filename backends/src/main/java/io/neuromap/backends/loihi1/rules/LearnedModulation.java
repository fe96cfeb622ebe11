package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.lower.LoweringFacts;
import java.util.HashSet;
import java.util.Set;

/**
 * The modulators and pathways the learning lowering carries entirely (pathways whose every effect
 * is a learning effect on lowered plastic projections, modulators all of whose pathways are such),
 * as {@code "pathway NAME"} and {@code "modulator NAME"}: {@link NeuromodulationLowered} leaves
 * them to the LOIHI1-LEARN rules.
 */
final class LearnedModulation {
    private LearnedModulation() {
    }

    static Set<String> carried(LoweringFacts facts) {
        Set<String> out = new HashSet<>();
        for (LoweringFacts.Plasticity p : facts.plasticity()) {
            for (String pathway : p.pathways()) {
                out.add("pathway " + pathway);
            }
            for (String m : p.modulators()) {
                out.add("modulator " + m);
            }
        }
        return out;
    }
}
