package io.neuromap.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generated tables of {@code docs/targets.md} match what {@code neuromap targets} prints. When
 * a limit, system, model or rule changes, this fails; regenerate with
 * {@code mvn -o -pl cli -am test -Dsurefire.failIfNoSpecifiedTests=false -Dtest=TargetsDocTest -Dneuromap.docs.update=true}.
 */
class TargetsDocTest {
    private static Map<String, String> sections() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("targets", TargetsMarkdown.list(TargetCatalog.entries()));
        out.put("loihi1", TargetsMarkdown.sheet(TargetCatalog.loihi1()));
        return out;
    }

    @Test
    void generatedTablesAreCurrent() throws IOException {
        GeneratedDocSections.assertCurrent("docs/targets.md", "TargetsDocTest", sections());
    }

    @Test
    void everyRuleIdIsDocumented() throws IOException {
        String text = Files.readString(CliRunner.repoRoot().resolve("docs/targets.md"));
        TargetCatalog.loihi1().rules().forEach(r -> assertTrue(text.contains("`" + r.id() + "`"), r::id));
    }
}
