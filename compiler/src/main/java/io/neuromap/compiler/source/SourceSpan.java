package io.neuromap.compiler.source;

import static java.util.Objects.requireNonNull;

/**
 * A located region of a source file: the half-open character range {@code [start, end)} and the
 * 1-based line and column of both ends. Every AST node, IR object and diagnostic carries one, so
 * that any problem found in any phase can be shown at the DSL text that caused it.
 *
 * @param file path of the file as the user named it (used verbatim in messages)
 * @param start offset of the first character, 0-based
 * @param end offset one past the last character
 * @param line 1-based line of {@code start}
 * @param column 1-based column of {@code start}
 * @param endLine 1-based line of the last character
 * @param endColumn 1-based column one past the last character
 */
public record SourceSpan(String file, int start, int end, int line, int column, int endLine, int endColumn) {

    public SourceSpan {
        requireNonNull(file, "file is null");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span offsets [" + start + ", " + end + ")");
        }
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("bad span position " + line + ":" + column);
        }
    }

    /** A span for things that have no text, such as command-line settings: line 1, column 1 of {@code file}. */
    public static SourceSpan synthetic(String file) {
        return new SourceSpan(file, 0, 0, 1, 1, 1, 1);
    }

    /** The smallest span covering both; both must be in the same file. */
    public SourceSpan to(SourceSpan other) {
        if (!file.equals(other.file)) {
            throw new IllegalArgumentException("spans in different files: " + file + ", " + other.file);
        }
        SourceSpan first = start <= other.start ? this : other;
        SourceSpan last = end >= other.end ? this : other;
        return new SourceSpan(file, first.start, last.end, first.line, first.column, last.endLine, last.endColumn);
    }

    /** {@code file:line:col}, the prefix of every diagnostic. */
    public String location() {
        return file + ":" + line + ":" + column;
    }

    @Override
    public String toString() {
        return location();
    }
}
