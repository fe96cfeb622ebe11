package io.neuromap.compiler.frontend;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.neuromap.compiler.Compiler;
import io.neuromap.compiler.diag.Diagnostic;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code .nmap} under {@code diagnostics/} and compares its diagnostics with the
 * inline expectations it carries: {@code // error[NM-E0202]@+1:13: tau_m expects a time} expects
 * that code on the line one below (optionally at that column), with the message containing the
 * text after the colon. Every diagnostic must be expected, and every expectation met. A local
 * runner until the shared harness (branch parse) reaches main.
 */
class DiagnosticFixturesTest {
    private static final Pattern EXPECTATION = Pattern.compile(
            "//\\s*(error|warning)\\[(NM-[EW]\\d{4})\\](?:@([+-]\\d+))?(?::(\\d+))?(?::\\s?(.*))?$");

    private record Expectation(String severity, String code, int line, int column, String message) {
        boolean matches(Diagnostic d) {
            return d.code().id().equals(code) && d.severity().label().equals(severity) && d.span().line() == line
                    && (column <= 0 || d.span().column() == column) && d.message().contains(message);
        }

        @Override
        public String toString() {
            return severity + "[" + code + "] at " + line + (column > 0 ? ":" + column : "") + " containing \"" + message + "\"";
        }
    }

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException, URISyntaxException {
        Path root = Path.of(getClass().getResource("/diagnostics").toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".nmap")).sorted().toList();
        }
        assertTrue(files.size() >= 40, "expected at least 40 fixtures, found " + files.size());
        return files.stream().map(f -> DynamicTest.dynamicTest(root.relativize(f).toString(), () -> check(f)));
    }

    private static void check(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Expectation> expected = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = EXPECTATION.matcher(lines.get(i));
            if (m.find()) {
                int offset = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
                int column = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
                expected.add(new Expectation(m.group(1), m.group(2), i + 1 + offset, column, m.group(5) == null ? "" : m.group(5).trim()));
            }
        }
        Compiler.CheckResult result = Compiler.check(file);
        List<Diagnostic> actual = new ArrayList<>(result.diagnostics().sorted());
        List<String> problems = new ArrayList<>();
        for (Expectation e : expected) {
            Diagnostic found = actual.stream().filter(e::matches).findFirst().orElse(null);
            if (found == null) {
                problems.add("missing " + e);
            } else {
                actual.remove(found);
            }
        }
        for (Diagnostic d : actual) {
            problems.add("unexpected " + d.headline() + d.help().map(h -> " (help: " + h + ")").orElse(""));
        }
        if (!problems.isEmpty()) {
            fail(file.getFileName() + ":\n  " + String.join("\n  ", problems));
        }
        boolean expectsErrors = expected.stream().anyMatch(e -> e.severity().equals("error"));
        if (!expectsErrors && result.program().isEmpty()) {
            fail(file.getFileName() + ": no error expected, but analysis produced no program");
        }
    }
}
