package io.neuromap.compiler.ir;

import static java.util.Objects.requireNonNull;

/**
 * A contiguous run of neurons of one population and the compartment acted on: what a pathway,
 * stimulus or probe is bound to. Both the population-local and the network-global start are kept,
 * so consumers need not look the population's offset up; the verifier checks they agree.
 *
 * @param population index into {@link Network#populations()}
 * @param localStart first neuron, population-local
 * @param globalStart the same neuron, network-global ({@code population offset + localStart})
 * @param size number of neurons
 * @param compartment compartment name ({@code soma} for single-compartment models)
 */
public record NeuronRange(int population, int localStart, int globalStart, int size, String compartment) {
    public NeuronRange {
        requireNonNull(compartment, "compartment is null");
        if (population < 0 || localStart < 0 || globalStart < localStart || size < 0) {
            throw new IllegalArgumentException("bad neuron range: population " + population + ", local " + localStart
                    + ", global " + globalStart + ", size " + size);
        }
    }

    public int localEnd() {
        return localStart + size;
    }

    public int globalEnd() {
        return globalStart + size;
    }

    public IndexRange localRange() {
        return new IndexRange(localStart, localStart + size);
    }
}
