package io.neuromap.compiler.ast;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.Optional;

/**
 * {@code probe [name :] spikes|state(v)|weights|modulator(DA) of pop[.part][from:to] [every 1 ms];}.
 * {@code what} holds the kind as an invocation; {@code modulator(DA)} has kind name {@code modulator}.
 */
public record ProbeDecl(Optional<Identifier> name, Invocation what, Endpoint target, Optional<Expr> every,
        SourceSpan span) implements NetItem {
    public ProbeDecl {
        requireNonNull(name, "name is null");
        requireNonNull(what, "what is null");
        requireNonNull(target, "target is null");
        requireNonNull(every, "every is null");
        requireNonNull(span, "span is null");
    }
}
