package io.neuromap.compiler.frontend;

import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.source.SourceFile;
import io.neuromap.compiler.source.SourceSpan;
import io.neuromap.grammar.NeuromapLexer;
import io.neuromap.grammar.NeuromapParser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The parser's error strategy: no single-token insertion or deletion, stop at the first error,
 * and describe it with friendly names ({@code <expression>}, {@code <identifier>}) and the
 * construct being parsed ("in a population declaration").
 */
final class SyntaxErrors extends DefaultErrorStrategy {
    private final SourceFile file;
    private final Diagnostics diagnostics;
    private boolean reported;

    SyntaxErrors(SourceFile file, Diagnostics diagnostics) {
        this.file = file;
        this.diagnostics = diagnostics;
    }

    boolean reported() {
        return reported;
    }

    @Override
    public void reportError(org.antlr.v4.runtime.Parser recognizer, RecognitionException e) {
        if (reported) {
            return;
        }
        Token offending = e.getOffendingToken() != null ? e.getOffendingToken() : recognizer.getCurrentToken();
        IntervalSet expected;
        try {
            expected = e instanceof NoViableAltException ? recognizer.getExpectedTokens() : e.getExpectedTokens();
        } catch (RuntimeException analysisFailed) {
            expected = null;
        }
        report(recognizer, offending, expected, e.getCtx() instanceof ParserRuleContext p ? p : recognizer.getContext());
    }

    @Override
    public void recover(org.antlr.v4.runtime.Parser recognizer, RecognitionException e) {
        throw new ParseCancellationException(e);
    }

    @Override
    public Token recoverInline(org.antlr.v4.runtime.Parser recognizer) {
        InputMismatchException e = new InputMismatchException(recognizer);
        reportError(recognizer, e);
        throw new ParseCancellationException(e);
    }

    @Override
    public void sync(org.antlr.v4.runtime.Parser recognizer) {
        // No resynchronisation: the first error ends the parse.
    }

    /** Reports a generic error if cancellation happened without a report (should not occur, but never stay silent). */
    void reportIfSilent(org.antlr.v4.runtime.Parser recognizer, ParseCancellationException e) {
        if (!reported) {
            report(recognizer, recognizer.getCurrentToken(), null, recognizer.getContext());
        }
    }

    private void report(org.antlr.v4.runtime.Parser recognizer, Token offending, IntervalSet expected, ParserRuleContext context) {
        reported = true;
        SourceSpan span = offending.getType() == Token.EOF
                ? file.span(file.text().length(), file.text().length())
                : file.span(offending.getStartIndex(), offending.getStopIndex() + 1);
        String found = offending.getType() == Token.EOF ? "end of file" : "`" + offending.getText() + "`";
        List<String> names = expected == null ? List.of() : friendlyNames(expected, recognizer.getVocabulary());
        String where = construct(context);
        StringBuilder message = new StringBuilder("unexpected ").append(found);
        if (where != null) {
            message.append(" in ").append(where);
        }
        if (!names.isEmpty()) {
            message.append("; expected ").append(names.size() == 1 ? names.get(0) : "one of " + String.join(", ", names));
        }
        diagnostics.report(DiagnosticCode.SYNTAX, span, message.toString(), help(offending, names));
    }

    private static String help(Token offending, List<String> expected) {
        if (expected.contains("`;`")) {
            return "add `;` at the end of the previous statement";
        }
        if (offending.getType() == Token.EOF && expected.contains("`}`")) {
            return "a block is not closed: add `}`";
        }
        if (offending.getType() >= NeuromapLexer.IMPORT && offending.getType() <= NeuromapLexer.CLAMP
                && expected.contains("<identifier>")) {
            return "`" + offending.getText() + "` is a keyword and cannot be used as a name";
        }
        return null;
    }

    /** Token names a user reads; the many tokens that can start an expression collapse to {@code <expression>}. */
    static List<String> friendlyNames(IntervalSet expected, Vocabulary vocabulary) {
        Set<String> names = new LinkedHashSet<>();
        boolean expression = expected.contains(NeuromapLexer.NUMBER) && expected.contains(NeuromapLexer.LPAREN)
                && expected.contains(NeuromapLexer.ID);
        for (int type : expected.toList()) {
            if (expression && (type == NeuromapLexer.NUMBER || type == NeuromapLexer.LPAREN || type == NeuromapLexer.ID
                    || type == NeuromapLexer.MINUS || type == NeuromapLexer.PLUS || type == NeuromapLexer.STRING
                    || type == NeuromapLexer.LBRACK)) {
                names.add("<expression>");
                continue;
            }
            names.add(tokenName(type, vocabulary));
        }
        List<String> out = new ArrayList<>(names);
        return out.size() > 12 ? out.subList(0, 12) : out;
    }

    private static String tokenName(int type, Vocabulary vocabulary) {
        switch (type) {
            case Token.EOF:
                return "end of file";
            case NeuromapLexer.ID:
                return "<identifier>";
            case NeuromapLexer.NUMBER:
                return "<number>";
            case NeuromapLexer.STRING:
                return "<string>";
            default:
                String literal = vocabulary.getLiteralName(type);
                return literal != null ? "`" + literal.substring(1, literal.length() - 1) + "`" : vocabulary.getDisplayName(type);
        }
    }

    /** The innermost construct with a name users know. */
    private static String construct(ParserRuleContext ctx) {
        for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
            switch (c.getRuleIndex()) {
                case NeuromapParser.RULE_populationDecl: return "a population declaration";
                case NeuromapParser.RULE_projectionDecl: return "a projection";
                case NeuromapParser.RULE_modulatorDecl: return "a modulator";
                case NeuromapParser.RULE_pathwayDecl: return "a pathway";
                case NeuromapParser.RULE_stimulusDecl: return "a stimulus";
                case NeuromapParser.RULE_probeDecl: return "a probe";
                case NeuromapParser.RULE_celltypeDecl: return "a cell type";
                case NeuromapParser.RULE_simulateDecl: return "a simulate block";
                case NeuromapParser.RULE_targetDecl: return "a target block";
                case NeuromapParser.RULE_importDecl: return "an import";
                case NeuromapParser.RULE_constDecl: return "a constant";
                case NeuromapParser.RULE_networkDecl: return "a network";
                default: break;
            }
        }
        return null;
    }
}
