package io.neuromap.compiler.ast;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;

/** {@code const N_EXC = 3200;}: a named compile-time quantity. */
public record ConstDecl(Identifier name, Expr value, SourceSpan span) implements TopItem, NetItem {
    public ConstDecl {
        requireNonNull(name, "name is null");
        requireNonNull(value, "value is null");
        requireNonNull(span, "span is null");
    }
}
