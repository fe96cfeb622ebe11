package io.neuromap.compiler.ast;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.List;

/** {@code network Name { ... }}: populations, projections, modulators, pathways, stimuli, probes. */
public record NetworkDecl(Identifier name, List<NetItem> items, SourceSpan span) implements TopItem {
    public NetworkDecl {
        requireNonNull(name, "name is null");
        items = List.copyOf(requireNonNull(items, "items is null"));
        requireNonNull(span, "span is null");
    }

    public <T extends NetItem> List<T> itemsOf(Class<T> kind) {
        return items.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
