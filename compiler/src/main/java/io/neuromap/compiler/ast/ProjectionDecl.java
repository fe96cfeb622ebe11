package io.neuromap.compiler.ast;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * {@code project [name :] pre -> post[.compartment] with connector [plasticity rule(args)] { weight ~ ...; delay = ...; receptor = exc; }}.
 * An unnamed projection is called {@code pre_to_post} by the front end.
 *
 * @param receptor {@code exc} or {@code inh} as written ({@code receptor = inh;}); empty means
 *                 inferred from the sign of the weights
 */
public record ProjectionDecl(Optional<Identifier> name, Endpoint pre, Endpoint post, Invocation connector,
        Optional<Invocation> plasticity, List<Binding> bindings, Optional<Identifier> receptor, SourceSpan span)
        implements NetItem {
    public ProjectionDecl {
        requireNonNull(name, "name is null");
        requireNonNull(pre, "pre is null");
        requireNonNull(post, "post is null");
        requireNonNull(connector, "connector is null");
        requireNonNull(plasticity, "plasticity is null");
        bindings = List.copyOf(requireNonNull(bindings, "bindings is null"));
        requireNonNull(receptor, "receptor is null");
        requireNonNull(span, "span is null");
    }

    /** The declared name or {@code pre_to_post}. */
    public String effectiveName() {
        return name.map(Identifier::name).orElse(pre.population().name() + "_to_" + post.population().name());
    }
}
