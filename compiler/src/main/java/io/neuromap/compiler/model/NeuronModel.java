package io.neuromap.compiler.model;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.units.Dimension;
import java.util.List;
import java.util.Optional;

/**
 * A built-in neuron model or spike source: its parameters (with units, defaults and domains), its
 * compartments (a single-compartment model has the one compartment {@code soma}), and the state
 * variables a probe may record.
 *
 * @param source true for spike sources (poisson, spike_times), which have no membrane
 * @param compartments compartment names; the first is where spikes are emitted
 * @param stateVariables names usable in {@code probe state(x)}
 */
public record NeuronModel(String name, String doc, boolean source, List<String> compartments,
        List<ParameterSpec> parameters, List<String> stateVariables) {
    public NeuronModel {
        requireNonNull(name, "name is null");
        requireNonNull(doc, "doc is null");
        compartments = List.copyOf(requireNonNull(compartments, "compartments is null"));
        parameters = List.copyOf(requireNonNull(parameters, "parameters is null"));
        stateVariables = List.copyOf(requireNonNull(stateVariables, "stateVariables is null"));
    }

    public Optional<ParameterSpec> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public boolean hasCompartment(String name) {
        return compartments.contains(name);
    }

    public boolean isMultiCompartment() {
        return compartments.size() > 1;
    }

    /**
     * The dimension of the weight of a synapse onto this model, or empty for a spike source, which
     * receives no synapses. Every built-in neuron has current-based synapses (a spike adds its
     * weight to an exponentially decaying synaptic current, as in PyNN's {@code *_curr_exp}
     * cells), so a weight is a current. This includes {@code izhikevich}: its input is a current
     * like {@code i_offset}; the paper's weights, written as jumps in mV, are entered as currents.
     */
    public Optional<Dimension> weightDimension() {
        return source ? Optional.empty() : Optional.of(Dimension.CURRENT);
    }
}
