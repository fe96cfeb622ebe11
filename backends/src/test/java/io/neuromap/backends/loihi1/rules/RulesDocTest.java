package io.neuromap.backends.loihi1.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code docs/lowering-loihi1.md} lists every rule, with its predicate and severity. */
class RulesDocTest {
    @Test
    void everyRuleIsDocumented() throws Exception {
        String root = System.getProperty("neuromap.root");
        assertTrue(root != null && !root.isBlank(), "run through Maven (neuromap.root)");
        String doc = Files.readString(Path.of(root, "docs", "lowering-loihi1.md"));
        for (Loihi1Rule rule : Loihi1Rules.all()) {
            String row = "| " + rule.id() + " | " + rule.predicate() + " | " + rule.severity().label() + " |";
            assertTrue(doc.contains(row), "docs/lowering-loihi1.md lacks " + row);
        }
    }
}
