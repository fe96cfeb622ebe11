package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.Argument;
import io.neuromap.compiler.ast.Binding;
import io.neuromap.compiler.ast.BodyItem;
import io.neuromap.compiler.ast.CelltypeDecl;
import io.neuromap.compiler.ast.ConstDecl;
import io.neuromap.compiler.ast.Distribution;
import io.neuromap.compiler.ast.Effect;
import io.neuromap.compiler.ast.Endpoint;
import io.neuromap.compiler.ast.Expr;
import io.neuromap.compiler.ast.Identifier;
import io.neuromap.compiler.ast.ImportDecl;
import io.neuromap.compiler.ast.Invocation;
import io.neuromap.compiler.ast.ModulatorDecl;
import io.neuromap.compiler.ast.NetItem;
import io.neuromap.compiler.ast.NetworkDecl;
import io.neuromap.compiler.ast.PathwayDecl;
import io.neuromap.compiler.ast.PathwayTarget;
import io.neuromap.compiler.ast.PopulationDecl;
import io.neuromap.compiler.ast.PopulationType;
import io.neuromap.compiler.ast.ProbeDecl;
import io.neuromap.compiler.ast.Program;
import io.neuromap.compiler.ast.ProjectionDecl;
import io.neuromap.compiler.ast.QualifiedName;
import io.neuromap.compiler.ast.ReceptorDecl;
import io.neuromap.compiler.ast.Setting;
import io.neuromap.compiler.ast.SimulateDecl;
import io.neuromap.compiler.ast.StimulusDecl;
import io.neuromap.compiler.ast.TargetDecl;
import io.neuromap.compiler.ast.TopItem;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.source.SourceSpan;
import io.neuromap.grammar.NeuromapParser;
import io.neuromap.grammar.NeuromapParser.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns a parse tree into the immutable AST. The only class that reads ANTLR contexts; every node
 * it makes gets the span of the text it came from. It refuses (with {@link TooDeep}) to build an
 * expression deeper than {@link Parser#MAX_EXPRESSION_DEPTH}, so that no later pass recursing over
 * expressions can overflow the stack.
 */
final class AstBuilder {
    private final TokenSpans spans;
    private final Diagnostics diagnostics;

    AstBuilder(TokenSpans spans, Diagnostics diagnostics) {
        this.spans = requireNonNull(spans, "spans is null");
        this.diagnostics = requireNonNull(diagnostics, "diagnostics is null");
    }

    /** Thrown when an expression is nested deeper than {@link Parser#MAX_EXPRESSION_DEPTH}; carries where. */
    static final class TooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SourceSpan span;

        TooDeep(SourceSpan span) {
            super("expression nested too deeply at " + span, null, false, false);
            this.span = span;
        }

        SourceSpan span() {
            return span;
        }
    }

    Program program(ProgramContext ctx) {
        List<TopItem> items = new ArrayList<>();
        for (TopItemContext item : ctx.topItem()) {
            items.add(topItem(item));
        }
        return new Program(spans.file().name(), items, spans.file().span(0, spans.file().text().length()));
    }

    private TopItem topItem(TopItemContext ctx) {
        if (ctx.importDecl() != null) {
            return new ImportDecl(unquote(ctx.importDecl().STRING().getSymbol()), span(ctx));
        }
        if (ctx.constDecl() != null) {
            return constDecl(ctx.constDecl());
        }
        if (ctx.celltypeDecl() != null) {
            return celltype(ctx.celltypeDecl());
        }
        if (ctx.networkDecl() != null) {
            return network(ctx.networkDecl());
        }
        if (ctx.simulateDecl() != null) {
            SimulateDeclContext s = ctx.simulateDecl();
            return new SimulateDecl(id(s.ID()), settings(s.simSetting()), span(s));
        }
        TargetDeclContext t = ctx.targetDecl();
        return new TargetDecl(id(t.ID()), settings(t.simSetting()), span(t));
    }

    private ConstDecl constDecl(ConstDeclContext ctx) {
        return new ConstDecl(id(ctx.ID()), expr(ctx.expr()), span(ctx));
    }

    private CelltypeDecl celltype(CelltypeDeclContext ctx) {
        return new CelltypeDecl(id(ctx.name), id(ctx.model), body(ctx.bodyItem()), span(ctx));
    }

    private NetworkDecl network(NetworkDeclContext ctx) {
        List<NetItem> items = new ArrayList<>();
        for (NetItemContext item : ctx.netItem()) {
            items.add(netItem(item));
        }
        return new NetworkDecl(id(ctx.ID()), items, span(ctx));
    }

    private NetItem netItem(NetItemContext ctx) {
        if (ctx.populationDecl() != null) {
            return population(ctx.populationDecl());
        }
        if (ctx.projectionDecl() != null) {
            return projection(ctx.projectionDecl());
        }
        if (ctx.modulatorDecl() != null) {
            ModulatorDeclContext m = ctx.modulatorDecl();
            return new ModulatorDecl(id(m.ID()), modulatorSettings(m.setting()), span(m));
        }
        if (ctx.pathwayDecl() != null) {
            return pathway(ctx.pathwayDecl());
        }
        if (ctx.stimulusDecl() != null) {
            StimulusDeclContext s = ctx.stimulusDecl();
            return new StimulusDecl(id(s.name), call(s.source), endpoint(s.endpoint()), body(s.bodyItem()), span(s));
        }
        if (ctx.probeDecl() != null) {
            return probe(ctx.probeDecl());
        }
        if (ctx.constDecl() != null) {
            return constDecl(ctx.constDecl());
        }
        return celltype(ctx.celltypeDecl());
    }

    private PopulationDecl population(PopulationDeclContext ctx) {
        PopulationType type;
        if (ctx.populationType() instanceof ModelTypeContext m) {
            type = new PopulationType.Named(id(m.ID()), span(m));
        } else {
            MixTypeContext mix = (MixTypeContext) ctx.populationType();
            List<PopulationType.Mix.Entry> entries = new ArrayList<>();
            for (MixEntryContext e : mix.mixEntry()) {
                entries.add(new PopulationType.Mix.Entry(id(e.ID()), expr(e.expr()), span(e)));
            }
            type = new PopulationType.Mix(entries, span(mix));
        }
        return new PopulationDecl(id(ctx.name), expr(ctx.size), type, body(ctx.bodyItem()), span(ctx));
    }

    private ProjectionDecl projection(ProjectionDeclContext ctx) {
        List<Binding> bindings = new ArrayList<>();
        Optional<Identifier> receptor = Optional.empty();
        for (ProjectionItemContext item : ctx.projectionItem()) {
            if (item instanceof ProjectionBindingContext b) {
                bindings.add(binding(b.binding()));
            } else {
                SynapseReceptorContext r = (SynapseReceptorContext) item;
                if (receptor.isPresent()) {
                    diagnostics.report(DiagnosticCode.DUPLICATE_NAME, span(r), "the receptor of this projection is already set to `"
                            + receptor.get().name() + "` at " + receptor.get().span().location(), "remove one of the two");
                } else {
                    receptor = Optional.of(id(r.kind));
                }
            }
        }
        return new ProjectionDecl(optionalId(ctx.name), endpoint(ctx.pre), endpoint(ctx.post), call(ctx.connector),
                ctx.plasticity == null ? Optional.empty() : Optional.of(call(ctx.plasticity)), bindings, receptor,
                span(ctx));
    }

    private PathwayDecl pathway(PathwayDeclContext ctx) {
        PathwayTarget target;
        PathwayTargetContext t = ctx.pathwayTarget();
        if (t instanceof CelltypeTargetContext c) {
            target = new PathwayTarget.Celltype(id(c.ID()), span(c));
        } else if (t instanceof ProjectionTargetContext p) {
            target = new PathwayTarget.Projection(id(p.ID()), span(p));
        } else {
            EndpointTargetContext e = (EndpointTargetContext) t;
            target = new PathwayTarget.Population(endpoint(e.endpoint()), span(e));
        }
        List<Effect> effects = new ArrayList<>();
        for (EffectContext e : ctx.effect()) {
            effects.add(new Effect(id(e.kind), e.subject == null ? Optional.empty() : Optional.of(qname(e.subject)),
                    assignOp(e.op), expr(e.expr()),
                    e.response == null ? Optional.empty() : Optional.of(call(e.response)), span(e)));
        }
        return new PathwayDecl(id(ctx.name), id(ctx.modulator), target, id(ctx.receptor), effects, span(ctx));
    }

    private static Effect.AssignOp assignOp(Token op) {
        switch (op.getType()) {
            case NeuromapParser.PLUS_ASSIGN:
                return Effect.AssignOp.ADD;
            case NeuromapParser.MINUS_ASSIGN:
                return Effect.AssignOp.SUBTRACT;
            case NeuromapParser.TIMES_ASSIGN:
                return Effect.AssignOp.MULTIPLY;
            default:
                return Effect.AssignOp.SET;
        }
    }

    private ProbeDecl probe(ProbeDeclContext ctx) {
        Invocation what;
        if (ctx.probeKind() instanceof ModulatorProbeContext m) {
            Identifier kind = new Identifier(m.MODULATOR().getText(), span(m.MODULATOR().getSymbol()));
            Identifier modulator = id(m.ID());
            Expr arg = new Expr.Name(new QualifiedName(List.of(modulator), modulator.span()), modulator.span());
            what = new Invocation(kind, List.of(new Argument(Optional.empty(), arg, modulator.span())), true, span(m));
        } else {
            what = call(((CallProbeContext) ctx.probeKind()).call());
        }
        return new ProbeDecl(optionalId(ctx.name), what, endpoint(ctx.endpoint()),
                ctx.every == null ? Optional.empty() : Optional.of(expr(ctx.every)), span(ctx));
    }

    private List<Setting> settings(List<SimSettingContext> ctxs) {
        List<Setting> out = new ArrayList<>();
        for (SimSettingContext s : ctxs) {
            out.add(new Setting(id(s.ID()), Optional.of(expr(s.expr())), Optional.empty(), Optional.empty(), span(s)));
        }
        return out;
    }

    private List<Setting> modulatorSettings(List<SettingContext> ctxs) {
        List<Setting> out = new ArrayList<>();
        for (SettingContext s : ctxs) {
            Optional<Identifier> per = s.per == null ? Optional.empty() : Optional.of(id(s.per));
            if (s.settingValue() instanceof ExternalValueContext e) {
                out.add(new Setting(id(s.key), Optional.empty(), Optional.of(unquote(e.STRING().getSymbol())), per, span(s)));
            } else {
                out.add(new Setting(id(s.key), Optional.of(expr(((ExprValueContext) s.settingValue()).expr())),
                        Optional.empty(), per, span(s)));
            }
        }
        return out;
    }

    private List<BodyItem> body(List<BodyItemContext> ctxs) {
        List<BodyItem> out = new ArrayList<>();
        for (BodyItemContext item : ctxs) {
            if (item.binding() != null) {
                out.add(binding(item.binding()));
            } else {
                ReceptorDeclContext r = item.receptorDecl();
                out.add(new ReceptorDecl(id(r.name), id(r.modulator),
                        r.compartment == null ? Optional.empty() : Optional.of(id(r.compartment)), span(r)));
            }
        }
        return out;
    }

    private Binding binding(BindingContext ctx) {
        if (ctx instanceof FixedBindingContext f) {
            return new Binding(qname(f.qname()), f.LET() != null, new Binding.Value.Fixed(expr(f.expr())), span(f));
        }
        SampledBindingContext s = (SampledBindingContext) ctx;
        return new Binding(qname(s.qname()), s.LET() != null, new Binding.Value.Sampled(distribution(s.distribution())),
                span(s));
    }

    private Distribution distribution(DistributionContext ctx) {
        Optional<Distribution.Clip> clip = Optional.empty();
        if (ctx.clip() != null) {
            ClipContext c = ctx.clip();
            Optional<Distribution.ClipMode> mode = Optional.empty();
            if (c.clipMode != null) {
                mode = Optional.of(c.clipMode.getType() == NeuromapParser.CLAMP
                        ? Distribution.ClipMode.CLAMP : Distribution.ClipMode.REDRAW);
            }
            clip = Optional.of(new Distribution.Clip(expr(c.lo), expr(c.hi), mode, span(c)));
        }
        return new Distribution(id(ctx.family), args(ctx.args()), clip, span(ctx));
    }

    private Endpoint endpoint(EndpointContext ctx) {
        Optional<Endpoint.Slice> slice = Optional.empty();
        if (ctx.slice() != null) {
            SliceContext s = ctx.slice();
            slice = Optional.of(new Endpoint.Slice(
                    s.from == null ? Optional.empty() : Optional.of(expr(s.from)),
                    s.to == null ? Optional.empty() : Optional.of(expr(s.to)), span(s)));
        }
        return new Endpoint(id(ctx.population), optionalId(ctx.part), slice, span(ctx));
    }

    private Invocation call(CallContext ctx) {
        return new Invocation(id(ctx.name), args(ctx.args(), 0), ctx.LPAREN() != null, span(ctx));
    }

    private List<Argument> args(ArgsContext ctx) {
        return args(ctx, 0);
    }

    private List<Argument> args(ArgsContext ctx, int depth) {
        List<Argument> out = new ArrayList<>();
        if (ctx == null) {
            return out;
        }
        for (ArgContext a : ctx.arg()) {
            out.add(new Argument(a.ID() == null ? Optional.empty() : Optional.of(id(a.ID())), expr(a.expr(), depth),
                    span(a)));
        }
        return out;
    }

    private Expr expr(ExprContext ctx) {
        return expr(ctx, 0);
    }

    private Expr expr(ExprContext ctx, int depth) {
        if (depth >= Parser.MAX_EXPRESSION_DEPTH) {
            throw new TooDeep(spans.of(ctx.getStart()));
        }
        int d = depth + 1;
        SourceSpan span = span(ctx);
        if (ctx instanceof ParenExprContext p) {
            return new Expr.Paren(expr(p.expr(), d), span);
        }
        if (ctx instanceof PowerExprContext p) {
            return new Expr.Binary(Expr.BinaryOp.POWER, expr(p.expr(0), d), expr(p.expr(1), d), span);
        }
        if (ctx instanceof UnaryExprContext u) {
            Expr.UnaryOp op = u.op.getType() == NeuromapParser.MINUS ? Expr.UnaryOp.NEGATE : Expr.UnaryOp.PLUS;
            return new Expr.Unary(op, expr(u.expr(), d), span);
        }
        if (ctx instanceof MulExprContext m) {
            Expr.BinaryOp op = m.op.getType() == NeuromapParser.STAR ? Expr.BinaryOp.MULTIPLY
                    : m.op.getType() == NeuromapParser.SLASH ? Expr.BinaryOp.DIVIDE : Expr.BinaryOp.MODULO;
            return new Expr.Binary(op, expr(m.expr(0), d), expr(m.expr(1), d), span);
        }
        if (ctx instanceof AddExprContext a) {
            Expr.BinaryOp op = a.op.getType() == NeuromapParser.PLUS ? Expr.BinaryOp.ADD : Expr.BinaryOp.SUBTRACT;
            return new Expr.Binary(op, expr(a.expr(0), d), expr(a.expr(1), d), span);
        }
        if (ctx instanceof NumberExprContext n) {
            String text = n.NUMBER().getText();
            double value = Double.parseDouble(text.replace("_", ""));
            Optional<Identifier> unit = n.unit == null ? Optional.empty() : Optional.of(id(n.unit));
            return new Expr.Number(value, text, unit, span);
        }
        if (ctx instanceof StringExprContext s) {
            return new Expr.Str(unquote(s.STRING().getSymbol()), span);
        }
        if (ctx instanceof ConcentrationExprContext c) {
            return new Expr.Concentration(id(c.ID()), span);
        }
        if (ctx instanceof ListExprContext l) {
            List<Expr> elements = new ArrayList<>();
            for (ExprContext e : l.expr()) {
                elements.add(expr(e, d));
            }
            return new Expr.ListOf(elements, span);
        }
        if (ctx instanceof CallExprContext c) {
            Invocation invocation = new Invocation(id(c.ID()), args(c.args(), d), true, span);
            return new Expr.Call(invocation, span);
        }
        NameExprContext n = (NameExprContext) ctx;
        return new Expr.Name(qname(n.qname()), span);
    }

    private QualifiedName qname(QnameContext ctx) {
        List<Identifier> parts = new ArrayList<>();
        for (TerminalNode id : ctx.ID()) {
            parts.add(id(id));
        }
        return new QualifiedName(parts, span(ctx));
    }

    private Identifier id(TerminalNode node) {
        return id(node.getSymbol());
    }

    private Identifier id(Token token) {
        return new Identifier(token.getText(), span(token));
    }

    private Optional<Identifier> optionalId(Token token) {
        return token == null ? Optional.empty() : Optional.of(id(token));
    }

    /** The string's value; {@link LexicalCheck} has already rejected escapes other than \" \\ \n \t. */
    private static String unquote(Token token) {
        String text = token.getText();
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() - 1) {
                char next = text.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private SourceSpan span(ParserRuleContext ctx) {
        return spans.of(ctx.getStart(), ctx.getStop());
    }

    private SourceSpan span(Token token) {
        return spans.of(token);
    }
}
