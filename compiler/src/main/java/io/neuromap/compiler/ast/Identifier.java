package io.neuromap.compiler.ast;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;

/** A name as written, with its span (so "unknown name" errors point at the name, not the statement). */
public record Identifier(String name, SourceSpan span) implements Node {
    public Identifier {
        requireNonNull(name, "name is null");
        requireNonNull(span, "span is null");
    }

    @Override
    public String toString() {
        return name;
    }
}
