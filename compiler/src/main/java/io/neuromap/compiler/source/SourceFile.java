package io.neuromap.compiler.source;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * The text of one source file with a line index, so that diagnostics can quote the offending line.
 * Immutable; the text is kept as read.
 */
public final class SourceFile {
    private final String name;
    private final String text;
    private final int[] lineStarts;

    public SourceFile(String name, String text) {
        this.name = requireNonNull(name, "name is null");
        this.text = requireNonNull(text, "text is null");
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[line++] = i + 1;
            }
        }
        this.lineStarts = starts;
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** The text of a 1-based line without its line terminator; empty if out of range. */
    public String line(int line) {
        if (line < 1 || line > lineStarts.length) {
            return "";
        }
        int from = lineStarts[line - 1];
        int to = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        if (to > from && text.charAt(to - 1) == '\r') {
            to--;
        }
        return text.substring(from, Math.max(from, to));
    }

    /** The 1-based line containing a 0-based offset. */
    public int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** The 1-based column of a 0-based offset. */
    public int columnOf(int offset) {
        return offset - lineStarts[lineOf(offset) - 1] + 1;
    }

    /** The span of {@code [start, end)} in this file. */
    public SourceSpan span(int start, int end) {
        int s = Math.max(0, Math.min(start, text.length()));
        int e = Math.max(s, Math.min(end, text.length()));
        return new SourceSpan(name, s, e, lineOf(s), columnOf(s), lineOf(e), columnOf(e));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceFile f && f.name.equals(name) && f.text.equals(text);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + text.hashCode();
    }

    @Override
    public String toString() {
        return "SourceFile[" + name + ", " + text.length() + " chars]";
    }
}
