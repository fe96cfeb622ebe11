package io.neuromap.compiler.ast;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.List;

/** {@code pathway d1 : DA -> celltype D1 via D1R { effect ...; }}. */
public record PathwayDecl(Identifier name, Identifier modulator, PathwayTarget target, Identifier receptor,
        List<Effect> effects, SourceSpan span) implements NetItem {
    public PathwayDecl {
        requireNonNull(name, "name is null");
        requireNonNull(modulator, "modulator is null");
        requireNonNull(target, "target is null");
        requireNonNull(receptor, "receptor is null");
        effects = List.copyOf(requireNonNull(effects, "effects is null"));
        requireNonNull(span, "span is null");
    }
}
