package io.neuromap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The generated tables of {@code docs/targets.md} match what {@code neuromap targets} prints. When
 * a limit, system, model or rule changes, this fails; regenerate with
 * {@code mvn -o -pl cli -am test -Dsurefire.failIfNoSpecifiedTests=false -Dtest=TargetsDocTest -Dneuromap.docs.update=true}.
 */
class TargetsDocTest {
    private static final String UPDATE = "neuromap.docs.update";

    private static Map<String, String> sections() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("targets", TargetsMarkdown.list(TargetCatalog.entries()));
        out.put("loihi1", TargetsMarkdown.sheet(TargetCatalog.loihi1()));
        return out;
    }

    @Test
    void generatedTablesAreCurrent() throws IOException {
        Path doc = CliRunner.repoRoot().resolve("docs/targets.md");
        String text = Files.readString(doc);
        String updated = text;
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> section : sections().entrySet()) {
            String name = section.getKey();
            String begin = "<!-- BEGIN GENERATED " + name + " (from the compiler by TargetsDocTest; do not edit) -->\n";
            String end = "<!-- END GENERATED " + name + " -->";
            Pattern p = Pattern.compile(Pattern.quote(begin) + "(.*?)" + Pattern.quote(end), Pattern.DOTALL);
            Matcher m = p.matcher(updated);
            assertTrue(m.find(), () -> "docs/targets.md lacks the generated section " + name);
            if (!m.group(1).equals(section.getValue())) {
                stale.add(name);
                updated = updated.substring(0, m.start(1)) + section.getValue() + updated.substring(m.end(1));
            }
        }
        if (Boolean.getBoolean(UPDATE) && !stale.isEmpty()) {
            Files.writeString(doc, updated);
            return;
        }
        assertEquals(List.of(), stale, "docs/targets.md is stale; rerun this test with -D" + UPDATE + "=true");
    }

    @Test
    void everyRuleIdIsDocumented() throws IOException {
        String text = Files.readString(CliRunner.repoRoot().resolve("docs/targets.md"));
        TargetCatalog.loihi1().rules().forEach(r -> assertTrue(text.contains("`" + r.id() + "`"), r::id));
    }
}
