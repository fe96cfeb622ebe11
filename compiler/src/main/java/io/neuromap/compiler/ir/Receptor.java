package io.neuromap.compiler.ir;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;

/**
 * A receptor a cell type expresses ({@code receptor D1R binds DA on dendrite;}): pathways act on
 * a neuron only through a receptor it has, at the receptor's compartment.
 *
 * @param modulator the modulator's name
 * @param compartment where the receptor sits; the model's first compartment when not written
 */
public record Receptor(String name, String modulator, String compartment, SourceSpan span) {
    public Receptor {
        requireNonNull(name, "name is null");
        requireNonNull(modulator, "modulator is null");
        requireNonNull(compartment, "compartment is null");
        requireNonNull(span, "span is null");
    }
}
