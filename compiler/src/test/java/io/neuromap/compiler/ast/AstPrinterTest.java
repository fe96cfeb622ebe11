package io.neuromap.compiler.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.frontend.Parser;
import io.neuromap.compiler.source.SourceFile;
import io.neuromap.compiler.source.SourceSpan;
import io.neuromap.compiler.testing.Parsing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The printer's laws: parse(print(parse(s))) == parse(s) apart from spans, and print is idempotent. */
class AstPrinterTest {
    private static final long SEED = 20_240_611L;
    private static final int RANDOM_PROGRAMS = 400;
    private static final int RANDOM_EXPRESSIONS = 600;

    /** Every program of the test resources that parses, and every sample of the repository. */
    static List<Path> corpus() {
        List<Path> files = new ArrayList<>();
        files.addAll(Parsing.nmapFiles(Parsing.testResource("programs")));
        files.addAll(Parsing.nmapFiles(Parsing.testResource("diagnostics")));
        files.addAll(Parsing.nmapFiles(Parsing.projectRoot().resolve("samples")));
        return files;
    }

    @TestFactory
    Stream<DynamicTest> everyProgramRoundTrips() {
        List<Path> files = corpus();
        assertFalse(files.isEmpty(), "no programs found under " + Parsing.testResource("programs"));
        return files.stream().map(file -> DynamicTest.dynamicTest(Parsing.projectRoot().relativize(file).toString(), () -> {
            String text = Parsing.read(file);
            Optional<Program> parsed = Parser.parse(new SourceFile(file.getFileName().toString(), text), new Diagnostics());
            if (parsed.isEmpty()) {
                return; // a malformed program of the diagnostics corpus: nothing to print
            }
            assertRoundTrip(parsed.get());
        }));
    }

    @Test
    void randomProgramsRoundTrip() {
        AstGenerator generator = AstGenerator.parseShaped(SEED);
        for (int i = 0; i < RANDOM_PROGRAMS; i++) {
            Program program = generator.program();
            String text = AstPrinter.print(program);
            Program reparsed = Parsing.parse("generated.nmap", text);
            assertEquals(AstNodes.shape(program), AstNodes.shape(reparsed), "case " + i + ":\n" + text);
            assertEquals(text, AstPrinter.print(reparsed), "case " + i + " is not printed stably");
        }
    }

    /** Trees without any parentheses: the printer must add exactly those the grammar needs. */
    @Test
    void printedExpressionsMeanTheirTree() {
        AstGenerator generator = AstGenerator.bare(SEED + 1);
        for (int i = 0; i < RANDOM_EXPRESSIONS; i++) {
            Expr expr = generator.bareExpr();
            String text = AstPrinter.print(expr);
            Program reparsed = Parsing.parse("const x = " + text + ";");
            Expr back = ((ConstDecl) reparsed.items().get(0)).value();
            assertEquals(AstNodes.shape(expr), AstNodes.shape(withoutParens(back)), "case " + i + ": " + text);
        }
    }

    @Test
    void printsCanonicalLayout() {
        Program program = Parsing.parse("""
                import "lib/cells.nmap"; const N=10;const M = 2;
                network Net { population p [N] : lif { tau_m ~ normal( mean = 20 ms , sd = 2 ms ) clip [ 1 ms , 40 ms ] clamp ;
                receptor R binds DA on dendrite; }
                project  p -> p . soma [ 0 : 5 ] with all_to_all { weight = 1 nA; receptor = inh; }
                probe modulator ( DA ) of p every 1 ms; }
                target loihi1 {} simulate Net { dt = 1 ms; }
                """);
        assertEquals("""
                import "lib/cells.nmap";

                const N = 10;
                const M = 2;

                network Net {
                  population p[N] : lif {
                    tau_m ~ normal(mean = 20 ms, sd = 2 ms) clip [1 ms, 40 ms] clamp;
                    receptor R binds DA on dendrite;
                  }
                  project p -> p.soma[0:5] with all_to_all {
                    weight = 1 nA;
                    receptor = inh;
                  }
                  probe modulator(DA) of p every 1 ms;
                }

                target loihi1;

                simulate Net {
                  dt = 1 ms;
                }
                """, AstPrinter.print(program));
    }

    @Test
    void keepsNumberTextParenthesesAndOneElementLists() {
        Program program = Parsing.parse("const x = (1_000 + .5e-3) * [y,] + [DA] - [a.b];");
        assertEquals("const x = (1_000 + .5e-3) * [y,] + [DA] - [a.b];\n", AstPrinter.print(program));
    }

    @Test
    void addsParenthesesAHandBuiltTreeNeeds() {
        Expr one = number("1");
        Expr two = number("2");
        Expr sum = new Expr.Binary(Expr.BinaryOp.ADD, one, two, SPAN);
        assertEquals("(1 + 2) * 2", AstPrinter.print(new Expr.Binary(Expr.BinaryOp.MULTIPLY, sum, two, SPAN)));
        assertEquals("1 - (1 + 2)", AstPrinter.print(new Expr.Binary(Expr.BinaryOp.SUBTRACT, one, sum, SPAN)));
        Expr negated = new Expr.Unary(Expr.UnaryOp.NEGATE, two, SPAN);
        assertEquals("(-2) ^ 2", AstPrinter.print(new Expr.Binary(Expr.BinaryOp.POWER, negated, two, SPAN)));
        assertEquals("2 ^ -2", AstPrinter.print(new Expr.Binary(Expr.BinaryOp.POWER, two, negated, SPAN)));
        assertEquals("-(1 + 2)", AstPrinter.print(new Expr.Unary(Expr.UnaryOp.NEGATE, sum, SPAN)));
        Expr pow = new Expr.Binary(Expr.BinaryOp.POWER, two, two, SPAN);
        assertEquals("(2 ^ 2) ^ 2", AstPrinter.print(new Expr.Binary(Expr.BinaryOp.POWER, pow, two, SPAN)));
        assertEquals("2 ^ 2 ^ 2", AstPrinter.print(new Expr.Binary(Expr.BinaryOp.POWER, two, pow, SPAN)));
    }

    @Test
    void escapesStrings() {
        Program program = Parsing.parse("import \"a\\\"b\\\\c\\nd\\te\";");
        assertEquals("a\"b\\c\nd\te", ((ImportDecl) program.items().get(0)).path());
        assertEquals("import \"a\\\"b\\\\c\\nd\\te\";\n", AstPrinter.print(program));
    }

    @Test
    void emptyProgramPrintsAsEmptyText() {
        assertEquals("", AstPrinter.print(Parsing.parse("// nothing\n")));
    }

    private static final SourceSpan SPAN = SourceSpan.synthetic("x");

    private static Expr number(String text) {
        return new Expr.Number(Double.parseDouble(text), text, Optional.empty(), SPAN);
    }

    private static void assertRoundTrip(Program program) {
        String text = AstPrinter.print(program);
        Program reparsed = Parsing.parse(program.file(), text);
        assertEquals(AstNodes.shape(program), AstNodes.shape(reparsed), "printed form:\n" + text);
        assertEquals(text, AstPrinter.print(reparsed), "printing is not idempotent");
    }

    /** The same tree without {@link Expr.Paren} nodes. */
    static Expr withoutParens(Expr e) {
        if (e instanceof Expr.Paren p) {
            return withoutParens(p.inner());
        }
        if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), withoutParens(u.operand()), u.span());
        }
        if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), withoutParens(b.left()), withoutParens(b.right()), b.span());
        }
        if (e instanceof Expr.ListOf l) {
            return new Expr.ListOf(l.elements().stream().map(AstPrinterTest::withoutParens).toList(), l.span());
        }
        if (e instanceof Expr.Call c) {
            List<Argument> args = c.call().arguments().stream()
                    .map(a -> new Argument(a.name(), withoutParens(a.value()), a.span())).toList();
            return new Expr.Call(new Invocation(c.call().name(), args, true, c.call().span()), c.span());
        }
        return e;
    }
}
