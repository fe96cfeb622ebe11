package io.neuromap.compiler.frontend;

import io.neuromap.compiler.ast.Program;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.source.SourceFile;
import io.neuromap.grammar.NeuromapLexer;
import io.neuromap.grammar.NeuromapParser;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The front end's only entry to parsing: text in, an AST or located diagnostics out. Lexical
 * mistakes are all reported; parsing stops at the first syntax error (no token insertion or
 * deletion, so the message names what was expected where the text went wrong).
 */
public final class Parser {
    /** Deeper nesting than this is rejected before parsing, so a hostile input cannot overflow the stack. */
    static final int MAX_NESTING = 200;

    private Parser() {
    }

    /** Parses one file; returns empty if any error was reported. */
    public static Optional<Program> parse(SourceFile file, Diagnostics diagnostics) {
        NeuromapLexer lexer = new NeuromapLexer(CharStreams.fromString(file.text(), file.name()));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        if (!LexicalCheck.check(file, tokens.getTokens(), diagnostics) || !checkNesting(file, tokens.getTokens(), diagnostics)) {
            return Optional.empty();
        }
        NeuromapParser parser = new NeuromapParser(tokens);
        parser.removeErrorListeners();
        SyntaxErrors errors = new SyntaxErrors(file, diagnostics);
        parser.setErrorHandler(errors);
        try {
            NeuromapParser.ProgramContext tree = parser.program();
            if (errors.reported()) {
                return Optional.empty();
            }
            return Optional.of(new AstBuilder(file).program(tree));
        } catch (ParseCancellationException e) {
            errors.reportIfSilent(parser, e);
            return Optional.empty();
        } catch (StackOverflowError e) {
            diagnostics.report(DiagnosticCode.NESTED_TOO_DEEPLY, file.span(0, 0), "the file is nested too deeply to parse",
                    "split deeply nested expressions into constants");
            return Optional.empty();
        }
    }

    private static boolean checkNesting(SourceFile file, List<Token> tokens, Diagnostics diagnostics) {
        int depth = 0;
        for (Token t : tokens) {
            int type = t.getType();
            if (type == NeuromapLexer.LPAREN || type == NeuromapLexer.LBRACK || type == NeuromapLexer.LBRACE) {
                if (++depth > MAX_NESTING) {
                    diagnostics.report(DiagnosticCode.NESTED_TOO_DEEPLY, file.span(t.getStartIndex(), t.getStopIndex() + 1),
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
