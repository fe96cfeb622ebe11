package io.neuromap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.diag.DiagnosticCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The generated tables of {@code docs/language.md} match the compiler. When a model, catalog entry,
 * unit or diagnostic code changes, this fails; regenerate with
 * {@code mvn -o -pl cli -am test -Dsurefire.failIfNoSpecifiedTests=false -Dtest=DocsTest -Dneuromap.docs.update=true}.
 */
class DocsTest {
    private static final String UPDATE = "neuromap.docs.update";

    private static String begin(String name) {
        return "<!-- BEGIN GENERATED " + name + " (from the compiler by DocsTest; do not edit) -->\n";
    }

    private static String end(String name) {
        return "<!-- END GENERATED " + name + " -->";
    }

    @Test
    void generatedTablesAreCurrent() throws IOException {
        Path doc = CliRunner.repoRoot().resolve("docs/language.md");
        String text = Files.readString(doc);
        String updated = text;
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> section : LanguageDocTables.all().entrySet()) {
            String name = section.getKey();
            Pattern p = Pattern.compile(Pattern.quote(begin(name)) + "(.*?)" + Pattern.quote(end(name)), Pattern.DOTALL);
            Matcher m = p.matcher(updated);
            assertTrue(m.find(), () -> "docs/language.md lacks the generated section " + name);
            if (!m.group(1).equals(section.getValue())) {
                stale.add(name);
                updated = updated.substring(0, m.start(1)) + section.getValue() + updated.substring(m.end(1));
            }
        }
        if (Boolean.getBoolean(UPDATE) && !stale.isEmpty()) {
            Files.writeString(doc, updated);
            return;
        }
        assertEquals(List.of(), stale, "docs/language.md is stale; rerun this test with -D" + UPDATE + "=true");
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
