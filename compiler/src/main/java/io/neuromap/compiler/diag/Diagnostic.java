package io.neuromap.compiler.diag;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.Optional;

/**
 * One located problem: a stable code, where it is, what is wrong, and how to fix it when we know.
 * The single shape behind text output, JSON output and exit codes.
 *
 * @param code the stable code; its severity is the diagnostic's severity
 * @param span where the problem is in the source
 * @param message a plain sentence saying what is wrong (no location prefix, no code)
 * @param help a concrete fix, if one exists
 */
public record Diagnostic(DiagnosticCode code, SourceSpan span, String message, Optional<String> help) {

    public Diagnostic {
        requireNonNull(code, "code is null");
        requireNonNull(span, "span is null");
        requireNonNull(message, "message is null");
        requireNonNull(help, "help is null");
    }

    public Diagnostic(DiagnosticCode code, SourceSpan span, String message) {
        this(code, span, message, Optional.empty());
    }

    public Diagnostic(DiagnosticCode code, SourceSpan span, String message, String help) {
        this(code, span, message, Optional.ofNullable(help));
    }

    public Severity severity() {
        return code.severity();
    }

    public boolean isError() {
        return code.severity() == Severity.ERROR;
    }

    /** {@code file:line:col: error[NM-E0202]: message}, the first line of the rendered form. */
    public String headline() {
        return span.location() + ": " + severity().label() + "[" + code.id() + "]: " + message;
    }

    @Override
    public String toString() {
        return headline();
    }
}
