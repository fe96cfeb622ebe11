package io.neuromap.compiler.ast;

import io.neuromap.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Random ASTs for the printer's round-trip law. Two kinds of expression: {@link #parseShaped}
 * ones carry an {@link Expr.Paren} wherever the grammar needs one (what the parser would build
 * from their printed form), and {@link #bareExpr} ones have no parentheses at all, so that the
 * printer has to add them. Deterministic for a seed.
 */
final class AstGenerator {
    private static final SourceSpan SPAN = SourceSpan.synthetic("generated.nmap");
    private static final String[] NAMES = {"a", "b", "x", "tau_m", "v_rest", "D1", "DA", "lif", "poisson", "msn", "soma",
        "dendrite", "\u00B5x", "_y", "w2", "exc", "inh", "gain", "spike", "global"};
    private static final String[] NUMBERS = {"0", "1", "2", "2.5", "1e3", "1_000", ".5", "3.", "1.5E-3", "0.001", "7e+2", "12"};
    private static final String[] UNITS = {"ms", "mV", "Hz", "nA", "s", "\u00B5s", "pA", "ohm"};
    private static final String[] STRING_PIECES = {"a", "b c", "\"", "\\", "\n", "\t", "path/to/x.csv", "\u00B5", "\u00E9",
        "\uD83D\uDE00", "{", "//", "/*"};

    private final Random random;
    private final boolean shaped;

    private AstGenerator(long seed, boolean shaped) {
        this.random = new Random(seed);
        this.shaped = shaped;
    }

    /** Generates programs whose expressions carry the parentheses the grammar needs. */
    static AstGenerator parseShaped(long seed) {
        return new AstGenerator(seed, true);
    }

    /** Generates expressions without any parentheses. */
    static AstGenerator bare(long seed) {
        return new AstGenerator(seed, false);
    }

    Program program() {
        List<TopItem> items = new ArrayList<>();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            items.add(topItem());
        }
        return new Program("generated.nmap", items, SPAN);
    }

    Expr bareExpr() {
        return expr(4);
    }

    private TopItem topItem() {
        switch (random.nextInt(6)) {
            case 0:
                return new ImportDecl(string(), SPAN);
            case 1:
                return constDecl();
            case 2:
                return celltype();
            case 3:
                return new SimulateDecl(id(), list(3, () -> setting(false)), SPAN);
            case 4:
                return new TargetDecl(id(), list(2, () -> setting(false)), SPAN);
            default:
                return network();
        }
    }

    private ConstDecl constDecl() {
        return new ConstDecl(id(), expr(3), SPAN);
    }

    private CelltypeDecl celltype() {
        return new CelltypeDecl(id(), id(), body(), SPAN);
    }

    private NetworkDecl network() {
        return new NetworkDecl(id(), list(8, this::netItem), SPAN);
    }

    private NetItem netItem() {
        switch (random.nextInt(8)) {
            case 0:
                return population();
            case 1:
                return projection();
            case 2:
                return new ModulatorDecl(id(), list(4, () -> setting(true)), SPAN);
            case 3:
                return pathway();
            case 4:
                return new StimulusDecl(id(), random.nextInt(4) == 0 ? externalSource() : invocation(), endpoint(), body(), SPAN);
            case 5:
                return probe();
            case 6:
                return constDecl();
            default:
                return celltype();
        }
    }

    private PopulationDecl population() {
        PopulationType type;
        if (random.nextBoolean()) {
            type = new PopulationType.Named(id(), SPAN);
        } else {
            List<PopulationType.Mix.Entry> entries = new ArrayList<>();
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                entries.add(new PopulationType.Mix.Entry(id(), expr(2), SPAN));
            }
            type = new PopulationType.Mix(entries, SPAN);
        }
        return new PopulationDecl(id(), expr(2), type, body(), SPAN);
    }

    private ProjectionDecl projection() {
        return new ProjectionDecl(maybe(this::id), endpoint(), endpoint(), invocation(), maybe(this::invocation),
                list(3, this::binding), maybe(this::id), SPAN);
    }

    private PathwayDecl pathway() {
        PathwayTarget target;
        switch (random.nextInt(3)) {
            case 0:
                target = new PathwayTarget.Celltype(id(), SPAN);
                break;
            case 1:
                target = new PathwayTarget.Projection(id(), SPAN);
                break;
            default:
                target = new PathwayTarget.Population(endpoint(), SPAN);
        }
        List<Effect> effects = list(3, () -> new Effect(id(), maybe(this::qname),
                Effect.AssignOp.values()[random.nextInt(Effect.AssignOp.values().length)], expr(3), maybe(this::invocation), SPAN));
        return new PathwayDecl(id(), id(), target, id(), effects, SPAN);
    }

    private ProbeDecl probe() {
        Invocation what;
        if (random.nextInt(3) == 0) {
            Identifier modulator = id();
            Expr arg = new Expr.Name(new QualifiedName(List.of(modulator), SPAN), SPAN);
            what = new Invocation(new Identifier("modulator", SPAN), List.of(new Argument(Optional.empty(), arg, SPAN)), true, SPAN);
        } else {
            what = invocation();
        }
        return new ProbeDecl(maybe(this::id), what, endpoint(), maybe(() -> expr(2)), SPAN);
    }

    private List<BodyItem> body() {
        return list(4, () -> random.nextInt(4) == 0
                ? new ReceptorDecl(id(), id(), maybe(this::id), SPAN)
                : binding());
    }

    private Binding binding() {
        Binding.Value value;
        if (random.nextBoolean()) {
            value = new Binding.Value.Fixed(expr(3));
        } else {
            Optional<Distribution.Clip> clip = maybe(() -> new Distribution.Clip(expr(2), expr(2),
                    maybe(() -> random.nextBoolean() ? Distribution.ClipMode.CLAMP : Distribution.ClipMode.REDRAW), SPAN));
            value = new Binding.Value.Sampled(new Distribution(id(), arguments(), clip, SPAN));
        }
        return new Binding(qname(), random.nextInt(4) == 0, value, SPAN);
    }

    private Setting setting(boolean modulator) {
        if (modulator && random.nextInt(4) == 0) {
            return new Setting(id(), Optional.empty(), Optional.of(string()), Optional.empty(), SPAN);
        }
        Optional<Identifier> per = modulator ? maybe(this::id) : Optional.empty();
        return new Setting(id(), Optional.of(expr(2)), Optional.empty(), per, SPAN);
    }

    private Endpoint endpoint() {
        Optional<Endpoint.Slice> slice = maybe(() -> new Endpoint.Slice(maybe(() -> expr(1)), maybe(() -> expr(1)), SPAN));
        return new Endpoint(id(), maybe(this::id), slice, SPAN);
    }

    /** A connector, rule, source, probe kind or response: bare name, or name with (possibly no) arguments. */
    private Invocation invocation() {
        boolean parens = random.nextBoolean();
        return new Invocation(id(), parens ? arguments() : List.of(), parens, SPAN);
    }

    private Invocation externalSource() {
        return new Invocation(new Identifier("external", SPAN),
                List.of(new Argument(Optional.empty(), new Expr.Str(string(), SPAN), SPAN)), true, SPAN);
    }

    private List<Argument> arguments() {
        return list(3, () -> new Argument(maybe(this::id), expr(2), SPAN));
    }

    // ------------------------------------------------------------------ expressions

    private Expr expr(int depth) {
        if (depth <= 0 || random.nextInt(3) == 0) {
            return atom(depth);
        }
        switch (random.nextInt(4)) {
            case 0:
                Expr.UnaryOp op = random.nextBoolean() ? Expr.UnaryOp.NEGATE : Expr.UnaryOp.PLUS;
                return new Expr.Unary(op, operandOfUnary(expr(depth - 1)), SPAN);
            case 1:
                return shaped ? new Expr.Paren(expr(depth - 1), SPAN) : binary(depth);
            default:
                return binary(depth);
        }
    }

    private Expr binary(int depth) {
        Expr.BinaryOp op = Expr.BinaryOp.values()[random.nextInt(Expr.BinaryOp.values().length)];
        int strength = strength(op);
        Expr left = expr(depth - 1);
        Expr right = expr(depth - 1);
        if (shaped) {
            int l = strength(left);
            int r = strength(right);
            boolean power = op == Expr.BinaryOp.POWER;
            if (l < strength || (power && l == strength)) {
                left = new Expr.Paren(left, SPAN);
            }
            if (!(right instanceof Expr.Unary) && (r < strength || (!power && r == strength))) {
                right = new Expr.Paren(right, SPAN);
            }
        }
        return new Expr.Binary(op, left, right, SPAN);
    }

    private Expr operandOfUnary(Expr operand) {
        return shaped && strength(operand) < 3 ? new Expr.Paren(operand, SPAN) : operand;
    }

    private static int strength(Expr.BinaryOp op) {
        switch (op) {
            case POWER:
                return 4;
            case ADD:
            case SUBTRACT:
                return 1;
            default:
                return 2;
        }
    }

    private static int strength(Expr e) {
        if (e instanceof Expr.Binary b) {
            return strength(b.op());
        }
        return e instanceof Expr.Unary ? 3 : 5;
    }

    private Expr atom(int depth) {
        switch (random.nextInt(7)) {
            case 0:
            case 1: {
                String text = NUMBERS[random.nextInt(NUMBERS.length)];
                Optional<Identifier> unit = random.nextBoolean()
                        ? Optional.of(new Identifier(UNITS[random.nextInt(UNITS.length)], SPAN)) : Optional.empty();
                return new Expr.Number(Double.parseDouble(text.replace("_", "")), text, unit, SPAN);
            }
            case 2:
                return new Expr.Name(qname(), SPAN);
            case 3:
                return new Expr.Concentration(id(), SPAN);
            case 4:
                return new Expr.Str(string(), SPAN);
            case 5:
                return new Expr.ListOf(list(3, () -> expr(Math.max(0, depth - 1))), SPAN);
            default:
                return new Expr.Call(new Invocation(id(), list(3, () -> new Argument(maybe(this::id),
                        expr(Math.max(0, depth - 1)), SPAN)), true, SPAN), SPAN);
        }
    }

    // ------------------------------------------------------------------ leaves

    private Identifier id() {
        return new Identifier(NAMES[random.nextInt(NAMES.length)], SPAN);
    }

    private QualifiedName qname() {
        return new QualifiedName(list1(2, this::id), SPAN);
    }

    private String string() {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            s.append(STRING_PIECES[random.nextInt(STRING_PIECES.length)]);
        }
        return s.toString();
    }

    private <T> Optional<T> maybe(Supplier<T> supplier) {
        return random.nextBoolean() ? Optional.of(supplier.get()) : Optional.empty();
    }

    private <T> List<T> list(int max, Supplier<T> supplier) {
        int n = random.nextInt(max + 1);
        List<T> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(supplier.get());
        }
        return out;
    }

    private <T> List<T> list1(int max, Supplier<T> supplier) {
        List<T> out = new ArrayList<>();
        int n = 1 + random.nextInt(max);
        for (int i = 0; i < n; i++) {
            out.add(supplier.get());
        }
        return out;
    }
}
