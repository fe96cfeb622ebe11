package io.neuromap.compiler.ast;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.List;

/** One parsed {@code .nmap} file: its top-level items in source order. Imports are not yet resolved. */
public record Program(String file, List<TopItem> items, SourceSpan span) implements Node {
    public Program {
        requireNonNull(file, "file is null");
        items = List.copyOf(requireNonNull(items, "items is null"));
        requireNonNull(span, "span is null");
    }

    /** Items of one kind, in source order. */
    public <T extends TopItem> List<T> itemsOf(Class<T> kind) {
        return items.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
