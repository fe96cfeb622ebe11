package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.Endpoint;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An endpoint ({@code pyr.dendrite[0:20]}) resolved against its population.
 *
 * @param compartment the compartment named by {@code .part}, if it names one
 * @param variants the kinds of neuron selected (one cell type of a mix, or all); empty if the
 *                 population's type is unresolved
 * @param size the number of neurons selected, when known
 */
record ResolvedEndpoint(Endpoint endpoint, PopulationInfo population, Optional<String> compartment,
        List<PopulationInfo.Variant> variants, OptionalLong size) {
    ResolvedEndpoint {
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(population, "population is null");
        requireNonNull(compartment, "compartment is null");
        variants = List.copyOf(requireNonNull(variants, "variants is null"));
        requireNonNull(size, "size is null");
    }
}
