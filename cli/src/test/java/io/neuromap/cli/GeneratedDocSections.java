package io.neuromap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check behind every doc whose tables are generated from the code: each section between its
 * {@code BEGIN GENERATED}/{@code END GENERATED} markers must equal what the code produces now.
 * With {@code -Dneuromap.docs.update=true} a stale doc is rewritten instead of failing.
 */
final class GeneratedDocSections {
    /** The system property that turns a failing check into a rewrite. */
    static final String UPDATE = "neuromap.docs.update";

    private GeneratedDocSections() {
    }

    /**
     * Asserts that every section of {@code doc} (relative to the repository root) is current.
     *
     * @param generator the test class named in the BEGIN marker
     * @param sections the section names and their generated content, in document order
     */
    static void assertCurrent(String doc, String generator, Map<String, String> sections) throws IOException {
        Path path = CliRunner.repoRoot().resolve(doc);
        String updated = Files.readString(path);
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> section : sections.entrySet()) {
            String name = section.getKey();
            String begin = "<!-- BEGIN GENERATED " + name + " (from the compiler by " + generator + "; do not edit) -->\n";
            String end = "<!-- END GENERATED " + name + " -->";
            Pattern p = Pattern.compile(Pattern.quote(begin) + "(.*?)" + Pattern.quote(end), Pattern.DOTALL);
            Matcher m = p.matcher(updated);
            assertTrue(m.find(), () -> doc + " lacks the generated section " + name);
            if (!m.group(1).equals(section.getValue())) {
                stale.add(name);
                updated = updated.substring(0, m.start(1)) + section.getValue() + updated.substring(m.end(1));
            }
        }
        if (Boolean.getBoolean(UPDATE) && !stale.isEmpty()) {
            Files.writeString(path, updated);
            return;
        }
        assertEquals(List.of(), stale, doc + " is stale; rerun this test with -D" + UPDATE + "=true");
    }
}
