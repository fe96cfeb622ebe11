package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceFile;
import io.neuromap.compiler.source.SourceSpan;
import org.antlr.v4.runtime.Token;

/**
 * Turns ANTLR token positions into {@link SourceSpan}s. ANTLR counts code points from the start of
 * the text it lexed; a {@link SourceFile} counts UTF-16 chars from the start of the file. The two
 * differ after a character outside the BMP (an emoji in a comment) and after a byte-order mark the
 * lexer never saw, and every span of the front end goes through here so that none of them drifts.
 */
final class TokenSpans {
    private final SourceFile file;
    private final int base;
    /** UTF-16 offset of each code point of the lexed text, or null when the two coincide. */
    private final int[] offsets;

    /** @param base the char offset in {@code file} at which the lexed text starts (1 after a skipped BOM) */
    TokenSpans(SourceFile file, int base) {
        this.file = requireNonNull(file, "file is null");
        this.base = base;
        String lexed = file.text().substring(base);
        int codePoints = lexed.codePointCount(0, lexed.length());
        if (codePoints == lexed.length()) {
            this.offsets = null;
        } else {
            int[] map = new int[codePoints + 1];
            int cp = 0;
            for (int i = 0; i < lexed.length(); i = lexed.offsetByCodePoints(i, 1)) {
                map[cp++] = i;
            }
            map[codePoints] = lexed.length();
            this.offsets = map;
        }
    }

    SourceFile file() {
        return file;
    }

    /** The char offset in the file of a code-point index of the lexed text. */
    int offset(int codePointIndex) {
        if (offsets == null) {
            return base + codePointIndex;
        }
        return base + offsets[Math.max(0, Math.min(codePointIndex, offsets.length - 1))];
    }

    /** The text of the token; the end of the file (zero width) for EOF. */
    SourceSpan of(Token token) {
        if (token.getType() == Token.EOF) {
            return endOfFile();
        }
        return file.span(offset(token.getStartIndex()), offset(token.getStopIndex() + 1));
    }

    /** From the start of {@code first} to the end of {@code last}; just {@code first} if {@code last} precedes it. */
    SourceSpan of(Token first, Token last) {
        int start = offset(first.getStartIndex());
        if (last == null || last.getType() == Token.EOF || last.getStopIndex() < first.getStartIndex()) {
            return first.getType() == Token.EOF ? endOfFile() : file.span(start, offset(first.getStopIndex() + 1));
        }
        return file.span(start, offset(last.getStopIndex() + 1));
    }

    /** The first character of the token (a caret under one character, e.g. an opening quote). */
    SourceSpan firstChar(Token token) {
        int start = offset(token.getStartIndex());
        return file.span(start, offset(token.getStartIndex() + 1));
    }

    /** Zero width, right after the token: where a missing {@code ;} belongs. */
    SourceSpan after(Token token) {
        int end = offset(token.getStopIndex() + 1);
        return file.span(end, end);
    }

    SourceSpan endOfFile() {
        int end = file.text().length();
        return file.span(end, end);
    }
}
