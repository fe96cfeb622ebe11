package io.neuromap.compiler.model;

import static java.util.Objects.requireNonNull;

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
}
