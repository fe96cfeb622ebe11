package io.neuromap.backends.loihi1.mapping;

import io.neuromap.compiler.ir.Network;

/**
 * How the neurons of a network occupy a Loihi 1 core's compartment tables: how many compartments
 * each takes, the compartment-profile key of each compartment (two compartments share a profile
 * only if their keys are equal) and the threshold-profile key of its spiking compartment. Keys
 * are opaque {@code long}s. Pluggable because the lowering decides the final numbers: it may bin
 * heterogeneous values into a few profiles ({@code --heterogeneity bin}) and then supplies keys
 * of the bins; {@link Loihi1DerivedProfiles} derives exact keys from the IR's parameters.
 *
 * @see "loihi1.md §1.6; loihi1-compartments-reward.md §3.3 (how the partitioner counts profiles)"
 */
@FunctionalInterface
public interface Loihi1NeuronProfiles {
    /** The compartments and profile keys of every neuron of population {@code population}. */
    Loihi1PopulationProfiles of(Network network, int population);
}
