package io.neuromap.compiler.ast;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.List;

/** {@code stimulus drive : poisson(rate = 5 Hz) -> exc { weight = 2 nA; };}. */
public record StimulusDecl(Identifier name, Invocation source, Endpoint target, List<BodyItem> body, SourceSpan span)
        implements NetItem {
    public StimulusDecl {
        requireNonNull(name, "name is null");
        requireNonNull(source, "source is null");
        requireNonNull(target, "target is null");
        body = List.copyOf(requireNonNull(body, "body is null"));
        requireNonNull(span, "span is null");
    }
}
