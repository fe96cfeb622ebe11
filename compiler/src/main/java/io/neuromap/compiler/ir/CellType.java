package io.neuromap.compiler.ir;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * A cell type as realised in one population: its name, the receptors its neurons express, and
 * where it was declared. A population of a plain model ({@code : lif}) has one cell type named
 * after the model; a {@code mix} has one per entry, in mix order.
 *
 * @param span the {@code celltype} declaration, or the population for a plain model
 * @param receptors the cell type's receptors plus those declared in the population body
 */
public record CellType(String name, List<Receptor> receptors, SourceSpan span) {
    public CellType {
        requireNonNull(name, "name is null");
        receptors = List.copyOf(requireNonNull(receptors, "receptors is null"));
        requireNonNull(span, "span is null");
    }

    public Optional<Receptor> receptor(String receptorName) {
        return receptors.stream().filter(r -> r.name().equals(receptorName)).findFirst();
    }
}
