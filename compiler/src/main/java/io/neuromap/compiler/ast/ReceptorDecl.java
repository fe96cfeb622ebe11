package io.neuromap.compiler.ast;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.Optional;

/** {@code receptor D1R binds DA [on dendrite];}: the cell expresses a receptor for a modulator. */
public record ReceptorDecl(Identifier name, Identifier modulator, Optional<Identifier> compartment, SourceSpan span)
        implements BodyItem {
    public ReceptorDecl {
        requireNonNull(name, "name is null");
        requireNonNull(modulator, "modulator is null");
        requireNonNull(compartment, "compartment is null");
        requireNonNull(span, "span is null");
    }
}
