package io.neuromap.backends.loihi1.lower;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.config.Loihi1ProbeVariable;

/**
 * A probe of the network lowered to what the chip records: one variable of one compartment
 * position of a run of neurons.
 *
 * @param name the probe's name (unique)
 * @param variable the chip variable
 * @param every recording period in steps
 * @param population the probed population
 * @param from first neuron (population-local)
 * @param size number of neurons
 * @param position the compartment position in each neuron's tree
 */
public record LoweredProbe(String name, Loihi1ProbeVariable variable, int every, int population, int from, int size,
        int position) {
    public LoweredProbe {
        requireNonNull(name, "name is null");
        requireNonNull(variable, "variable is null");
    }
}
