package io.neuromap.compiler.diag;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The sink every phase reports into. Phases keep going after an error (so one run reports all
 * problems); the pipeline checks {@link #hasErrors()} between phases and stops there. Not
 * thread-safe: each compilation has its own sink.
 */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();
    private final Set<String> seen = new LinkedHashSet<>();
    private int errors;

    /** Adds a diagnostic; an exact repeat (same code, span and message) is dropped. */
    public void report(Diagnostic diagnostic) {
        requireNonNull(diagnostic, "diagnostic is null");
        String key = diagnostic.code().id() + "@" + diagnostic.span() + "#" + diagnostic.span().start() + ":" + diagnostic.message();
        if (!seen.add(key)) {
            return;
        }
        items.add(diagnostic);
        if (diagnostic.isError()) {
            errors++;
        }
    }

    public void report(DiagnosticCode code, SourceSpan span, String message) {
        report(new Diagnostic(code, span, message));
    }

    public void report(DiagnosticCode code, SourceSpan span, String message, String help) {
        report(new Diagnostic(code, span, message, help));
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    public int errorCount() {
        return errors;
    }

    public int warningCount() {
        return (int) items.stream().filter(d -> d.severity() == Severity.WARNING).count();
    }

    /** All diagnostics in report order. */
    public List<Diagnostic> all() {
        return Collections.unmodifiableList(items);
    }

    /** All diagnostics ordered by file, then position, then code: the order users read them in. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(items);
        copy.sort(Comparator.comparing((Diagnostic d) -> d.span().file())
                .thenComparingInt(d -> d.span().start())
                .thenComparing(d -> d.code().id()));
        return copy;
    }

    @Override
    public String toString() {
        return "Diagnostics[" + errors + " errors, " + items.size() + " total]";
    }
}
