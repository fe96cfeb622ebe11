package io.neuromap.compiler.ast;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.List;

/** {@code simulate Net { dt = 1 ms; duration = 2 s; seed = 7; }}. */
public record SimulateDecl(Identifier network, List<Setting> settings, SourceSpan span) implements TopItem {
    public SimulateDecl {
        requireNonNull(network, "network is null");
        settings = List.copyOf(requireNonNull(settings, "settings is null"));
        requireNonNull(span, "span is null");
    }
}
