package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.model.Domain;
import io.neuromap.compiler.model.NeuronModel;
import io.neuromap.compiler.model.ParameterSpec;
import io.neuromap.compiler.units.Dimension;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters a body may bind: a model's (or, for a mix, those every cell type's model has),
 * or a synapse's ({@code weight}, {@code delay}). One abstraction so that one body checker serves
 * cell types, populations, projections and stimuli.
 */
final class ParameterSet {
    private final String owner;
    private final Map<String, Param> params;
    private final List<String> compartments;
    private final Map<String, String> missing;

    private ParameterSet(String owner, Map<String, Param> params, List<String> compartments, Map<String, String> missing) {
        this.owner = requireNonNull(owner, "owner is null");
        this.params = requireNonNull(params, "params is null");
        this.compartments = List.copyOf(compartments);
        this.missing = requireNonNull(missing, "missing is null");
    }

    /**
     * A parameter as a body sees it.
     *
     * @param dimension empty when it cannot be known (a weight onto an unknown population): not checked
     * @param domainCode the code for a fixed value outside the domain (NM-E0304 for delays)
     * @param impliedUnit true if a plain number is accepted and read in the display unit of the
     *                    dimension ({@code weight = 0.5} is 0.5 nA, as in PyNN)
     */
    record Param(String name, Optional<Dimension> dimension, Domain domain, boolean list, Optional<Double> defaultSi,
            DiagnosticCode domainCode, String doc, boolean impliedUnit) {
    }

    /** The parameters of one model. */
    static ParameterSet of(NeuronModel model) {
        return of(List.of(model), model.name());
    }

    /**
     * The parameters every one of {@code models} has with the same dimension; the domain is the
     * intersection of theirs. {@code owner} names them in messages.
     */
    static ParameterSet of(List<NeuronModel> models, String owner) {
        Map<String, Param> params = new LinkedHashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        NeuronModel first = models.get(0);
        for (ParameterSpec spec : first.parameters()) {
            Domain domain = spec.domain();
            String lacking = null;
            for (NeuronModel m : models.subList(1, models.size())) {
                Optional<ParameterSpec> other = m.parameter(spec.name());
                if (other.isEmpty() || !other.get().dimension().equals(spec.dimension())) {
                    lacking = m.name();
                    break;
                }
                domain = intersect(domain, other.get().domain());
            }
            if (lacking == null) {
                params.put(spec.name(), new Param(spec.name(), Optional.of(spec.dimension()), domain, spec.list(),
                        spec.defaultSi(), DiagnosticCode.OUT_OF_DOMAIN, spec.doc(), false));
            } else {
                missing.put(spec.name(), lacking);
            }
        }
        for (NeuronModel m : models.subList(1, models.size())) {
            for (ParameterSpec spec : m.parameters()) {
                if (!params.containsKey(spec.name())) {
                    missing.putIfAbsent(spec.name(), first.name());
                }
            }
        }
        List<String> compartments = new ArrayList<>(first.compartments());
        for (NeuronModel m : models) {
            compartments.retainAll(m.compartments());
        }
        return new ParameterSet(owner, params, compartments, missing);
    }

    /**
     * {@code weight} and {@code delay} of a projection or stimulus. A weight is written in the
     * unit of the post model's synaptic input or as a plain number read in that dimension's
     * display unit (PyNN's convention: nA for the current-based built-in neurons).
     */
    static ParameterSet synapse(String owner, Optional<Dimension> weightDimension, Domain weightDomain) {
        Map<String, Param> params = new LinkedHashMap<>();
        params.put("weight", new Param("weight", weightDimension, weightDomain, false, Optional.empty(),
                DiagnosticCode.OUT_OF_DOMAIN, "synaptic weight", true));
        params.put("delay", new Param("delay", Optional.of(Dimension.TIME), Domain.NON_NEGATIVE, false, Optional.of(1e-3),
                DiagnosticCode.NEGATIVE_DELAY, "synaptic delay", false));
        return new ParameterSet(owner, params, List.of(), Map.of());
    }

    /** Nothing may be bound (a dc stimulus injects its amplitude directly). */
    static ParameterSet none(String owner) {
        return new ParameterSet(owner, Map.of(), List.of(), Map.of());
    }

    Optional<Param> find(String name) {
        return Optional.ofNullable(params.get(name));
    }

    List<String> names() {
        return List.copyOf(params.keySet());
    }

    /** Who has these parameters, for messages: {@code lif}, {@code the cell types of the mix}. */
    String owner() {
        return owner;
    }

    /** Compartments every neuron has. */
    List<String> compartments() {
        return compartments;
    }

    /** For a parameter only some of the mixed models have: the model that lacks it. */
    Optional<String> lackedBy(String name) {
        return Optional.ofNullable(missing.get(name));
    }

    static Domain intersect(Domain a, Domain b) {
        double low;
        boolean lowIn;
        if (a.low() == b.low()) {
            low = a.low();
            lowIn = a.lowInclusive() && b.lowInclusive();
        } else if (a.low() > b.low()) {
            low = a.low();
            lowIn = a.lowInclusive();
        } else {
            low = b.low();
            lowIn = b.lowInclusive();
        }
        double high;
        boolean highIn;
        if (a.high() == b.high()) {
            high = a.high();
            highIn = a.highInclusive() && b.highInclusive();
        } else if (a.high() < b.high()) {
            high = a.high();
            highIn = a.highInclusive();
        } else {
            high = b.high();
            highIn = b.highInclusive();
        }
        return new Domain(low, lowIn, high, highIn);
    }
}
