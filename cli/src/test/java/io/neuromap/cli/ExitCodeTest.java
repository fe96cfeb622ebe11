package io.neuromap.cli;

import static io.neuromap.cli.CliRunner.runCli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.Compiler;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.frontend.SourceSet;
import io.neuromap.compiler.pass.IrKind;
import io.neuromap.compiler.pass.Pass;
import io.neuromap.compiler.pass.PassContext;
import io.neuromap.compiler.pass.PassManager;
import io.neuromap.compiler.pass.Pipeline;
import io.neuromap.compiler.pass.Verifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test (at least) per exit code, through the real command line. */
class ExitCodeTest {
    private static final Pattern LOCATED_ERROR = Pattern.compile("(?m)^\\S+:\\d+:\\d+: error\\[NM-E\\d{4}\\]");
    private static final Pattern REPRODUCER = Pattern.compile("reproducer \\(command line, input files, stack trace[^)]*\\) was written to (\\S+)");

    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void okWhenTheFileIsClean() throws IOException {
        Path file = write("ok.nmap", "network N { population p[10] : lif; }\n");
        CliRunner.Result r = runCli(0, "check", file.toString());
        assertEquals("ok: " + file + "\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void okForVersionAndHelp() {
        assertTrue(runCli(0, "--version").out().startsWith("neuromap " + VersionProvider.version()));
        assertTrue(runCli(0, "--help").out().contains("Exit codes:"));
    }

    @Test
    void inputErrorOnASyntaxError() throws IOException {
        Path file = write("bad.nmap", "network N {\n  population p[10] : lif\n}\n");
        CliRunner.Result r = runCli(1, "check", file.toString());
        assertTrue(LOCATED_ERROR.matcher(r.err()).find(), r::toString);
        assertTrue(r.err().contains(file + ": 1 error, 0 warnings"), r::toString);
    }

    @Test
    void inputErrorWhenTheFileDoesNotExist() {
        Path missing = tmp.resolve("missing.nmap");
        CliRunner.Result r = runCli(1, "check", missing.toString());
        assertTrue(r.err().startsWith(missing + ":1:1: error[NM-E0501]: file `" + missing + "` does not exist"), r::toString);
    }

    @Test
    void usageErrorOnAnUnknownOption() throws IOException {
        Path file = write("ok.nmap", "network N { population p[10] : lif; }\n");
        CliRunner.Result r = runCli(2, "check", "--fromat", "json", file.toString());
        assertTrue(r.err().startsWith("neuromap: Unknown option: '--fromat'"), r::toString);
        assertTrue(r.err().contains("Usage: neuromap check"), r::toString);
        assertTrue(r.err().contains("Try 'neuromap check --help' for more information."), r::toString);
    }

    @Test
    void usageErrorOnAnUnknownPassName() throws IOException {
        Path file = write("ok.nmap", "network N { population p[10] : lif; }\n");
        CliRunner.Result r = runCli(2, "check", "--print-ir-after=analyze", file.toString());
        assertTrue(r.err().startsWith("neuromap: --print-ir-after: unknown pass `analyze`"), r::toString);
        assertTrue(r.err().contains("did you mean `analyse`?"), r::toString);
    }

    @Test
    void usageErrorWithoutAFile() {
        CliRunner.Result r = runCli(2, "check");
        assertTrue(r.err().startsWith("neuromap: Missing required parameter: 'FILE'"), r::toString);
    }

    @Test
    void usageErrorOnABadOptionValue() {
        CliRunner.Result r = runCli(2, "check", "--format", "xml", "x.nmap");
        assertTrue(r.err().contains("Invalid value for option '--format'"), r::toString);
        assertTrue(r.err().contains("text, json"), r::toString);
    }

    @Test
    void usageErrorWithoutACommand() {
        CliRunner.Result r = runCli(2);
        assertTrue(r.err().startsWith("neuromap: Missing command: give one of check"), r::toString);
    }

    @Test
    void usageErrorOnAMisspeltCommandSuggestsTheRightOne() {
        CliRunner.Result r = runCli(2, "chek", "x.nmap");
        assertTrue(r.err().contains("Did you mean: neuromap check?"), r::toString);
    }

    @Test
    void internalErrorWritesAReproducerAndNoStackTrace() throws IOException {
        Path file = write("net.nmap", "network N { population p[10] : lif; }\n");
        Toolchain failing = Toolchains.check((f, passes) -> {
            throw new IllegalStateException("simulated compiler bug");
        });
        CliRunner.Result r = runCli(failing, 3, "check", "--werror", file.toString());
        assertTrue(r.err().startsWith("neuromap: internal error: java.lang.IllegalStateException: simulated compiler bug\n"
                + "This is a bug in neuromap, not a problem with your input.\n"), r::toString);
        assertNoStackTrace(r.err());
        Path dir = reproducerDir(r);
        try {
            assertTrue(Files.readString(dir.resolve("stacktrace.txt")).contains("simulated compiler bug"));
            assertTrue(Files.readString(dir.resolve("stacktrace.txt")).contains("\tat "));
            assertEquals("neuromap check --werror " + file + "\n", Files.readString(dir.resolve("command.txt")));
            assertEquals(Files.readString(file), Files.readString(dir.resolve("inputs/0-net.nmap")));
            String readme = Files.readString(dir.resolve("README.txt"));
            assertTrue(readme.contains(file.toString()), readme);
            assertTrue(readme.contains("neuromap: " + VersionProvider.version()), readme);
        } finally {
            deleteTree(dir);
        }
    }

    @Test
    void internalErrorOnAStackOverflowInTheCompiler() throws IOException {
        Path file = write("net.nmap", "network N { population p[10] : lif; }\n");
        Toolchain failing = Toolchains.check((f, passes) -> {
            throw new StackOverflowError();
        });
        CliRunner.Result r = runCli(failing, 3, "check", file.toString());
        assertTrue(r.err().startsWith("neuromap: internal error: java.lang.StackOverflowError\n"), r::toString);
        assertNoStackTrace(r.err());
        deleteTree(reproducerDir(r));
    }

    @Test
    void internalErrorOnAFailedStaticInitialiser() throws IOException {
        Path file = write("net.nmap", "network N { population p[10] : lif; }\n");
        Toolchain failing = Toolchains.elaborate((f, passes) -> {
            throw new ExceptionInInitializerError("simulated broken table");
        });
        CliRunner.Result r = runCli(failing, 3, "inspect", file.toString());
        assertTrue(r.err().startsWith("neuromap: internal error: java.lang.ExceptionInInitializerError: simulated broken table\n"),
                r::toString);
        assertNoStackTrace(r.err());
        deleteTree(reproducerDir(r));
    }

    @Test
    void internalErrorWhenTheCompilerReturnsNeitherProgramNorError() throws IOException {
        Path file = write("net.nmap", "network N { population p[10] : lif; }\n");
        Toolchain silent = Toolchains.check((f, passes) -> new Compiler.CheckResult(new Diagnostics(),
                new SourceSet(List.of(), Map.of()), Optional.empty()));
        CliRunner.Result r = runCli(silent, 3, "check", file.toString());
        assertTrue(r.err().contains("neither a program nor an error"), r::toString);
        deleteTree(reproducerDir(r));
    }

    @Test
    void internalCompilerErrorNamesThePassAndKeepsItsInput() throws IOException {
        Path file = write("net.nmap", "network N { population p[10] : lif; }\n");
        IrKind<Path> path = IrKind.of("path", Path.class, Verifier.none(), Path::toString);
        Pass<Path, Path> explode = new Pass<>() {
            @Override
            public String name() {
                return "explode";
            }

            @Override
            public String description() {
                return "a pass with a bug";
            }

            @Override
            public IrKind<Path> requires() {
                return path;
            }

            @Override
            public IrKind<Path> provides() {
                return path;
            }

            @Override
            public Path run(Path input, PassContext context) {
                throw new ArithmeticException("simulated pass bug");
            }
        };
        Toolchain failing = Toolchains.check((f, passes) -> {
            PassManager manager = PassManager.builder(Pipeline.of(List.of(explode))).build();
            manager.run(f, new Diagnostics());
            throw new AssertionError("the pass manager should have thrown");
        });
        CliRunner.Result r = runCli(failing, 3, "check", file.toString());
        assertTrue(r.err().startsWith("neuromap: internal error (a bug in neuromap): pass `explode` threw an exception "
                + "in pipeline `explode`\n  - java.lang.ArithmeticException: simulated pass bug\n"), r::toString);
        assertNoStackTrace(r.err());
        Path dir = reproducerDir(r);
        try {
            String passInput = Files.readString(dir.resolve("pass-input.txt"));
            assertTrue(passInput.contains("// failing pass: explode"), passInput);
            assertTrue(passInput.contains(file.toString()), passInput);
        } finally {
            deleteTree(dir);
        }
    }

    private static void assertNoStackTrace(String err) {
        assertFalse(err.contains("\tat "), err);
        assertFalse(err.contains("Exception in thread"), err);
    }

    private static Path reproducerDir(CliRunner.Result r) {
        Matcher m = REPRODUCER.matcher(r.err());
        assertTrue(m.find(), r::toString);
        Path dir = Path.of(m.group(1));
        assertTrue(Files.isDirectory(dir), dir::toString);
        return dir;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
