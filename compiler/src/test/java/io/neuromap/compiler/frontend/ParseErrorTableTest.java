package io.neuromap.compiler.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.testing.Parsing;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The exact text of lexical and syntax errors, from {@code parse-errors.txt}: each case is a
 * malformed program and the headlines ({@code file:line:col: error[NM-E000x]: message}) and help
 * lines it must produce, word for word. Messages are part of the interface users read, so a
 * change to one shows up here as a reviewed diff of the table.
 */
class ParseErrorTableTest {
    private static final int MINIMUM_CASES = 20;

    record Case(String name, String input, String expected) {
    }

    @TestFactory
    Stream<DynamicTest> everyCaseGivesExactlyItsMessages() {
        List<Case> cases = cases(Parsing.read(Parsing.testResource("parse-errors.txt")));
        assertTrue(cases.size() >= MINIMUM_CASES, "only " + cases.size() + " cases");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(),
                () -> assertEquals(c.expected(), Parsing.headlines(Parsing.errors(c.input())), "input:\n" + c.input())));
    }

    static List<Case> cases(String table) {
        List<Case> out = new ArrayList<>();
        String[] lines = table.split("\n", -1);
        int i = 0;
        while (i < lines.length && !lines[i].startsWith("=== ")) {
            i++;
        }
        while (i < lines.length) {
            String name = lines[i++].substring(4).trim();
            StringBuilder input = new StringBuilder();
            while (i < lines.length && !lines[i].equals("---")) {
                input.append(lines[i++]).append('\n');
            }
            i++;
            StringBuilder expected = new StringBuilder();
            while (i < lines.length && !lines[i].startsWith("=== ")) {
                if (!lines[i].isBlank()) {
                    expected.append(lines[i]).append('\n');
                }
                i++;
            }
            out.add(new Case(name, input.toString(), expected.toString()));
        }
        return out;
    }
}
