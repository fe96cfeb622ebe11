package io.neuromap.compiler.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.neuromap.compiler.ast.Program;
import io.neuromap.compiler.diag.Diagnostic;
import io.neuromap.compiler.diag.DiagnosticRenderer;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.frontend.Parser;
import io.neuromap.compiler.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Test helpers around {@link Parser}: parse text that must be valid, or collect the diagnostics of text that is not. */
public final class Parsing {
    /** The file name every in-memory test text gets; exact-message tests spell it. */
    public static final String FILE = "t.nmap";

    private Parsing() {
    }

    /** Parses text that must parse; fails the test with the rendered diagnostics otherwise. */
    public static Program parse(String text) {
        return parse(FILE, text);
    }

    public static Program parse(String name, String text) {
        Diagnostics diagnostics = new Diagnostics();
        SourceFile file = new SourceFile(name, text);
        Optional<Program> program = Parser.parse(file, diagnostics);
        if (program.isEmpty() || diagnostics.hasErrors()) {
            fail("expected `" + name + "` to parse, got:\n" + new DiagnosticRenderer(Map.of(name, file)).renderAll(diagnostics));
        }
        return program.get();
    }

    /** The diagnostics of text that must not parse (fails if it parses cleanly). */
    public static List<Diagnostic> errors(String text) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<Program> program = Parser.parse(new SourceFile(FILE, text), diagnostics);
        if (program.isPresent() && !diagnostics.hasErrors()) {
            fail("expected errors, but it parsed:\n" + text);
        }
        return diagnostics.sorted();
    }

    /** Headline and help of each diagnostic, one per line: the form the exact-message table spells. */
    public static String headlines(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            out.append(d.headline()).append('\n');
            d.help().ifPresent(h -> out.append("help: ").append(h).append('\n'));
        }
        return out.toString();
    }

    /** The project root (surefire sets {@code neuromap.root}; falls back to walking up from the module). */
    public static Path projectRoot() {
        String root = System.getProperty("neuromap.root");
        if (root != null && !root.isBlank()) {
            return Path.of(root);
        }
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("compiler")) ? here : here.getParent();
    }

    /** A directory of the compiler's test resources. */
    public static Path testResource(String name) {
        return projectRoot().resolve("compiler/src/test/resources").resolve(name);
    }

    /** Every {@code .nmap} file below {@code dir}, sorted; empty if the directory does not exist. */
    public static List<Path> nmapFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".nmap")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
