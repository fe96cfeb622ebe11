package io.neuromap.compiler.frontend;

import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.source.SourceFile;
import io.neuromap.compiler.source.SourceSpan;
import io.neuromap.grammar.NeuromapLexer;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Reports the tokens the lexer accepts only so that we can name the mistake: unterminated strings
 * and comments, {@code :=} and {@code ==}, stray characters, numbers too large for a double.
 */
final class LexicalCheck {
    private LexicalCheck() {
    }

    /** Reports every lexical mistake; true if there was none. */
    static boolean check(SourceFile file, List<Token> tokens, Diagnostics diagnostics) {
        boolean clean = true;
        for (Token t : tokens) {
            if (t.getType() == Token.EOF) {
                continue;
            }
            SourceSpan span = file.span(t.getStartIndex(), t.getStopIndex() + 1);
            switch (t.getType()) {
                case NeuromapLexer.UNTERMINATED_STRING:
                    diagnostics.report(DiagnosticCode.UNTERMINATED_STRING, file.span(t.getStartIndex(), t.getStartIndex() + 1),
                            "string is not closed before the end of the line", "add the closing `\"`");
                    clean = false;
                    break;
                case NeuromapLexer.BLOCK_COMMENT:
                    if (!t.getText().endsWith("*/") || t.getText().length() < 4) {
                        diagnostics.report(DiagnosticCode.UNTERMINATED_COMMENT, file.span(t.getStartIndex(), t.getStartIndex() + 2),
                                "block comment is not closed", "add `*/` where the comment ends");
                        clean = false;
                    }
                    break;
                case NeuromapLexer.WALRUS:
                    diagnostics.report(DiagnosticCode.WRONG_OPERATOR, span, "`:=` is not an operator of the language",
                            "write `=` for a fixed value or `~` for a distribution");
                    clean = false;
                    break;
                case NeuromapLexer.DOUBLE_EQUALS:
                    diagnostics.report(DiagnosticCode.WRONG_OPERATOR, span, "`==` is not an operator of the language",
                            "write `=` to bind a value");
                    clean = false;
                    break;
                case NeuromapLexer.ERROR_CHAR:
                    diagnostics.report(DiagnosticCode.INVALID_CHARACTER, span, "unexpected character " + describe(t.getText()),
                            hint(t.getText()));
                    clean = false;
                    break;
                case NeuromapLexer.NUMBER:
                    if (Double.isInfinite(Double.parseDouble(t.getText().replace("_", "")))) {
                        diagnostics.report(DiagnosticCode.INVALID_NUMBER, span, "number `" + t.getText() + "` is too large",
                                "use a unit prefix or a smaller exponent");
                        clean = false;
                    }
                    break;
                default:
                    break;
            }
        }
        return clean;
    }

    private static String describe(String text) {
        int cp = text.codePointAt(0);
        if (cp < 0x20 || cp == 0x7f) {
            return String.format("U+%04X", cp);
        }
        return "`" + text + "`" + (cp > 0x7e ? String.format(" (U+%04X)", cp) : "");
    }

    private static String hint(String text) {
        switch (text) {
            case "\u2013":
            case "\u2212":
                return "use the ASCII minus sign `-`";
            case "\u201C":
            case "\u201D":
                return "use the ASCII double quote `\"`";
            case "#":
                return "comments start with `//`";
            case "'":
                return "strings are written in double quotes";
            case "\u00B7":
            case "\u00D7":
                return "use `*` to multiply";
            default:
                return null;
        }
    }
}
