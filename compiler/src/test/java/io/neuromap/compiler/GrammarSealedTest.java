package io.neuromap.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.testing.Parsing;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * STYLE.md item 1: the grammar is sealed in the front end. No source file outside
 * {@code io.neuromap.compiler.frontend} (in any module, main or test) names a generated parser
 * type or the ANTLR runtime, and inside it only the parsing classes do.
 */
class GrammarSealedTest {
    private static final Pattern GRAMMAR = Pattern.compile("io\\.neuromap\\.grammar\\.|org\\.antlr\\.|NeuromapParser|NeuromapLexer");
    private static final String FRONTEND = "io/neuromap/compiler/frontend/";
    /** The front-end classes that may see the parse tree or tokens. */
    private static final Set<String> PARSING_CLASSES = Set.of("Parser.java", "AstBuilder.java", "SyntaxErrors.java",
            "SyntaxMessage.java", "LexicalCheck.java", "TokenSpans.java");

    @Test
    void noGeneratedTypeOutsideTheFrontEnd() throws IOException {
        Path root = Parsing.projectRoot();
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !root.relativize(p).startsWith("grammar"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .forEach(sources::add);
        }
        assertFalse(sources.isEmpty(), "no sources found under " + root);
        Set<String> offenders = new TreeSet<>();
        for (Path file : sources) {
            String path = root.relativize(file).toString().replace('\\', '/');
            boolean frontendMain = path.startsWith("compiler/src/main/java/" + FRONTEND);
            if (frontendMain && PARSING_CLASSES.contains(file.getFileName().toString())) {
                continue;
            }
            if (GRAMMAR.matcher(Files.readString(file)).find() && !path.endsWith("GrammarSealedTest.java")) {
                offenders.add(path);
            }
        }
        assertEquals(Set.of(), offenders, "these files name ANTLR or generated parser types outside the parsing classes");
    }

    @Test
    void onlyTheParserEntryIsPublic() throws ClassNotFoundException {
        assertTrue(Modifier.isPublic(Class.forName("io.neuromap.compiler.frontend.Parser").getModifiers()));
        for (String name : List.of("AstBuilder", "SyntaxErrors", "SyntaxMessage", "LexicalCheck", "TokenSpans")) {
            int modifiers = Class.forName("io.neuromap.compiler.frontend." + name).getModifiers();
            assertFalse(Modifier.isPublic(modifiers), name + " must be package-private");
            assertTrue(Modifier.isFinal(modifiers), name + " must be final");
        }
    }
}
