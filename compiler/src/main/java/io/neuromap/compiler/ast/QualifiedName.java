package io.neuromap.compiler.ast;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.List;
import java.util.stream.Collectors;

/** A dotted name such as {@code tau_m} or {@code soma.tau_w}; never empty. */
public record QualifiedName(List<Identifier> parts, SourceSpan span) implements Node {
    public QualifiedName {
        parts = List.copyOf(requireNonNull(parts, "parts is null"));
        requireNonNull(span, "span is null");
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("empty qualified name");
        }
    }

    /** The last part: the parameter name in {@code soma.tau_w}. */
    public Identifier last() {
        return parts.get(parts.size() - 1);
    }

    /** The dotted text. */
    public String text() {
        return parts.stream().map(Identifier::name).collect(Collectors.joining("."));
    }

    @Override
    public String toString() {
        return text();
    }
}
