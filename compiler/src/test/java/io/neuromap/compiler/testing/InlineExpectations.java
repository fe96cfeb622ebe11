package io.neuromap.compiler.testing;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.Compiler;
import io.neuromap.compiler.diag.Diagnostic;
import io.neuromap.compiler.diag.DiagnosticRenderer;
import io.neuromap.compiler.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Diagnostics tests written as data (jlox's {@code // expect:}, MLIR's {@code -verify-diagnostics}):
 * a {@code .nmap} file states in comments the diagnostics {@link Compiler#check} must report on it.
 *
 * <pre>
 * population p[10] : lif { tau_m = 5 mV; }   // error[NM-E0202]: tau_m expects a time
 * // error[NM-E0105]@+1: unknown parameter
 * population q[10] : lif { tua_m = 5 ms; }
 * // error[NM-E0001]@+1:23: missing `;`
 * population r[10] : lif
 * const A := 1; // error[NM-E0005]:9
 * // warning[NM-W0001]@+1
 * modulator DA { source p; decay 200 ms; }
 * </pre>
 *
 * An expectation is {@code // SEVERITY[CODE]} followed, without spaces, by an optional location
 * and then an optional message:
 * <ul>
 *   <li>{@code SEVERITY} is {@code error}, {@code warning} or {@code note}; {@code CODE} the
 *       diagnostic code ({@code NM-E0202});</li>
 *   <li>location: nothing (the comment's own line), {@code @+N} or {@code @-N} (N lines below or
 *       above the comment), then optionally {@code :C} to require column C ({@code @+1:13},
 *       or {@code :13} alone for the comment's own line);</li>
 *   <li>message: {@code : text}; the diagnostic's message must contain {@code text}.</li>
 * </ul>
 * The file passes when the diagnostics reported (in it and in every file it imports) are exactly
 * the expected ones: same code, severity, file and line, each expected column and message text
 * matched, one diagnostic per expectation (two expectations for two diagnostics on a line). A
 * file without expectations must produce no diagnostic at all.
 *
 * <p>{@link #tests(Path)} makes one test per {@code .nmap} file of a directory (recursively);
 * files whose name starts with {@code _} are not cases but helpers for cases to import, and their
 * expectations count when a case imports them. To add a test, drop a file in the directory.
 */
public final class InlineExpectations {
    private static final Pattern EXPECTATION = Pattern.compile(
            "//\\s*(error|warning|note)\\[([A-Z]+-[A-Z]\\d{4})\\](?:@([+-]\\d+)?)?(?::(\\d+)(?=:|\\s*$))?(?::\\s?(.*))?$");

    private InlineExpectations() {
    }

    /** One expected diagnostic. */
    public record Expectation(String file, int line, Optional<Integer> column, String severity, String code,
            Optional<String> message, int commentLine) {
        public Expectation {
            requireNonNull(file, "file is null");
            requireNonNull(column, "column is null");
            requireNonNull(severity, "severity is null");
            requireNonNull(code, "code is null");
            requireNonNull(message, "message is null");
        }

        boolean matches(Diagnostic d) {
            return d.span().file().equals(file) && d.span().line() == line && d.code().id().equals(code)
                    && d.severity().label().equals(severity)
                    && column.map(c -> c == d.span().column()).orElse(true)
                    && message.map(m -> d.message().contains(m)).orElse(true);
        }

        @Override
        public String toString() {
            return file + ":" + line + column.map(c -> ":" + c).orElse("") + ": " + severity + "[" + code + "]"
                    + message.map(m -> " containing \"" + m + "\"").orElse("") + " (expected at line " + commentLine + ")";
        }
    }

    /** The expectations written in one file. */
    public static List<Expectation> parse(SourceFile file) {
        List<Expectation> out = new ArrayList<>();
        for (int line = 1; line <= file.lineCount(); line++) {
            String text = file.line(line);
            int comment = text.indexOf("//");
            while (comment >= 0) {
                Matcher m = EXPECTATION.matcher(text.substring(comment));
                if (m.matches()) {
                    int target = line + (m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
                    Optional<Integer> column = Optional.ofNullable(m.group(4)).map(Integer::parseInt);
                    Optional<String> message = Optional.ofNullable(m.group(5)).map(String::trim).filter(s -> !s.isEmpty());
                    out.add(new Expectation(file.name(), target, column, m.group(1), m.group(2), message, line));
                    break;
                }
                comment = text.indexOf("//", comment + 2);
            }
        }
        return out;
    }

    /** Checks one case; returns what did not match (empty when the file passes). */
    public static List<String> check(Path file) {
        Compiler.CheckResult result = Compiler.check(file);
        List<Expectation> expected = new ArrayList<>();
        for (SourceFile source : result.sources().files().values()) {
            expected.addAll(parse(source));
        }
        expected.sort(Comparator.comparing(Expectation::file).thenComparingInt(Expectation::line));
        List<Diagnostic> unmatched = new ArrayList<>(result.diagnostics().sorted());
        List<String> problems = new ArrayList<>();
        // the most specific expectations first, so a bare one does not take a diagnostic a specific one needs
        List<Expectation> ordered = new ArrayList<>(expected);
        ordered.sort(Comparator.comparingInt((Expectation e) -> (e.column().isPresent() ? 0 : 2) + (e.message().isPresent() ? 0 : 1)));
        for (Expectation e : ordered) {
            Optional<Diagnostic> hit = unmatched.stream().filter(e::matches).findFirst();
            if (hit.isPresent()) {
                unmatched.remove(hit.get());
            } else {
                problems.add("missing:    " + e + nearMiss(e, result.diagnostics().sorted()));
            }
        }
        for (Diagnostic d : unmatched) {
            problems.add("unexpected: " + d.headline());
        }
        if (!problems.isEmpty()) {
            problems.add("all diagnostics reported:\n" + new DiagnosticRenderer(result.sources().files()).renderAll(result.diagnostics()));
        }
        return problems;
    }

    /** Throws an {@link AssertionError} listing every mismatch. */
    public static void assertMatches(Path file) {
        List<String> problems = check(file);
        if (!problems.isEmpty()) {
            throw new AssertionError(file.getFileName() + ": diagnostics differ from the expectations in the file\n  "
                    + String.join("\n  ", problems));
        }
    }

    /** One dynamic test per case file below {@code directory} (names starting with {@code _} are helpers). */
    public static Stream<DynamicTest> tests(Path directory) {
        List<Path> cases = Parsing.nmapFiles(directory).stream()
                .filter(p -> !p.getFileName().toString().startsWith("_")).toList();
        if (cases.isEmpty()) {
            throw new AssertionError("no .nmap cases in " + directory);
        }
        return cases.stream().map(p -> DynamicTest.dynamicTest(directory.relativize(p).toString(), p.toUri(),
                () -> assertMatches(p)));
    }

    /** A diagnostic on the expected line with the expected code, to explain why it did not match. */
    private static String nearMiss(Expectation e, List<Diagnostic> all) {
        for (Diagnostic d : all) {
            if (d.span().file().equals(e.file()) && d.span().line() == e.line() && d.code().id().equals(e.code())) {
                return "\n              closest: " + d.headline();
            }
        }
        return "";
    }
}
