package io.neuromap.compiler.eval;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.diag.Diagnostic;

/** An expression could not be evaluated; carries the located diagnostic to report. Never shown as a stack trace. */
public final class EvaluationException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Diagnostic diagnostic;

    public EvaluationException(Diagnostic diagnostic) {
        super(requireNonNull(diagnostic, "diagnostic is null").headline(), null, false, false);
        this.diagnostic = diagnostic;
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
