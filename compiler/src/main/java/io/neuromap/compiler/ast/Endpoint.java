package io.neuromap.compiler.ast;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.Optional;

/**
 * A population, optionally narrowed: {@code msn}, {@code pyr.dendrite} (a compartment),
 * {@code cortex.RS} (the cell-type subset of a mix), {@code pyr[0:20]} (an index range).
 * Whether {@code part} is a compartment or a cell type is decided by the front end.
 */
public record Endpoint(Identifier population, Optional<Identifier> part, Optional<Slice> slice, SourceSpan span)
        implements Node {
    public Endpoint {
        requireNonNull(population, "population is null");
        requireNonNull(part, "part is null");
        requireNonNull(slice, "slice is null");
        requireNonNull(span, "span is null");
    }

    /** {@code [from:to]}, half-open; either bound may be omitted. */
    public record Slice(Optional<Expr> from, Optional<Expr> to, SourceSpan span) implements Node {
        public Slice {
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
            requireNonNull(span, "span is null");
        }
    }
}
