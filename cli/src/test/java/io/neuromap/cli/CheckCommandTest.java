package io.neuromap.cli;

import static io.neuromap.cli.CliRunner.runCli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neuromap.compiler.Compiler;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code neuromap check} prints and returns, in both formats and with warnings. */
class CheckCommandTest {
    /** A character that is not in the language, at 3:3: a lexical error, so its position does not depend on parser recovery. */
    private static final String BAD = "network N {\n  population p[10] : lif;\n  $\n}\n";
    private static final String GOOD = "network N { population p[10] : lif; }\n";

    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** The real compiler, plus one warning at the start of every file it checks. */
    private static final Toolchain WITH_WARNING = Toolchains.check((file, passes) -> {
        Compiler.CheckResult result = Toolchain.COMPILER.check(file, passes);
        SourceFile source = result.sources().files().get(file.toString());
        result.diagnostics().report(DiagnosticCode.UNUSED_MODULATOR, source.span(0, 7), "modulator `DA` is not used by any pathway",
                "add a pathway that uses it, or remove it");
        return result;
    });

    @Test
    void textRendersHeadlineSourceLineCaretAndSummary() throws IOException {
        Path file = write("bad.nmap", BAD);
        CliRunner.Result r = runCli(1, "check", file.toString());
        String[] lines = r.err().split("\n");
        assertTrue(lines[0].startsWith(file + ":3:3: error[NM-E0004]: "), r::toString);
        assertEquals(" 3 |   $", lines[1], r::toString);
        assertEquals("   |   ^", lines[2], r::toString);
        assertEquals(file + ": 1 error, 0 warnings", lines[lines.length - 1], r::toString);
        assertEquals("", r.out());
    }

    @Test
    void jsonListsEveryDiagnosticWithItsSpan() throws IOException {
        Path file = write("bad.nmap", BAD);
        CliRunner.Result r = runCli(1, "check", "--format", "json", file.toString());
        JsonNode array = new ObjectMapper().readTree(r.out());
        assertEquals(1, array.size(), r::toString);
        JsonNode d = array.get(0);
        assertEquals("NM-E0004", d.get("code").asText());
        assertEquals("error", d.get("severity").asText());
        assertEquals(file.toString(), d.get("file").asText());
        assertEquals(3, d.get("line").asInt());
        assertEquals(3, d.get("column").asInt());
        assertEquals(3, d.get("endLine").asInt());
        assertEquals(4, d.get("endColumn").asInt());
        assertTrue(d.get("message").asText().length() > 0);
        assertTrue(d.has("help"));
        assertEquals("", r.err(), "json mode keeps standard error free");
    }

    @Test
    void jsonOfACleanFileIsAnEmptyArray() throws IOException {
        Path file = write("ok.nmap", GOOD);
        CliRunner.Result r = runCli(0, "check", "--format=JSON", file.toString());
        assertEquals("[ ]\n", r.out());
    }

    @Test
    void warningsPassUnlessWerror() throws IOException {
        Path file = write("ok.nmap", GOOD);
        CliRunner.Result r = runCli(WITH_WARNING, 0, "check", file.toString());
        assertTrue(r.err().startsWith(file + ":1:1: warning[NM-W0001]: modulator `DA` is not used by any pathway\n"), r::toString);
        assertTrue(r.err().contains("  help: add a pathway that uses it, or remove it\n"), r::toString);
        assertTrue(r.err().endsWith("ok: " + file + " (1 warning)\n"), r::toString);

        CliRunner.Result strict = runCli(WITH_WARNING, 1, "check", "--werror", file.toString());
        assertTrue(strict.err().endsWith(file + ": 1 warning (treated as errors: --werror)\n"), strict::toString);
    }

    @Test
    void passInstrumentsPrintOnStandardError() throws IOException {
        Path file = write("ok.nmap", GOOD);
        CliRunner.Result r = runCli(0, "check", "--print-ir-after=analyse", "--pass-stats", "--pass-timing", file.toString());
        assertTrue(r.err().contains("IR after analyse"), r::toString);
        assertTrue(r.err().contains("load"), r::toString);
        assertTrue(r.err().endsWith("ok: " + file + "\n"), r::toString);
        assertEquals("", r.out());
        runCli(0, "check", "--no-verify-each", file.toString());
    }

    @Test
    void severalFilesAreAllCheckedAndTotalled() throws IOException {
        Path good = write("good.nmap", GOOD);
        Path bad = write("bad.nmap", BAD);
        CliRunner.Result r = runCli(1, "check", bad.toString(), good.toString());
        assertTrue(r.err().contains(bad + ": 1 error, 0 warnings\n"), r::toString);
        assertTrue(r.err().contains("ok: " + good + "\n"), r::toString);
        assertTrue(r.err().endsWith("checked 2 files: 1 error, 0 warnings\n"), r::toString);
    }
}
