package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.diag.Diagnostic;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Suggestions;
import io.neuromap.compiler.source.SourceSpan;
import io.neuromap.grammar.NeuromapLexer;
import io.neuromap.grammar.NeuromapParser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Words one syntax error: what was found, in which construct ("in population `exc`"), what could
 * have come instead, with friendly names ({@code <expression>}, {@code <identifier>}), and a fix
 * for the mistakes people make most: a forgotten {@code ;} (pointed at right after the previous
 * token, where it belongs, not at the next line), a block left open at the end of the file (naming
 * the block and where it opened), {@code ~} with a plain value, {@code =} in a modulator setting,
 * a misspelt keyword.
 */
final class SyntaxMessage {
    /** Longer expected-lists are cut here; the first entries are the ones a user needs. */
    private static final int MAX_EXPECTED = 12;
    /** Long offending tokens (strings) are quoted up to this many characters. */
    private static final int MAX_QUOTED = 32;

    /** Keywords that start an item of a network body, misplaced at the top level. */
    private static final Set<Integer> NET_ITEM_KEYWORDS = Set.of(NeuromapLexer.POPULATION, NeuromapLexer.PROJECT,
            NeuromapLexer.MODULATOR, NeuromapLexer.PATHWAY, NeuromapLexer.STIMULUS, NeuromapLexer.PROBE);

    private final TokenSpans spans;
    private final TokenStream tokens;
    private final Vocabulary vocabulary;

    SyntaxMessage(TokenSpans spans, TokenStream tokens, Vocabulary vocabulary) {
        this.spans = requireNonNull(spans, "spans is null");
        this.tokens = requireNonNull(tokens, "tokens is null");
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
    }

    Diagnostic describe(Token offending, IntervalSet expected, ParserRuleContext context) {
        List<String> names = expected == null ? List.of() : friendlyNames(expected);
        Optional<Token> previous = previous(offending);
        String where = construct(context).map(c -> " in " + c).orElse("");
        boolean atEnd = offending.getType() == Token.EOF;

        Optional<Token> open = atEnd ? innermostOpen(offending) : Optional.empty();
        if (open.isPresent() && expected != null && expected.contains(closerOf(open.get().getType()))) {
            return unclosed(open.get(), previous, context);
        }
        if (expected != null && expected.contains(NeuromapLexer.SEMI) && previous.isPresent()
                && (atEnd || offending.getType() == NeuromapLexer.RBRACE || startsLaterLine(offending, previous.get()))) {
            return missingSemicolon(previous.get(), names, where);
        }
        String found = atEnd ? "end of file" : "`" + quoted(offending.getText()) + "`";
        SourceSpan span = spans.of(offending);
        if (previous.isPresent() && previous.get().getType() == NeuromapLexer.TILDE && !atEnd
                && offending.getType() != NeuromapLexer.ID) {
            return new Diagnostic(DiagnosticCode.SYNTAX, span, "expected a distribution after `~`" + where + ", found " + found,
                    "write `=` for a fixed value, or `~` with a distribution such as `normal(mean = 20 ms, sd = 2 ms)`");
        }
        StringBuilder message = new StringBuilder("unexpected ").append(found).append(where);
        if (!names.isEmpty()) {
            message.append("; expected ").append(names.size() == 1 ? names.get(0) : "one of " + String.join(", ", names));
        }
        return new Diagnostic(DiagnosticCode.SYNTAX, span, message.toString(),
                Optional.ofNullable(help(offending, previous, expected, names, context)));
    }

    /** {@code missing `;` after `ms`}, located right after that token. */
    private Diagnostic missingSemicolon(Token previous, List<String> names, String where) {
        StringBuilder message = new StringBuilder("missing `;` after `").append(quoted(previous.getText())).append('`')
                .append(where);
        if (names.size() > 1) {
            message.append("; expected one of ").append(String.join(", ", names));
        }
        return new Diagnostic(DiagnosticCode.SYNTAX, spans.after(previous), message.toString(),
                "add `;` after `" + quoted(previous.getText()) + "`");
    }

    /** The end of the file came inside a block: name the block and where it opened. */
    private Diagnostic unclosed(Token open, Optional<Token> last, ParserRuleContext context) {
        String closer = tokenName(closerOf(open.getType()));
        String opener = "`" + open.getText() + "`";
        SourceSpan openSpan = spans.of(open);
        Optional<String> owner = owner(open, context);
        String what = owner.map(o -> "the " + opener + " of " + o).orElse("the " + opener);
        return new Diagnostic(DiagnosticCode.SYNTAX, last.map(spans::after).orElse(spans.endOfFile()),
                "missing " + closer + " at end of file: " + what + " at " + openSpan.location() + " is not closed",
                "add " + closer + " to close " + owner.orElse("the " + opener + " at line " + openSpan.line()));
    }

    private String help(Token offending, Optional<Token> previous, IntervalSet expected, List<String> names,
            ParserRuleContext context) {
        if (expected == null) {
            return null;
        }
        int type = offending.getType();
        int rule = innermostDeclaration(context);
        int here = context == null ? -1 : context.getRuleIndex();
        if (rule == NeuromapParser.RULE_modulatorDecl && type == NeuromapLexer.ASSIGN && previous.isPresent()) {
            return "modulator settings take no `=`: write `" + previous.get().getText() + " <value>;`, e.g. `decay 200 ms;`";
        }
        if ((rule == NeuromapParser.RULE_simulateDecl || rule == NeuromapParser.RULE_targetDecl)
                && names.equals(List.of("`=`")) && previous.isPresent()) {
            return "settings here are written with `=`: `" + previous.get().getText() + " = <value>;`";
        }
        if (here == NeuromapParser.RULE_populationDecl && names.equals(List.of("`[`"))) {
            return "give the number of neurons: `population " + previous.map(Token::getText).orElse("p") + "[100] : lif;`";
        }
        if (here == NeuromapParser.RULE_projectionDecl && expected.contains(NeuromapLexer.WITH)) {
            return "name a connector: `... with all_to_all;`, `with fixed_prob(0.1)`, ...";
        }
        if (here == NeuromapParser.RULE_pathwayDecl && expected.contains(NeuromapLexer.VIA)) {
            return "name the receptor the pathway acts through: `via D1R { ... }`";
        }
        if (previous.isPresent() && previous.get().getType() == NeuromapLexer.RECEPTOR && expected.contains(NeuromapLexer.ASSIGN)) {
            return "write `receptor = " + offending.getText() + ";`";
        }
        if (previous.isPresent() && previous.get().getType() == NeuromapLexer.CLIP) {
            return "give the bounds: `clip [5 ms, 80 ms] redraw`";
        }
        if (here == NeuromapParser.RULE_slice) {
            return "a slice is written `[from:to]`, either bound may be left out: `p[0:10]`, `p[10:]`";
        }
        if (here == NeuromapParser.RULE_program && NET_ITEM_KEYWORDS.contains(type)) {
            return "`" + offending.getText() + "` declarations belong inside a network: `network Name { ... }`";
        }
        if (isKeyword(type) && expected.contains(NeuromapLexer.ID)) {
            return "`" + offending.getText() + "` is a keyword and cannot be used as a name";
        }
        if (type == NeuromapLexer.COLON && expected.contains(NeuromapLexer.ASSIGN) && expected.contains(NeuromapLexer.TILDE)) {
            return "write `=` for a fixed value or `~` for a distribution";
        }
        if (type == NeuromapLexer.ID) {
            List<String> keywords = new ArrayList<>();
            for (int t : expected.toList()) {
                if (isKeyword(t)) {
                    keywords.add(literal(t));
                }
            }
            Optional<String> near = Suggestions.closest(offending.getText(), keywords);
            if (near.isPresent()) {
                return "did you mean `" + near.get() + "`?";
            }
        }
        return null;
    }

    /** Token names a user reads; the many tokens that can start an expression collapse to {@code <expression>}. */
    List<String> friendlyNames(IntervalSet expected) {
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
            if (type == Token.EPSILON) {
                continue;
            }
            names.add(tokenName(type));
        }
        if (names.remove("end of file")) {
            names.add("end of file");
        }
        List<String> out = new ArrayList<>(names);
        return out.size() > MAX_EXPECTED ? out.subList(0, MAX_EXPECTED) : out;
    }

    private String tokenName(int type) {
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

    private String literal(int type) {
        String literal = vocabulary.getLiteralName(type);
        return literal == null ? vocabulary.getDisplayName(type) : literal.substring(1, literal.length() - 1);
    }

    private static boolean isKeyword(int type) {
        return type >= NeuromapLexer.IMPORT && type <= NeuromapLexer.CLAMP;
    }

    private static int closerOf(int opener) {
        switch (opener) {
            case NeuromapLexer.LPAREN:
                return NeuromapLexer.RPAREN;
            case NeuromapLexer.LBRACK:
                return NeuromapLexer.RBRACK;
            default:
                return NeuromapLexer.RBRACE;
        }
    }

    private Optional<Token> previous(Token offending) {
        for (int i = offending.getTokenIndex() - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The innermost bracket still open before {@code offending}. */
    private Optional<Token> innermostOpen(Token offending) {
        Deque<Token> open = new ArrayDeque<>();
        for (int i = 0; i < offending.getTokenIndex(); i++) {
            Token t = tokens.get(i);
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            int type = t.getType();
            if (type == NeuromapLexer.LPAREN || type == NeuromapLexer.LBRACK || type == NeuromapLexer.LBRACE) {
                open.push(t);
            } else if ((type == NeuromapLexer.RPAREN || type == NeuromapLexer.RBRACK || type == NeuromapLexer.RBRACE)
                    && !open.isEmpty()) {
                open.pop();
            }
        }
        return Optional.ofNullable(open.peek());
    }

    private boolean startsLaterLine(Token offending, Token previous) {
        return spans.of(offending).line() > spans.of(previous).endLine();
    }

    /** The declaration whose own child the bracket is ("population `p`"), searching outwards from the error. */
    private static Optional<String> owner(Token bracket, ParserRuleContext context) {
        for (ParserRuleContext c = context; c != null; c = c.getParent()) {
            if (c.children == null) {
                continue;
            }
            for (ParseTree child : c.children) {
                if (child instanceof TerminalNode t && t.getSymbol().getTokenIndex() == bracket.getTokenIndex()) {
                    if (c.getRuleIndex() == NeuromapParser.RULE_populationType) {
                        return describe(c.getParent()).map(p -> "the mix of " + p);
                    }
                    return describe(c);
                }
            }
        }
        return Optional.empty();
    }

    private static int innermostDeclaration(ParserRuleContext context) {
        for (ParserRuleContext c = context; c != null; c = c.getParent()) {
            if (describe(c).isPresent()) {
                return c.getRuleIndex();
            }
        }
        return -1;
    }

    /** The innermost construct with a name users know. */
    private static Optional<String> construct(ParserRuleContext context) {
        for (ParserRuleContext c = context; c != null; c = c.getParent()) {
            Optional<String> d = describe(c);
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    /** "population `p`" once its name is parsed, "a population declaration" before. */
    private static Optional<String> describe(ParserRuleContext c) {
        Token name = c.getToken(NeuromapParser.ID, 0) == null ? null : c.getToken(NeuromapParser.ID, 0).getSymbol();
        switch (c.getRuleIndex()) {
            case NeuromapParser.RULE_populationDecl:
                return Optional.of(named("population", name, "a population declaration"));
            case NeuromapParser.RULE_projectionDecl:
                if (name == null && c.getRuleContexts(NeuromapParser.EndpointContext.class).size() == 2) {
                    List<NeuromapParser.EndpointContext> ends = c.getRuleContexts(NeuromapParser.EndpointContext.class);
                    return Optional.of("projection `" + ends.get(0).getText() + " -> " + ends.get(1).getText() + "`");
                }
                return Optional.of(named("projection", name, "a projection"));
            case NeuromapParser.RULE_modulatorDecl:
                return Optional.of(named("modulator", name, "a modulator"));
            case NeuromapParser.RULE_pathwayDecl:
                return Optional.of(named("pathway", name, "a pathway"));
            case NeuromapParser.RULE_stimulusDecl:
                return Optional.of(named("stimulus", name, "a stimulus"));
            case NeuromapParser.RULE_probeDecl:
                return Optional.of(named("probe", name, "a probe"));
            case NeuromapParser.RULE_celltypeDecl:
                return Optional.of(named("cell type", name, "a cell type"));
            case NeuromapParser.RULE_simulateDecl:
                return Optional.of(name == null ? "a simulate block" : "the simulate block of `" + name.getText() + "`");
            case NeuromapParser.RULE_targetDecl:
                return Optional.of(named("target", name, "a target block"));
            case NeuromapParser.RULE_importDecl:
                return Optional.of("an import");
            case NeuromapParser.RULE_constDecl:
                return Optional.of(named("constant", name, "a constant"));
            case NeuromapParser.RULE_networkDecl:
                return Optional.of(named("network", name, "a network"));
            default:
                return Optional.empty();
        }
    }

    private static String named(String kind, Token name, String anonymous) {
        return name == null ? anonymous : kind + " `" + name.getText() + "`";
    }

    private static String quoted(String text) {
        String oneLine = text.replace("\n", " ").replace("\r", "");
        return oneLine.length() <= MAX_QUOTED ? oneLine : oneLine.substring(0, MAX_QUOTED - 3) + "...";
    }
}
