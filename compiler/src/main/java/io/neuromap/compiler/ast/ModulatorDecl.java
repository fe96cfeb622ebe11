package io.neuromap.compiler.ast;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.List;

/**
 * {@code modulator DA { source snc; release 0.3 per spike; decay 200 ms; baseline 0.01; scope global; delay 5 ms; }}:
 * a concentration with first-order decay towards baseline, raised by source spikes or an external channel.
 */
public record ModulatorDecl(Identifier name, List<Setting> settings, SourceSpan span) implements NetItem {
    public ModulatorDecl {
        requireNonNull(name, "name is null");
        settings = List.copyOf(requireNonNull(settings, "settings is null"));
        requireNonNull(span, "span is null");
    }
}
