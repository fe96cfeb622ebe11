package io.neuromap.compiler.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.neuromap.compiler.ast.AstNodes;
import io.neuromap.compiler.ast.Binding;
import io.neuromap.compiler.ast.ConstDecl;
import io.neuromap.compiler.ast.Expr;
import io.neuromap.compiler.ast.NetworkDecl;
import io.neuromap.compiler.ast.PopulationDecl;
import io.neuromap.compiler.ast.Program;
import io.neuromap.compiler.diag.Diagnostic;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.source.SourceFile;
import io.neuromap.compiler.testing.Parsing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Inputs that stress the parser's edges: nesting, encodings, line endings, empty files, junk. */
class ParserRobustnessTest {
    @Test
    void tooManyOpenBracketsIsLocated() {
        String text = "const x = " + "(".repeat(Parser.MAX_NESTING + 5) + "1" + ")".repeat(Parser.MAX_NESTING + 5) + ";";
        List<Diagnostic> errors = Parsing.errors(text);
        assertEquals(1, errors.size());
        Diagnostic d = errors.get(0);
        assertEquals(DiagnosticCode.NESTED_TOO_DEEPLY, d.code());
        assertEquals(11 + Parser.MAX_NESTING, d.span().column(), "points at the first bracket too many");
        assertEquals("nested too deeply: more than 200 open brackets", d.message());
    }

    @Test
    void expressionDeeperThanTheLimitIsLocatedAndNeverReachesLaterPasses() {
        String sum = "const x = " + "1 + ".repeat(Parser.MAX_EXPRESSION_DEPTH + 10) + "1;";
        Diagnostic d = Parsing.errors(sum).get(0);
        assertEquals(DiagnosticCode.NESTED_TOO_DEEPLY, d.code());
        assertEquals(1, d.span().line());
        assertEquals(11, d.span().column());
        assertEquals("expression nested too deeply: more than 256 levels of operators and brackets", d.message());

        String signs = "const x = " + "-".repeat(Parser.MAX_EXPRESSION_DEPTH + 1) + "1;";
        assertEquals(DiagnosticCode.NESTED_TOO_DEEPLY, Parsing.errors(signs).get(0).code());
    }

    @Test
    void expressionJustUnderTheLimitParses() {
        Program program = Parsing.parse("const x = " + "-".repeat(Parser.MAX_EXPRESSION_DEPTH - 2) + "1;");
        int[] depth = new int[1];
        AstNodes.walk(program, n -> depth[0]++);
        assertTrue(depth[0] > Parser.MAX_EXPRESSION_DEPTH - 2);
    }

    /** On a small stack the generated parser itself overflows first; that must be a diagnostic, not an error. */
    @Test
    void stackOverflowInTheGeneratedParserBecomesADiagnostic() throws InterruptedException {
        String text = "const x = " + "-".repeat(100_000) + "1;";
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                Diagnostics diagnostics = new Diagnostics();
                Optional<Program> program = Parser.parse(new SourceFile("t.nmap", text), diagnostics);
                outcome.set(program.isPresent() ? "parsed" : diagnostics.all());
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, "small-stack", 256 * 1024);
        thread.start();
        thread.join();
        if (!(outcome.get() instanceof List<?> diagnostics)) {
            fail("expected diagnostics, got " + outcome.get());
            return;
        }
        Diagnostic d = (Diagnostic) diagnostics.get(0);
        assertEquals(DiagnosticCode.NESTED_TOO_DEEPLY, d.code());
        assertEquals(1, d.span().line());
        assertTrue(d.span().column() > 11, "located inside the expression: " + d.span());
    }

    @Test
    void byteOrderMarkAtTheStartIsSkipped() {
        String text = "\uFEFFnetwork N { population p[1] : lif; }";
        Program program = Parsing.parse(text);
        NetworkDecl net = (NetworkDecl) program.items().get(0);
        assertEquals(1, net.span().start(), "spans are offsets into the text as given, BOM included");
        assertEquals("network", text.substring(net.span().start(), net.span().start() + 7));
    }

    @Test
    void byteOrderMarkElsewhereIsAnInvisibleCharacter() {
        Diagnostic d = Parsing.errors("network N {\n  \uFEFFpopulation p[1] : lif;\n}").get(0);
        assertEquals(DiagnosticCode.INVALID_CHARACTER, d.code());
        assertEquals("t.nmap:2:3: error[NM-E0004]: unexpected invisible character U+FEFF", d.headline());
        assertEquals(Optional.of("delete it (it is invisible in most editors)"), d.help());
    }

    @Test
    void crlfLineEndingsGiveTheSameLinesAndColumns() {
        String lf = "network N {\n  population p[10] : lif {\n    tau_m = 20 ms\n  }\n}\n";
        Diagnostic unix = Parsing.errors(lf).get(0);
        Diagnostic windows = Parsing.errors(lf.replace("\n", "\r\n")).get(0);
        assertEquals(unix.headline(), windows.headline());
        assertEquals("t.nmap:3:18: error[NM-E0001]: missing `;` after `ms` in population `p`", windows.headline());
    }

    @Test
    void microSignInUnitsLexesAsAnIdentifier() {
        for (String micro : new String[] {"\u00B5", "\u03BC"}) {
            Program program = Parsing.parse("network N { population p[1] : lif { tau_refrac = 500 " + micro + "s; } }");
            PopulationDecl p = (PopulationDecl) ((NetworkDecl) program.items().get(0)).items().get(0);
            Expr.Number n = (Expr.Number) ((Binding.Value.Fixed) p.bindings().get(0).value()).expr();
            assertEquals(micro + "s", n.unit().orElseThrow().name());
        }
    }

    @Test
    void charactersOutsideTheBmpDoNotShiftLaterSpans() {
        String text = "// \uD83E\uDDE0\uD83E\uDDE0 brains\nconst x = \"\uD83D\uDE00\" + y;\nconst z = 1 \u2013 2;";
        Diagnostic d = Parsing.errors(text).get(0);
        assertEquals("t.nmap:3:13: error[NM-E0004]: unexpected character `\u2013` (U+2013)", d.headline());
        Program program = Parsing.parse(text.substring(0, text.lastIndexOf('\n')));
        Expr value = ((ConstDecl) program.items().get(0)).value();
        assertEquals("\"\uD83D\uDE00\" + y", text.substring(value.span().start(), value.span().end()));
    }

    @Test
    void emptyWhitespaceAndCommentOnlyFiles() {
        for (String text : new String[] {"", "\n\n", "\r\n", "// one line", "/* block */", "/// doc\n// line\n/* b\n*/\n", "\uFEFF"}) {
            assertTrue(Parsing.parse(text).items().isEmpty(), "not empty: " + text);
        }
    }

    @Test
    void lexicalErrorsAreCapped() {
        List<Diagnostic> errors = Parsing.errors("#".repeat(LexicalCheck.MAX_REPORTED * 3));
        assertEquals(LexicalCheck.MAX_REPORTED, errors.size());
    }

    @Test
    void everyLexicalErrorIsReportedNotOnlyTheFirst() {
        List<Diagnostic> errors = Parsing.errors("const a := 1;\nconst b == 2;\nconst c = 3 # 4;\nconst d = \"\\q\";");
        assertEquals(List.of("NM-E0005@1", "NM-E0005@2", "NM-E0004@3", "NM-E0008@4"),
                errors.stream().map(d -> d.code().id() + "@" + d.span().line()).toList());
    }

    /** Mutated programs and token soup: the parser never throws and every diagnostic points into the file. */
    @Test
    void randomInputsNeverThrow() {
        List<String> corpus = new ArrayList<>();
        for (Path file : Parsing.nmapFiles(Parsing.testResource("programs"))) {
            corpus.add(Parsing.read(file));
        }
        String[] pieces = {"network", "population", "{", "}", "(", ")", "[", "]", ";", ":", ",", "->", "~", "=", "+=", "x", "1",
            "20 ms", "\"s\"", "[DA]", "let", "clip", "redraw", "effect", "via", "of", "every", "\n", " ", "/*", "*/", "//", "\"",
            "\u00B5", "\uD83D\uDE00", "\uFEFF", "^", "-", "per", "external"};
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            String text;
            if (i % 2 == 0) {
                StringBuilder soup = new StringBuilder();
                int n = random.nextInt(40);
                for (int k = 0; k < n; k++) {
                    soup.append(pieces[random.nextInt(pieces.length)]).append(random.nextBoolean() ? " " : "");
                }
                text = soup.toString();
            } else {
                text = mutate(corpus.get(random.nextInt(corpus.size())), random, pieces);
            }
            Diagnostics diagnostics = new Diagnostics();
            try {
                Optional<Program> program = Parser.parse(new SourceFile("t.nmap", text), diagnostics);
                assertTrue(program.isPresent() || diagnostics.hasErrors(), "no program and no error for:\n" + text);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("parser threw on:\n" + text, e);
            }
            for (Diagnostic d : diagnostics.all()) {
                assertTrue(d.span().end() <= text.length(), "span past the end: " + d + "\n" + text);
            }
        }
    }

    private static String mutate(String text, Random random, String[] pieces) {
        StringBuilder s = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && s.length() > 0; e++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(3)) {
                case 0:
                    s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(5)));
                    break;
                case 1:
                    s.insert(at, pieces[random.nextInt(pieces.length)]);
                    break;
                default:
                    int to = Math.min(s.length(), at + 1 + random.nextInt(5));
                    s.replace(at, to, pieces[random.nextInt(pieces.length)]);
            }
        }
        // a mutation may split a surrogate pair; keep it: lone surrogates must not crash the parser either
        return s.toString();
    }
}
