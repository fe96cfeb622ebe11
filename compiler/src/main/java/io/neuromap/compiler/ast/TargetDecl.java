package io.neuromap.compiler.ast;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.List;

/** {@code target loihi1 { chips = 2; }} or {@code target spinnaker1;}: a chip this file is meant for, with hints. */
public record TargetDecl(Identifier name, List<Setting> settings, SourceSpan span) implements TopItem {
    public TargetDecl {
        requireNonNull(name, "name is null");
        settings = List.copyOf(requireNonNull(settings, "settings is null"));
        requireNonNull(span, "span is null");
    }
}
