package io.neuromap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.diag.DiagnosticCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The generated tables of {@code docs/language.md} match the compiler. When a model, catalog entry,
 * unit or diagnostic code changes, this fails; regenerate with
 * {@code mvn -o -pl cli -am test -Dsurefire.failIfNoSpecifiedTests=false -Dtest=DocsTest -Dneuromap.docs.update=true}.
 */
class DocsTest {
    @Test
    void generatedTablesAreCurrent() throws IOException {
        GeneratedDocSections.assertCurrent("docs/language.md", "DocsTest", LanguageDocTables.all());
    }

    @Test
    void theFirstExampleOfTheLanguageReferenceChecksClean(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        String text = Files.readString(CliRunner.repoRoot().resolve("docs/language.md"));
        int section = text.indexOf("## A first example");
        int start = text.indexOf("```\n", section) + 4;
        int end = text.indexOf("```", start);
        Path file = tmp.resolve("first_example.nmap");
        Files.writeString(file, text.substring(start, end));
        CliRunner.runCli(0, "check", "--werror", file.toString());
    }

    @Test
    void theReadmeTourShowsWhatCheckPrints(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        String readme = Files.readString(CliRunner.repoRoot().resolve("README.md"));
        String cat = "$ cat net.nmap\n";
        String run = "$ ./neuromap check net.nmap\n";
        int from = readme.indexOf(cat);
        int mid = readme.indexOf(run, from);
        int to = readme.indexOf("```", mid);
        assertTrue(from >= 0 && mid > from && to > mid, "README.md lacks the check example");
        Path file = tmp.resolve("net.nmap");
        Files.writeString(file, readme.substring(from + cat.length(), mid));
        CliRunner.Result r = CliRunner.runCli(1, "check", file.toString());
        assertEquals(readme.substring(mid + run.length(), to), r.err().replace(file.toString(), "net.nmap"));
    }

    @Test
    void everyDiagnosticCodeIsDocumented() throws IOException {
        String text = Files.readString(CliRunner.repoRoot().resolve("docs/language.md"));
        for (DiagnosticCode code : DiagnosticCode.values()) {
            assertTrue(text.contains("`" + code.id() + "`"), code::id);
        }
    }
}
