package io.neuromap.compiler.ast;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.List;

/** {@code population msn[800] : mix { D1: 0.5, D2: 0.5 } { ... }}. */
public record PopulationDecl(Identifier name, Expr size, PopulationType type, List<BodyItem> body, SourceSpan span)
        implements NetItem {
    public PopulationDecl {
        requireNonNull(name, "name is null");
        requireNonNull(size, "size is null");
        requireNonNull(type, "type is null");
        body = List.copyOf(requireNonNull(body, "body is null"));
        requireNonNull(span, "span is null");
    }

    public List<Binding> bindings() {
        return body.stream().filter(Binding.class::isInstance).map(Binding.class::cast).toList();
    }

    public List<ReceptorDecl> receptors() {
        return body.stream().filter(ReceptorDecl.class::isInstance).map(ReceptorDecl.class::cast).toList();
    }
}
