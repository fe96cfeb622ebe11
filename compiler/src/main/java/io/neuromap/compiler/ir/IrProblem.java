package io.neuromap.compiler.ir;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;

/**
 * A broken IR invariant found by {@link IrVerifier}, located at the declaration whose IR object is
 * wrong. It means a compiler bug (the pass that produced the IR is to blame), not a user error.
 */
public record IrProblem(SourceSpan span, String message) {
    public IrProblem {
        requireNonNull(span, "span is null");
        requireNonNull(message, "message is null");
    }

    @Override
    public String toString() {
        return span.location() + ": " + message;
    }
}
