package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.Program;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.source.SourceFile;
import io.neuromap.grammar.NeuromapLexer;
import io.neuromap.grammar.NeuromapParser;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The front end's only entry to parsing: text in, an AST or located diagnostics out. Lexical
 * mistakes are all reported; parsing stops at the first syntax error (no token insertion or
 * deletion, so the message names what was expected where the text went wrong).
 *
 * <p>Guarantees to every later phase: the AST has no expression deeper than
 * {@link #MAX_EXPRESSION_DEPTH}, so passes may recurse over expressions on an ordinary thread
 * stack. A UTF-8 byte-order mark at the start of the text is skipped (editors on Windows write
 * one); anywhere else it is an invisible character and reported as such.
 */
public final class Parser {
    /** Deeper bracket nesting than this is rejected before parsing, so a hostile input cannot overflow the stack. */
    static final int MAX_NESTING = 200;
    /** Operators and brackets nested deeper than this in one expression are rejected (see the class comment). */
    public static final int MAX_EXPRESSION_DEPTH = 256;

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private Parser() {
    }

    /**
     * Parses one file; returns empty if a lexical or syntax error was reported. The one error the
     * AST cannot represent (a projection's {@code receptor =} given twice) is reported while
     * building it, and the AST, which keeps the first, is still returned.
     */
    public static Optional<Program> parse(SourceFile file, Diagnostics diagnostics) {
        requireNonNull(file, "file is null");
        requireNonNull(diagnostics, "diagnostics is null");
        int base = !file.text().isEmpty() && file.text().charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
        TokenSpans spans = new TokenSpans(file, base);
        NeuromapLexer lexer = new NeuromapLexer(CharStreams.fromString(file.text().substring(base), file.name()));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        if (!LexicalCheck.check(spans, tokens.getTokens(), diagnostics) || !checkNesting(spans, tokens.getTokens(), diagnostics)) {
            return Optional.empty();
        }
        NeuromapParser parser = new NeuromapParser(tokens);
        parser.removeErrorListeners();
        SyntaxErrors errors = new SyntaxErrors(spans, diagnostics);
        NeuromapParser.ProgramContext tree;
        try {
            tree = parseTwoStage(parser, tokens, errors);
        } catch (ParseCancellationException e) {
            errors.reportIfSilent(parser);
            return Optional.empty();
        } catch (StackOverflowError e) {
            // The bracket guard above bounds brackets; a long run of prefix operators or `^` can still
            // recurse too deep in the generated parser. The current token is where it was.
            diagnostics.report(DiagnosticCode.NESTED_TOO_DEEPLY, spans.of(parser.getCurrentToken()),
                    "expression nested too deeply to parse", "split it into named constants");
            return Optional.empty();
        }
        if (errors.reported()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AstBuilder(spans, diagnostics).program(tree));
        } catch (AstBuilder.TooDeep e) {
            diagnostics.report(DiagnosticCode.NESTED_TOO_DEEPLY, e.span(),
                    "expression nested too deeply: more than " + MAX_EXPRESSION_DEPTH + " levels of operators and brackets",
                    "split it into named constants");
            return Optional.empty();
        }
    }

    /**
     * Parses in ANTLR's fast SLL mode, bailing out at the first problem; only if that fails is the
     * text parsed again in full LL mode with the error strategy that reports (Trino does the same).
     * SLL accepts exactly the valid programs LL does for this grammar, and is some 40% faster on
     * large files; the second stage gives the error message its full context.
     */
    private static NeuromapParser.ProgramContext parseTwoStage(NeuromapParser parser, CommonTokenStream tokens,
            SyntaxErrors errors) {
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return parser.program();
        } catch (ParseCancellationException sllFailed) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(errors);
            return parser.program();
        }
    }

    private static boolean checkNesting(TokenSpans spans, List<Token> tokens, Diagnostics diagnostics) {
        int depth = 0;
        for (Token t : tokens) {
            int type = t.getType();
            if (type == NeuromapLexer.LPAREN || type == NeuromapLexer.LBRACK || type == NeuromapLexer.LBRACE) {
                if (++depth > MAX_NESTING) {
                    diagnostics.report(DiagnosticCode.NESTED_TOO_DEEPLY, spans.of(t),
                            "nested too deeply: more than " + MAX_NESTING + " open brackets",
                            "split the expression into named constants");
                    return false;
                }
            } else if (type == NeuromapLexer.RPAREN || type == NeuromapLexer.RBRACK || type == NeuromapLexer.RBRACE) {
                depth = Math.max(0, depth - 1);
            }
        }
        return true;
    }
}
