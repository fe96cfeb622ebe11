package io.neuromap.backends.loihi1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Deliberately infeasible specs ({@code loihi1/infeasible/*.nmap}), each marking the lines that
 * must be reported with {@code // expect: RULE-ID}: compiling one gives exactly those errors at
 * exactly those lines (warnings aside), no config, and still a full mapping for the report.
 */
class Loihi1InfeasibleSpecsTest {
    private static final Pattern EXPECT = Pattern.compile("//\\s*expect:\\s*(LOIHI1-[A-Z]+-\\d{3})");

    static Stream<Path> specs() throws IOException, URISyntaxException {
        Path dir = Path.of(Loihi1InfeasibleSpecsTest.class.getResource("/loihi1/infeasible").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".nmap")).sorted().collect(Collectors.toList()).stream();
        }
    }

    @Test
    void thereAreAtLeastTwelveAndEachExpectsSomething() throws Exception {
        List<Path> all = specs().toList();
        assertTrue(all.size() >= 12, all.toString());
        for (Path p : all) {
            assertFalse(expected(p).isEmpty(), p + " expects nothing");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void reportsExactlyTheExpectedRulesAtTheExpectedLines(Path spec) throws IOException {
        Loihi1CompileResult r = Loihi1Compiler.compile(spec, Loihi1CompileOptions.defaults());
        assertFalse(r.diagnostics().hasErrors(), r.diagnostics().all().toString());
        assertFalse(r.feasible(), spec + " compiled");
        assertTrue(r.config().isEmpty());
        Set<String> found = new TreeSet<>();
        for (Violation v : r.violations()) {
            if (v.severity() == Severity.ERROR) {
                found.add(v.ruleId() + "@" + v.span().line());
                assertTrue(v.span().file().endsWith(spec.getFileName().toString()), v.toString());
                assertFalse(v.fix().isBlank(), v.toString());
            }
        }
        assertEquals(expected(spec), found, () -> r.violations().stream().map(Violation::toString)
                .collect(Collectors.joining("\n")));
        // An infeasible network is still mapped: the report has cores and bounds.
        assertTrue(r.checked().orElseThrow().emitted().coreCount() > 0);
    }

    private static Set<String> expected(Path spec) throws IOException {
        Set<String> out = new TreeSet<>();
        List<String> lines = Files.readAllLines(spec);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = EXPECT.matcher(lines.get(i));
            while (m.find()) {
                out.add(m.group(1) + "@" + (i + 1));
            }
        }
        return out;
    }
}
