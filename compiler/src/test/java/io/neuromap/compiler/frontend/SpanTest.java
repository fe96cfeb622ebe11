package io.neuromap.compiler.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.ast.Argument;
import io.neuromap.compiler.ast.AstNodes;
import io.neuromap.compiler.ast.AstPrinter;
import io.neuromap.compiler.ast.Binding;
import io.neuromap.compiler.ast.ConstDecl;
import io.neuromap.compiler.ast.Distribution;
import io.neuromap.compiler.ast.Effect;
import io.neuromap.compiler.ast.Endpoint;
import io.neuromap.compiler.ast.Expr;
import io.neuromap.compiler.ast.Identifier;
import io.neuromap.compiler.ast.ImportDecl;
import io.neuromap.compiler.ast.Invocation;
import io.neuromap.compiler.ast.Node;
import io.neuromap.compiler.ast.PathwayTarget;
import io.neuromap.compiler.ast.PopulationType;
import io.neuromap.compiler.ast.ProbeDecl;
import io.neuromap.compiler.ast.Program;
import io.neuromap.compiler.ast.QualifiedName;
import io.neuromap.compiler.ast.ReceptorDecl;
import io.neuromap.compiler.source.SourceSpan;
import io.neuromap.compiler.testing.Parsing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every node's span covers exactly its own text: it lies inside its parent's span, and for every
 * node smaller than a block declaration its text is the node's printed form (apart from layout,
 * comments and trailing commas).
 */
class SpanTest {
    @TestFactory
    Stream<DynamicTest> spansNestAndCoverTheirText() {
        List<Path> files = new ArrayList<>(Parsing.nmapFiles(Parsing.testResource("programs")));
        files.addAll(Parsing.nmapFiles(Parsing.projectRoot().resolve("samples")));
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String text = Parsing.read(file);
            Program program = Parsing.parse(file.getFileName().toString(), text);
            int[] checked = new int[1];
            check(program, text, checked);
            assertTrue(program.items().isEmpty() || checked[0] > 0, "no node was checked");
        }));
    }

    @Test
    void spansSurviveCrlfTabsAndWideCharacters() {
        String text = "// \uD83D\uDE00 an emoji before everything\r\nnetwork N {\r\n\tpopulation p[10] : lif { tau_m = 20 \u00B5s; s = \"\uD83D\uDE00\"; }\r\n}\r\n";
        Program program = Parsing.parse(text);
        check(program, text, new int[1]);
        Identifier tau = ((io.neuromap.compiler.ast.PopulationDecl) ((io.neuromap.compiler.ast.NetworkDecl) program.items().get(0))
                .items().get(0)).bindings().get(0).name().last();
        assertEquals(3, tau.span().line());
        assertEquals(27, tau.span().column());
    }

    private static void check(Node node, String text, int[] checked) {
        SourceSpan span = node.span();
        assertTrue(span.start() >= 0 && span.end() <= text.length() && span.start() <= span.end(), "span out of the file: " + node);
        if (comparesText(node)) {
            String expected = normalise(AstPrinter.print(node));
            String actual = normalise(text.substring(span.start(), span.end()));
            assertEquals(expected, actual, "span of " + node.getClass().getSimpleName() + " at " + span.location());
            checked[0]++;
        }
        for (Node child : AstNodes.children(node)) {
            SourceSpan c = child.span();
            assertTrue(c.file().equals(span.file()) && c.start() >= span.start() && c.end() <= span.end(),
                    child.getClass().getSimpleName() + " at " + c.location() + " [" + c.start() + "," + c.end() + ")"
                            + " is not inside its parent " + node.getClass().getSimpleName() + " at " + span.location()
                            + " [" + span.start() + "," + span.end() + ")");
            check(child, text, checked);
        }
    }

    private static boolean comparesText(Node node) {
        return node instanceof Expr || node instanceof Identifier || node instanceof QualifiedName || node instanceof Argument
                || node instanceof Distribution || node instanceof Distribution.Clip || node instanceof Invocation
                || node instanceof Endpoint || node instanceof Endpoint.Slice || node instanceof Binding
                || node instanceof ReceptorDecl || node instanceof Effect || node instanceof PopulationType
                || node instanceof PopulationType.Mix.Entry || node instanceof PathwayTarget || node instanceof ConstDecl
                || node instanceof ImportDecl || node instanceof ProbeDecl;
    }

    /** Drops layout, comments and trailing commas, which the printer does not reproduce. */
    private static String normalise(String s) {
        return s.replaceAll("//[^\n]*", "").replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("\\s+", "")
                .replace(",)", ")").replace(",]", "]");
    }
}
