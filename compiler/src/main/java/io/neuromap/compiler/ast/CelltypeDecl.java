package io.neuromap.compiler.ast;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.List;

/**
 * {@code celltype D1 : lif { tau_m ~ ...; receptor D1R binds DA; }}: a named parameterisation of a
 * built-in model plus the receptors the cell expresses.
 */
public record CelltypeDecl(Identifier name, Identifier model, List<BodyItem> body, SourceSpan span)
        implements TopItem, NetItem {
    public CelltypeDecl {
        requireNonNull(name, "name is null");
        requireNonNull(model, "model is null");
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
