package io.neuromap.compiler.ir;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** What a pathway acts on, as concrete indices. */
public sealed interface PathwayTargetBinding {

    /**
     * Neurons (per compartment) that express the pathway's receptor: from {@code celltype D1} (its
     * blocks in every population) or {@code pop[.part]}; at the receptor's compartment unless the
     * endpoint names one.
     */
    record Neurons(List<NeuronRange> ranges) implements PathwayTargetBinding {
        public Neurons {
            ranges = List.copyOf(requireNonNull(ranges, "ranges is null"));
        }

        public long neuronCount() {
            long n = 0;
            for (NeuronRange r : ranges) {
                n += r.size();
            }
            return n;
        }
    }

    /** The synapses of one projection ({@code proj P}): learning effects. */
    record Synapses(int projection, String name) implements PathwayTargetBinding {
        public Synapses {
            requireNonNull(name, "name is null");
            if (projection < 0) {
                throw new IllegalArgumentException("negative projection index " + projection);
            }
        }
    }
}
