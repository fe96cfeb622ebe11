package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.PopulationDecl;
import io.neuromap.compiler.ast.ReceptorDecl;
import io.neuromap.compiler.model.NeuronModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A population as analysis resolved it: what its neurons are (one variant per cell type of a
 * mix, else one), how many, and what its body bound.
 *
 * @param variants empty when the population's type could not be resolved (reported); checks that
 *                 need the model then skip it
 * @param size empty when the size expression was wrong (reported)
 */
record PopulationInfo(PopulationDecl decl, List<Variant> variants, OptionalLong size, BodyChecker.Result body) {
    PopulationInfo {
        requireNonNull(decl, "decl is null");
        variants = List.copyOf(requireNonNull(variants, "variants is null"));
        requireNonNull(size, "size is null");
        requireNonNull(body, "body is null");
    }

    /**
     * One kind of neuron in the population.
     *
     * @param celltype the cell type, or empty for a population of a bare model
     * @param count the number of neurons of this kind, when the size is known
     */
    record Variant(Optional<CelltypeInfo> celltype, NeuronModel model, double fraction, OptionalLong count) {
        /** The cell type's name, else the model's. */
        String label() {
            return celltype.map(CelltypeInfo::name).orElse(model.name());
        }
    }

    String name() {
        return decl.name().name();
    }

    boolean resolved() {
        return !variants.isEmpty();
    }

    boolean isMix() {
        return decl.type() instanceof io.neuromap.compiler.ast.PopulationType.Mix;
    }

    /** True for a population of spike sources (which receive no synapses and have no state). */
    boolean isSource() {
        return resolved() && variants.get(0).model().source();
    }

    /** The compartments every neuron has, spiking compartment first. */
    List<String> compartments() {
        if (!resolved()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(variants.get(0).model().compartments());
        for (Variant v : variants) {
            out.retainAll(v.model().compartments());
        }
        return out;
    }

    /** The receptors the neurons of a variant express: their cell type's and the population body's. */
    List<ReceptorDecl> receptors(Variant v) {
        List<ReceptorDecl> out = new ArrayList<>();
        v.celltype().ifPresent(c -> out.addAll(c.body().receptors()));
        out.addAll(body.receptors());
        return out;
    }
}
