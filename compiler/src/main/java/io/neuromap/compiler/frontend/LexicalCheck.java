package io.neuromap.compiler.frontend;

import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.source.SourceSpan;
import io.neuromap.grammar.NeuromapLexer;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Reports the tokens the lexer accepts only so that we can name the mistake: unterminated strings
 * and comments, {@code :=} and {@code ==}, stray characters, numbers too large for a double, and
 * escape sequences a string may not contain. Every mistake in the file is reported (up to
 * {@link #MAX_REPORTED}, so that a file of junk does not bury the first message).
 */
final class LexicalCheck {
    /** After this many lexical errors in one file the rest are not reported: the first ones tell the story. */
    static final int MAX_REPORTED = 50;

    private LexicalCheck() {
    }

    /** Reports every lexical mistake; true if there was none. */
    static boolean check(TokenSpans spans, List<Token> tokens, Diagnostics diagnostics) {
        int errors = 0;
        for (Token t : tokens) {
            if (errors >= MAX_REPORTED) {
                break;
            }
            switch (t.getType()) {
                case NeuromapLexer.UNTERMINATED_STRING:
                    diagnostics.report(DiagnosticCode.UNTERMINATED_STRING, spans.firstChar(t),
                            "string is not closed before the end of the line", "add the closing `\"`");
                    errors++;
                    break;
                case NeuromapLexer.STRING:
                    errors += checkEscapes(spans, t, diagnostics);
                    break;
                case NeuromapLexer.BLOCK_COMMENT:
                    if (!t.getText().endsWith("*/") || t.getText().length() < 4) {
                        diagnostics.report(DiagnosticCode.UNTERMINATED_COMMENT, spanOfChars(spans, t, 0, 2),
                                "block comment is not closed", "add `*/` where the comment ends");
                        errors++;
                    }
                    break;
                case NeuromapLexer.WALRUS:
                    diagnostics.report(DiagnosticCode.WRONG_OPERATOR, spans.of(t), "`:=` is not an operator of the language",
                            "write `=` for a fixed value or `~` for a distribution");
                    errors++;
                    break;
                case NeuromapLexer.DOUBLE_EQUALS:
                    diagnostics.report(DiagnosticCode.WRONG_OPERATOR, spans.of(t), "`==` is not an operator of the language",
                            "write `=` to bind a value");
                    errors++;
                    break;
                case NeuromapLexer.ERROR_CHAR:
                    diagnostics.report(DiagnosticCode.INVALID_CHARACTER, spans.of(t), "unexpected " + describe(t.getText()),
                            hint(t.getText()));
                    errors++;
                    break;
                case NeuromapLexer.NUMBER:
                    if (Double.isInfinite(Double.parseDouble(t.getText().replace("_", "")))) {
                        diagnostics.report(DiagnosticCode.INVALID_NUMBER, spans.of(t), "number `" + t.getText() + "` is too large",
                                "use a unit prefix or a smaller exponent");
                        errors++;
                    }
                    break;
                default:
                    break;
            }
        }
        return errors == 0;
    }

    /** The escapes a string may contain: {@code \"}, {@code \\}, {@code \n}, {@code \t}. */
    private static int checkEscapes(TokenSpans spans, Token t, Diagnostics diagnostics) {
        String text = t.getText();
        int errors = 0;
        for (int i = 1; i < text.length() - 1; i++) {
            if (text.charAt(i) != '\\') {
                continue;
            }
            char next = text.charAt(i + 1);
            if (next != '"' && next != '\\' && next != 'n' && next != 't') {
                String escape = text.substring(i, i + Character.charCount(text.codePointAt(i + 1)) + 1);
                diagnostics.report(DiagnosticCode.INVALID_ESCAPE, spanOfChars(spans, t, i, i + escape.length()),
                        "`" + escape + "` is not an escape sequence",
                        "a string may contain \\\" \\\\ \\n \\t; write `\\\\` for a backslash, or `/` in paths");
                errors++;
            }
            i++;
        }
        return errors;
    }

    /** Chars {@code [from, to)} of a token's text (UTF-16 offsets within the token). */
    private static SourceSpan spanOfChars(TokenSpans spans, Token t, int from, int to) {
        int start = spans.offset(t.getStartIndex());
        return spans.file().span(start + from, start + to);
    }

    private static String describe(String text) {
        int cp = text.codePointAt(0);
        String code = String.format("U+%04X", cp);
        if (cp < 0x20 || cp == 0x7f) {
            return "control character " + code;
        }
        if (Character.isSpaceChar(cp) || Character.isWhitespace(cp)) {
            return "non-ASCII space " + code;
        }
        if (Character.getType(cp) == Character.FORMAT) {
            return "invisible character " + code;
        }
        return "character `" + text + "`" + (cp > 0x7e ? " (" + code + ")" : "");
    }

    private static String hint(String text) {
        int cp = text.codePointAt(0);
        if (Character.isSpaceChar(cp) && cp != ' ') {
            return "replace it with an ordinary space";
        }
        if (Character.getType(cp) == Character.FORMAT) {
            return "delete it (it is invisible in most editors)";
        }
        switch (text) {
            case "\u2013":
            case "\u2014":
            case "\u2212":
                return "use the ASCII minus sign `-`";
            case "\u201C":
            case "\u201D":
                return "use the ASCII double quote `\"`";
            case "\u2018":
            case "\u2019":
            case "'":
                return "strings are written in double quotes";
            case "#":
                return "comments start with `//`";
            case "\u00B7":
            case "\u00D7":
            case "\u22C5":
                return "use `*` to multiply";
            case "\u2192":
                return "write `->`";
            case "\u03A9":
            case "\u2126":
                return "write the unit as `ohm`";
            case "&":
            case "|":
            case "!":
            case "<":
            case ">":
                return "the language has no logical or comparison operators";
            default:
                return null;
        }
    }
}
