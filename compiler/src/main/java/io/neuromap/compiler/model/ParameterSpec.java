package io.neuromap.compiler.model;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.units.Dimension;
import java.util.Optional;

/**
 * A parameter of a built-in model. Values are SI. Parameters of a multi-compartment model are
 * named with their compartment ({@code soma.tau_m}).
 *
 * @param list true for list-valued parameters ({@code times} of {@code spike_times})
 * @param defaultSi the default, or empty if the user must give one
 */
public record ParameterSpec(String name, Dimension dimension, boolean list, Optional<Double> defaultSi, Domain domain,
        String doc) {
    public ParameterSpec {
        requireNonNull(name, "name is null");
        requireNonNull(dimension, "dimension is null");
        requireNonNull(defaultSi, "defaultSi is null");
        requireNonNull(domain, "domain is null");
        requireNonNull(doc, "doc is null");
    }

    static ParameterSpec scalar(String name, Dimension dimension, double defaultSi, Domain domain, String doc) {
        return new ParameterSpec(name, dimension, false, Optional.of(defaultSi), domain, doc);
    }
}
