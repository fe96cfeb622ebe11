package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.diag.Diagnostic;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNConfig;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.PredictionContext;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The parser's error strategy: no single-token insertion or deletion, no resynchronisation, stop
 * at the first error, and hand the error to {@link SyntaxMessage} with the set of tokens that
 * could really have come next. If working out that set or the message fails, the raw
 * "unexpected token" message is reported instead, so an error never goes unreported.
 */
final class SyntaxErrors extends DefaultErrorStrategy {
    /** How far {@link #follow} walks up prediction contexts; the grammar nests far less deeply. */
    private static final int MAX_FOLLOW_DEPTH = 64;

    private final TokenSpans spans;
    private final Diagnostics diagnostics;
    private boolean reported;

    SyntaxErrors(TokenSpans spans, Diagnostics diagnostics) {
        this.spans = requireNonNull(spans, "spans is null");
        this.diagnostics = requireNonNull(diagnostics, "diagnostics is null");
    }

    boolean reported() {
        return reported;
    }

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
        if (reported) {
            return;
        }
        Token offending = e.getOffendingToken() != null ? e.getOffendingToken() : recognizer.getCurrentToken();
        ParserRuleContext context = e.getCtx() instanceof ParserRuleContext p ? p : recognizer.getContext();
        report(recognizer, offending, context, e);
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
        throw new ParseCancellationException(e);
    }

    @Override
    public Token recoverInline(Parser recognizer) {
        InputMismatchException e = new InputMismatchException(recognizer);
        reportError(recognizer, e);
        throw new ParseCancellationException(e);
    }

    /**
     * Fails at the start of a loop or optional block when the next token can neither start an
     * iteration nor follow the block, so the message lists everything that could have come
     * there ({@code population}, {@code project}, ..., {@code }}) and not only the block's end.
     */
    @Override
    public void sync(Parser recognizer) {
        ATNState s = recognizer.getInterpreter().atn.states.get(recognizer.getState());
        int la = recognizer.getInputStream().LA(1);
        IntervalSet next = recognizer.getATN().nextTokens(s);
        if (next.contains(la) || next.contains(Token.EPSILON)) {
            return;
        }
        switch (s.getStateType()) {
            case ATNState.BLOCK_START:
            case ATNState.STAR_BLOCK_START:
            case ATNState.PLUS_BLOCK_START:
            case ATNState.STAR_LOOP_ENTRY:
            case ATNState.PLUS_LOOP_BACK:
            case ATNState.STAR_LOOP_BACK:
                throw new InputMismatchException(recognizer);
            default:
                break;
        }
    }

    /** Reports a generic error if the parse was cancelled without a report (never stay silent). */
    void reportIfSilent(Parser recognizer) {
        if (!reported) {
            report(recognizer, recognizer.getCurrentToken(), recognizer.getContext(), null);
        }
    }

    private void report(Parser recognizer, Token offending, ParserRuleContext context, RecognitionException e) {
        reported = true;
        Diagnostic diagnostic;
        try {
            IntervalSet expected = e == null ? null : expected(recognizer, e);
            diagnostic = new SyntaxMessage(spans, recognizer.getInputStream(), recognizer.getVocabulary())
                    .describe(offending, expected, context);
        } catch (RuntimeException analysisFailed) {
            String found = offending.getType() == Token.EOF ? "end of file" : "`" + offending.getText() + "`";
            diagnostic = new Diagnostic(DiagnosticCode.SYNTAX, spans.of(offending), "unexpected " + found);
        }
        diagnostics.report(diagnostic);
    }

    /**
     * What could have come instead of the offending token. For a failed prediction (the parser
     * looked several tokens ahead to choose between alternatives, as in {@code tau_m : 20 ms}),
     * the set at the decision's start would name the wrong place; the configurations the
     * prediction was still in when it failed say what each alternative could accept there.
     */
    private static IntervalSet expected(Parser recognizer, RecognitionException e) {
        if (e instanceof NoViableAltException n && n.getDeadEndConfigs() != null
                && n.getStartToken() != null && n.getStartToken().getTokenIndex() != e.getOffendingToken().getTokenIndex()) {
            IntervalSet out = new IntervalSet();
            ParserRuleContext outer = e.getCtx() instanceof ParserRuleContext p ? p : recognizer.getContext();
            for (ATNConfig c : n.getDeadEndConfigs()) {
                follow(recognizer.getATN(), c.state, c.context, outer, out, 0);
            }
            if (!out.isNil()) {
                return out;
            }
        }
        return e instanceof NoViableAltException ? recognizer.getExpectedTokens() : e.getExpectedTokens();
    }

    private static void follow(ATN atn, ATNState state, PredictionContext context, ParserRuleContext outer, IntervalSet out,
            int depth) {
        IntervalSet next = atn.nextTokens(state);
        boolean canEnd = next.contains(Token.EPSILON);
        out.addAll(next.subtract(IntervalSet.of(Token.EPSILON)));
        if (!canEnd || depth > MAX_FOLLOW_DEPTH) {
            return;
        }
        if (context == null || context.isEmpty()) {
            outerFollow(atn, outer, out);
            return;
        }
        for (int i = 0; i < context.size(); i++) {
            int returnState = context.getReturnState(i);
            if (returnState == PredictionContext.EMPTY_RETURN_STATE) {
                outerFollow(atn, outer, out);
            } else {
                follow(atn, atn.states.get(returnState), context.getParent(i), outer, out, depth + 1);
            }
        }
    }

    /** What may follow the rule the prediction started in, given where that rule was invoked. */
    private static void outerFollow(ATN atn, ParserRuleContext outer, IntervalSet out) {
        if (outer == null) {
            return;
        }
        IntervalSet follow = atn.getExpectedTokens(atn.ruleToStopState[outer.getRuleIndex()].stateNumber, outer);
        out.addAll(follow.subtract(IntervalSet.of(Token.EPSILON)));
    }
}
