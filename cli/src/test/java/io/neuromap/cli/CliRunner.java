package io.neuromap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Runs the CLI in-process and captures what it prints, so that tests neither fork JVMs nor touch System.out. */
final class CliRunner {
    private CliRunner() {
    }

    /** What one run printed and returned. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit code " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Runs {@code neuromap args...} with the real compiler and asserts the exit code. */
    static Result runCli(int expectedExitCode, String... args) {
        return runCli(Toolchain.COMPILER, expectedExitCode, args);
    }

    /** Runs {@code neuromap args...} with {@code toolchain} behind the commands and asserts the exit code. */
    static Result runCli(Toolchain toolchain, int expectedExitCode, String... args) {
        Result result = run(toolchain, args);
        assertEquals(expectedExitCode, result.exitCode(), () -> "neuromap " + String.join(" ", args) + "\n" + result);
        return result;
    }

    /** Runs without asserting the exit code. */
    static Result run(Toolchain toolchain, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(toolchain, new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** The repository root, which surefire passes as the system property {@code neuromap.root}. */
    static Path repoRoot() {
        String root = System.getProperty("neuromap.root");
        if (root == null || root.isBlank()) {
            throw new IllegalStateException("system property neuromap.root is not set; run the tests through Maven");
        }
        return Path.of(root);
    }

    /** Every {@code samples/*.nmap}, sorted by name. */
    static List<Path> samples() {
        try (Stream<Path> files = Files.list(repoRoot().resolve("samples"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".nmap")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
