package io.neuromap.compiler.diag;

import io.neuromap.compiler.source.SourceFile;
import io.neuromap.compiler.source.SourceSpan;
import java.util.Map;

/**
 * Renders diagnostics the way rustc and clang do: the headline, the source line with a caret
 * under the span, and a {@code help:} line with the fix.
 *
 * <pre>
 * net.nmap:4:12: error[NM-E0202]: tau_m expects a time, found a voltage (mV)
 *     4 |   tau_m = 5 mV;
 *       |           ^^^^
 *   help: write a time, e.g. 5 ms
 * </pre>
 */
public final class DiagnosticRenderer {
    private final Map<String, SourceFile> sources;

    /** @param sources the files diagnostics may point into, by {@link SourceSpan#file()} */
    public DiagnosticRenderer(Map<String, SourceFile> sources) {
        this.sources = Map.copyOf(sources);
    }

    public String render(Diagnostic d) {
        StringBuilder out = new StringBuilder(d.headline()).append('\n');
        SourceSpan span = d.span();
        SourceFile file = sources.get(span.file());
        if (file != null && span.line() <= file.lineCount()) {
            String text = file.line(span.line()).replace('\t', ' ');
            String number = Integer.toString(span.line());
            String gutter = " ".repeat(number.length());
            int from = Math.min(span.column() - 1, text.length());
            int to = span.endLine() == span.line() ? Math.max(from + 1, span.endColumn() - 1) : text.length();
            to = Math.max(from + 1, Math.min(to, Math.max(text.length(), from + 1)));
            out.append(' ').append(number).append(" | ").append(text).append('\n');
            out.append(' ').append(gutter).append(" | ").append(" ".repeat(from)).append("^".repeat(to - from)).append('\n');
        }
        d.help().ifPresent(h -> out.append("  help: ").append(h).append('\n'));
        return out.toString();
    }

    /** All diagnostics in reading order, then a one-line count. */
    public String renderAll(Diagnostics diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics.sorted()) {
            out.append(render(d));
        }
        return out.toString();
    }
}
