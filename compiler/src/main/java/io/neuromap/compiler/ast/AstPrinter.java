package io.neuromap.compiler.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Prints an AST as canonical {@code .nmap} text: two-space indentation, one declaration or body
 * item per line, a blank line between top-level blocks, numbers as the user wrote them
 * ({@link Expr.Number#text()}), and the user's parentheses ({@link Expr.Paren}).
 *
 * <p>The law it keeps, tested over every sample and a random corpus: for any text {@code s} that
 * parses, {@code parse(print(parse(s)))} equals {@code parse(s)} apart from spans, and printing is
 * idempotent. For a tree built by hand that lacks the parentheses its shape needs (a sum under a
 * product), the printer adds them, so the text still means that tree; comments are not kept.
 * Used for {@code --print-ir-after}, formatting, and reproducers.
 */
public final class AstPrinter {
    private static final String INDENT = "  ";

    /** Binding strength, loosest first; atoms bind tightest. */
    private static final int ADDITIVE = 1;
    private static final int MULTIPLICATIVE = 2;
    private static final int UNARY = 3;
    private static final int POWER = 4;
    private static final int ATOM = 5;

    private final StringBuilder out = new StringBuilder();
    private int depth;

    private AstPrinter() {
    }

    /** The whole file, ending in a newline (empty for an empty program). */
    public static String print(Program program) {
        requireNonNull(program, "program is null");
        AstPrinter p = new AstPrinter();
        TopItem previous = null;
        for (TopItem item : program.items()) {
            if (previous != null && (isBlock(previous) || isBlock(item) || previous.getClass() != item.getClass())) {
                p.out.append('\n');
            }
            p.topItem(item);
            previous = item;
        }
        return p.out.toString();
    }

    /**
     * Any node on its own: a declaration as its lines (ending in a newline), anything smaller
     * (an expression, a binding, an endpoint) on one line without a newline. A {@link Setting}
     * alone is printed as in a simulate block ({@code dt = 1 ms;}) unless it has {@code external}
     * or {@code per}, which only modulator settings have.
     */
    public static String print(Node node) {
        requireNonNull(node, "node is null");
        if (node instanceof Program program) {
            return print(program);
        }
        AstPrinter p = new AstPrinter();
        p.node(node);
        return p.out.toString();
    }

    /** An expression in the form it would be written. */
    public static String print(Expr expr) {
        requireNonNull(expr, "expr is null");
        AstPrinter p = new AstPrinter();
        p.expr(expr);
        return p.out.toString();
    }

    private static boolean isBlock(TopItem item) {
        return !(item instanceof ImportDecl) && !(item instanceof ConstDecl)
                && !(item instanceof TargetDecl t && t.settings().isEmpty());
    }

    private void node(Node node) {
        if (node instanceof TopItem t) {
            topItem(t);
        } else if (node instanceof NetItem n) {
            netItem(n);
        } else if (node instanceof Expr e) {
            expr(e);
        } else if (node instanceof Binding b) {
            binding(b);
        } else if (node instanceof ReceptorDecl r) {
            receptor(r);
        } else if (node instanceof Binding.Value.Fixed f) {
            expr(f.expr());
        } else if (node instanceof Binding.Value.Sampled s) {
            distribution(s.distribution());
        } else if (node instanceof Distribution d) {
            distribution(d);
        } else if (node instanceof Distribution.Clip c) {
            clip(c);
        } else if (node instanceof Invocation i) {
            invocation(i);
        } else if (node instanceof Argument a) {
            argument(a);
        } else if (node instanceof Endpoint e) {
            endpoint(e);
        } else if (node instanceof Endpoint.Slice s) {
            slice(s);
        } else if (node instanceof Identifier i) {
            out.append(i.name());
        } else if (node instanceof QualifiedName q) {
            out.append(q.text());
        } else if (node instanceof PopulationType t) {
            populationType(t);
        } else if (node instanceof PopulationType.Mix.Entry e) {
            mixEntry(e);
        } else if (node instanceof PathwayTarget t) {
            pathwayTarget(t);
        } else if (node instanceof Effect e) {
            effect(e);
        } else if (node instanceof Setting s) {
            setting(s, s.value().isPresent() && !s.per().isPresent() ? " = " : " ");
        } else {
            throw new IllegalArgumentException("no printed form for " + node.getClass().getName());
        }
    }

    // ------------------------------------------------------------------ declarations

    private void topItem(TopItem item) {
        if (item instanceof ImportDecl i) {
            line("import " + quote(i.path()) + ";");
        } else if (item instanceof ConstDecl c) {
            constDecl(c);
        } else if (item instanceof CelltypeDecl c) {
            celltype(c);
        } else if (item instanceof NetworkDecl n) {
            network(n);
        } else if (item instanceof SimulateDecl s) {
            settingsBlock("simulate " + s.network().name(), s.settings(), false);
        } else {
            TargetDecl t = (TargetDecl) item;
            settingsBlock("target " + t.name().name(), t.settings(), true);
        }
    }

    private void netItem(NetItem item) {
        if (item instanceof PopulationDecl p) {
            population(p);
        } else if (item instanceof ProjectionDecl p) {
            projection(p);
        } else if (item instanceof ModulatorDecl m) {
            modulator(m);
        } else if (item instanceof PathwayDecl p) {
            pathway(p);
        } else if (item instanceof StimulusDecl s) {
            stimulus(s);
        } else if (item instanceof ProbeDecl p) {
            probe(p);
        } else if (item instanceof ConstDecl c) {
            constDecl(c);
        } else {
            celltype((CelltypeDecl) item);
        }
    }

    private void constDecl(ConstDecl c) {
        indent();
        out.append("const ").append(c.name().name()).append(" = ");
        expr(c.value());
        out.append(";\n");
    }

    private void celltype(CelltypeDecl c) {
        indent();
        out.append("celltype ").append(c.name().name()).append(" : ").append(c.model().name());
        body(c.body(), false);
    }

    private void network(NetworkDecl n) {
        indent();
        out.append("network ").append(n.name().name());
        if (n.items().isEmpty()) {
            out.append(" {}\n");
            return;
        }
        out.append(" {\n");
        depth++;
        for (NetItem item : n.items()) {
            netItem(item);
        }
        depth--;
        line("}");
    }

    private void population(PopulationDecl p) {
        indent();
        out.append("population ").append(p.name().name()).append('[');
        expr(p.size());
        out.append("] : ");
        populationType(p.type());
        body(p.body(), true);
    }

    private void populationType(PopulationType type) {
        if (type instanceof PopulationType.Named n) {
            out.append(n.name().name());
            return;
        }
        out.append("mix { ");
        List<PopulationType.Mix.Entry> entries = ((PopulationType.Mix) type).entries();
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            mixEntry(entries.get(i));
        }
        out.append(" }");
    }

    private void mixEntry(PopulationType.Mix.Entry e) {
        out.append(e.celltype().name()).append(": ");
        expr(e.fraction());
    }

    /** {@code ;} for an empty body where the grammar allows it, else {@code { ... }} with one item per line. */
    private void body(List<BodyItem> items, boolean semicolonIfEmpty) {
        if (items.isEmpty()) {
            out.append(semicolonIfEmpty ? ";\n" : " {}\n");
            return;
        }
        out.append(" {\n");
        depth++;
        for (BodyItem item : items) {
            indent();
            if (item instanceof Binding b) {
                binding(b);
            } else {
                receptor((ReceptorDecl) item);
            }
            out.append('\n');
        }
        depth--;
        line("}");
    }

    private void binding(Binding b) {
        if (b.isLet()) {
            out.append("let ");
        }
        out.append(b.name().text());
        if (b.value() instanceof Binding.Value.Fixed f) {
            out.append(" = ");
            expr(f.expr());
        } else {
            out.append(" ~ ");
            distribution(((Binding.Value.Sampled) b.value()).distribution());
        }
        out.append(';');
    }

    private void receptor(ReceptorDecl r) {
        out.append("receptor ").append(r.name().name()).append(" binds ").append(r.modulator().name());
        r.compartment().ifPresent(c -> out.append(" on ").append(c.name()));
        out.append(';');
    }

    private void distribution(Distribution d) {
        out.append(d.family().name());
        arguments(d.arguments());
        d.clip().ifPresent(c -> {
            out.append(' ');
            clip(c);
        });
    }

    private void clip(Distribution.Clip c) {
        out.append("clip [");
        expr(c.low());
        out.append(", ");
        expr(c.high());
        out.append(']');
        c.mode().ifPresent(m -> out.append(m == Distribution.ClipMode.CLAMP ? " clamp" : " redraw"));
    }

    private void projection(ProjectionDecl p) {
        indent();
        out.append("project ");
        p.name().ifPresent(n -> out.append(n.name()).append(" : "));
        endpoint(p.pre());
        out.append(" -> ");
        endpoint(p.post());
        out.append(" with ");
        invocation(p.connector());
        p.plasticity().ifPresent(rule -> {
            out.append(" plasticity ");
            invocation(rule);
        });
        if (p.bindings().isEmpty() && p.receptor().isEmpty()) {
            out.append(";\n");
            return;
        }
        out.append(" {\n");
        depth++;
        for (Binding b : p.bindings()) {
            indent();
            binding(b);
            out.append('\n');
        }
        p.receptor().ifPresent(r -> line("receptor = " + r.name() + ";"));
        depth--;
        line("}");
    }

    private void endpoint(Endpoint e) {
        out.append(e.population().name());
        e.part().ifPresent(part -> out.append('.').append(part.name()));
        e.slice().ifPresent(this::slice);
    }

    private void slice(Endpoint.Slice s) {
        out.append('[');
        s.from().ifPresent(this::expr);
        out.append(':');
        s.to().ifPresent(this::expr);
        out.append(']');
    }

    private void modulator(ModulatorDecl m) {
        indent();
        out.append("modulator ").append(m.name().name());
        settings(m.settings(), " ", false);
    }

    private void settingsBlock(String head, List<Setting> settings, boolean semicolonIfEmpty) {
        indent();
        out.append(head);
        settings(settings, " = ", semicolonIfEmpty);
    }

    private void settings(List<Setting> settings, String separator, boolean semicolonIfEmpty) {
        if (settings.isEmpty()) {
            out.append(semicolonIfEmpty ? ";\n" : " {}\n");
            return;
        }
        out.append(" {\n");
        depth++;
        for (Setting s : settings) {
            indent();
            setting(s, separator);
            out.append('\n');
        }
        depth--;
        line("}");
    }

    private void setting(Setting s, String separator) {
        out.append(s.key().name());
        if (s.external().isPresent()) {
            out.append(" external ").append(quote(s.external().get()));
        } else {
            out.append(separator);
            expr(s.value().orElseThrow());
        }
        s.per().ifPresent(p -> out.append(" per ").append(p.name()));
        out.append(';');
    }

    private void pathway(PathwayDecl p) {
        indent();
        out.append("pathway ").append(p.name().name()).append(" : ").append(p.modulator().name()).append(" -> ");
        pathwayTarget(p.target());
        out.append(" via ").append(p.receptor().name());
        if (p.effects().isEmpty()) {
            out.append(" {}\n");
            return;
        }
        out.append(" {\n");
        depth++;
        for (Effect e : p.effects()) {
            indent();
            effect(e);
            out.append('\n');
        }
        depth--;
        line("}");
    }

    private void pathwayTarget(PathwayTarget target) {
        if (target instanceof PathwayTarget.Celltype c) {
            out.append("celltype ").append(c.celltype().name());
        } else if (target instanceof PathwayTarget.Projection p) {
            out.append("proj ").append(p.projection().name());
        } else {
            endpoint(((PathwayTarget.Population) target).endpoint());
        }
    }

    private void effect(Effect e) {
        out.append("effect ").append(e.kind().name());
        e.subject().ifPresent(s -> out.append('(').append(s.text()).append(')'));
        out.append(' ').append(e.op().symbol()).append(' ');
        expr(e.value());
        e.response().ifPresent(r -> {
            out.append(" response ");
            invocation(r);
        });
        out.append(';');
    }

    private void stimulus(StimulusDecl s) {
        indent();
        out.append("stimulus ").append(s.name().name()).append(" : ");
        invocation(s.source());
        out.append(" -> ");
        endpoint(s.target());
        body(s.body(), true);
    }

    private void probe(ProbeDecl p) {
        indent();
        out.append("probe ");
        p.name().ifPresent(n -> out.append(n.name()).append(" : "));
        invocation(p.what());
        out.append(" of ");
        endpoint(p.target());
        p.every().ifPresent(e -> {
            out.append(" every ");
            expr(e);
        });
        out.append(";\n");
    }

    private void invocation(Invocation i) {
        out.append(i.name().name());
        if (i.hasParens() || !i.arguments().isEmpty()) {
            arguments(i.arguments());
        }
    }

    private void arguments(List<Argument> arguments) {
        out.append('(');
        for (int i = 0; i < arguments.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            argument(arguments.get(i));
        }
        out.append(')');
    }

    private void argument(Argument a) {
        a.name().ifPresent(n -> out.append(n.name()).append(" = "));
        expr(a.value());
    }

    // ------------------------------------------------------------------ expressions

    private void expr(Expr e) {
        if (e instanceof Expr.Number n) {
            out.append(n.text());
            n.unit().ifPresent(u -> out.append(' ').append(u.name()));
        } else if (e instanceof Expr.Str s) {
            out.append(quote(s.value()));
        } else if (e instanceof Expr.Name n) {
            out.append(n.name().text());
        } else if (e instanceof Expr.Concentration c) {
            out.append('[').append(c.modulator().name()).append(']');
        } else if (e instanceof Expr.ListOf l) {
            list(l);
        } else if (e instanceof Expr.Call c) {
            out.append(c.call().name().name());
            arguments(c.call().arguments());
        } else if (e instanceof Expr.Paren p) {
            out.append('(');
            expr(p.inner());
            out.append(')');
        } else if (e instanceof Expr.Unary u) {
            out.append(u.op().symbol());
            operand(u.operand(), strength(u.operand()) < UNARY);
        } else {
            binary((Expr.Binary) e);
        }
    }

    /** {@code [x,]}: a one-element list of a bare name, which {@code [x]} would make a concentration. */
    private void list(Expr.ListOf l) {
        out.append('[');
        for (int i = 0; i < l.elements().size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            expr(l.elements().get(i));
        }
        if (l.elements().size() == 1 && l.elements().get(0) instanceof Expr.Name n && n.name().parts().size() == 1) {
            out.append(',');
        }
        out.append(']');
    }

    /**
     * Parenthesises an operand only where the grammar would otherwise group differently: a
     * looser operand, the same strength on the side against associativity ({@code ^} groups to
     * the right, the others to the left), and a signed left operand of {@code ^}. A signed right
     * operand needs none: {@code 2 ^ -1} and {@code a * -b} parse as written.
     */
    private void binary(Expr.Binary b) {
        int strength = strength(b);
        boolean power = b.op() == Expr.BinaryOp.POWER;
        int left = strength(b.left());
        int right = strength(b.right());
        operand(b.left(), left < strength || (power && left == strength));
        out.append(' ').append(b.op().symbol()).append(' ');
        boolean signed = b.right() instanceof Expr.Unary;
        operand(b.right(), !signed && (right < strength || (!power && right == strength)));
    }

    private void operand(Expr e, boolean parenthesise) {
        if (parenthesise) {
            out.append('(');
        }
        expr(e);
        if (parenthesise) {
            out.append(')');
        }
    }

    private static int strength(Expr e) {
        if (e instanceof Expr.Binary b) {
            switch (b.op()) {
                case POWER:
                    return POWER;
                case ADD:
                case SUBTRACT:
                    return ADDITIVE;
                default:
                    return MULTIPLICATIVE;
            }
        }
        return e instanceof Expr.Unary ? UNARY : ATOM;
    }

    // ------------------------------------------------------------------ text

    private void line(String text) {
        indent();
        out.append(text).append('\n');
    }

    private void indent() {
        out.append(INDENT.repeat(depth));
    }

    /** A string literal that lexes back to {@code value}. */
    static String quote(String value) {
        StringBuilder q = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"':
                    q.append("\\\"");
                    break;
                case '\\':
                    q.append("\\\\");
                    break;
                case '\n':
                    q.append("\\n");
                    break;
                case '\t':
                    q.append("\\t");
                    break;
                default:
                    q.append(c);
            }
        }
        return q.append('"').toString();
    }
}
