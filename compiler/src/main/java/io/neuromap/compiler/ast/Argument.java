package io.neuromap.compiler.ast;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.Optional;

/** A positional ({@code 0.1}) or named ({@code mean = 20 ms}) argument. */
public record Argument(Optional<Identifier> name, Expr value, SourceSpan span) implements Node {
    public Argument {
        requireNonNull(name, "name is null");
        requireNonNull(value, "value is null");
        requireNonNull(span, "span is null");
    }
}
