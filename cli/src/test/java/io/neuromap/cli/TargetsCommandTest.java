package io.neuromap.cli;

import static io.neuromap.cli.CliRunner.runCli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.mapping.Loihi1ResourceModel;
import io.neuromap.backends.loihi1.rules.Loihi1Rule;
import io.neuromap.backends.loihi1.rules.Loihi1Rules;
import io.neuromap.backends.report.RuleInfo;
import io.neuromap.compiler.mapping.MappingRule;
import io.neuromap.compiler.model.Catalog;
import io.neuromap.compiler.model.ModelLibrary;
import io.neuromap.compiler.model.NeuronModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void listsEveryTargetTheLanguageAcceptsWithItsStatus() {
        CliRunner.Result r = runCli(0, "targets");
        assertTrue(r.out().startsWith("loihi1      available  Intel Loihi 1: 128 neuromorphic cores per chip"), r::toString);
        assertTrue(r.out().contains("\nspinnaker1  planned    "), r::toString);
        for (String name : Catalog.targetNames()) {
            assertTrue(r.out().contains(name), name);
        }
        assertTrue(r.err().isEmpty(), r::toString);
    }

    @Test
    void showsLoihi1LimitsSystemsModelsAndRules() {
        CliRunner.Result r = runCli(0, "targets", "loihi1");
        String out = r.out();
        assertTrue(out.startsWith("loihi1 (available): "), r::toString);
        assertTrue(out.contains("\ncore\n  compartments              1024 compartments"), out);
        assertTrue(out.contains("  input axons               4096 axons"), out);
        assertTrue(out.contains("  synaptic memory           1048576 bits"), out);
        assertTrue(out.contains("\nnumber formats\n"), out);
        assertTrue(out.contains("  threshold mantissa                1..131071 x 2^6"), out);
        assertTrue(out.contains("  pohoiki-springs     768 chips"), out);
        assertTrue(out.contains("  izhikevich   does not run  "), out);
        assertTrue(out.contains("\n  LOIHI1-AXIN-001     InputAxonsWithinCoreLimit           a core has one synapse-map entry "
                + "per presynaptic neuron"), out);
        assertTrue(out.contains("\n                                                          fix: lower the number of distinct "
                + "presynaptic neurons per neuron\n"), out);
        assertTrue(out.contains("\n  LOIHI1-SRC-001      ProjectionsEndOnCores               "), out);
        assertTrue(out.contains("\n  LOIHI1-PROBE-001    ProbesRecordable                    "), out);
        assertTrue(out.contains("\n  LOIHI1-LEARN-003    RewardChannelsWithinCoreLimit       "), out);
    }

    @Test
    void jsonSheetCarriesTheSameContent() throws IOException {
        JsonNode root = MAPPER.readTree(runCli(0, "targets", "loihi1", "--json").out());
        assertEquals("loihi1", root.get("name").asText());
        assertEquals("available", root.get("status").asText());
        boolean found = false;
        for (JsonNode l : root.get("limits")) {
            if (l.get("group").asText().equals("core") && l.get("name").asText().equals("input axons")) {
                assertEquals(String.valueOf(Loihi1Limits.INPUT_AXONS_PER_CORE), l.get("value").asText());
                assertEquals("axons", l.get("unit").asText());
                assertTrue(l.get("source").asText().contains("Davies18"));
                found = true;
            }
        }
        assertTrue(found);
        assertEquals("single-chip", root.at("/systems/0/name").asText());
        assertEquals(768, root.at("/systems/3/chips").asInt());
        List<String> ids = new ArrayList<>();
        root.get("rules").forEach(rule -> ids.add(rule.get("id").asText()));
        assertTrue(ids.containsAll(List.of("LOIHI1-CX-001", "LOIHI1-AXIN-001", "LOIHI1-SYNMEM-001", "LOIHI1-CHIP-001")),
                ids::toString);
    }

    @Test
    void jsonListHasNameStatusSummary() throws IOException {
        JsonNode list = MAPPER.readTree(runCli(0, "targets", "--json").out());
        assertEquals(Catalog.targetNames().size(), list.size());
        assertEquals("loihi1", list.get(0).get("name").asText());
        assertEquals("available", list.get(0).get("status").asText());
        assertEquals("planned", list.get(1).get("status").asText());
    }

    @Test
    void aPlannedTargetSaysSo() {
        CliRunner.Result r = runCli(0, "targets", "spinnaker1");
        assertEquals("spinnaker1 (planned): accepted in `target` blocks; neuromap has no backend for it yet\n", r.out());
    }

    @Test
    void unknownTargetIsAUsageErrorWithTheList() {
        CliRunner.Result r = runCli(2, "targets", "loihi3");
        assertTrue(r.err().startsWith("neuromap: unknown target 'loihi3' (did you mean 'loihi1'?); the targets are: "
                + "loihi1 (available), spinnaker1 (planned)\n"), r::toString);
        assertTrue(r.out().isEmpty(), r::toString);
        CliRunner.Result far = runCli(2, "targets", "truenorth");
        assertTrue(far.err().startsWith("neuromap: unknown target 'truenorth'; the targets are: loihi1 (available), "
                + "spinnaker1 (planned)\n"), far::toString);
    }

    @Test
    void everyModelOfTheLanguageIsAssessedForLoihi1() {
        List<String> assessed = TargetCatalog.loihi1Models().stream().map(TargetSheet.ModelRow::model).toList();
        assertEquals(ModelLibrary.all().stream().map(NeuronModel::name).toList(), assessed);
    }

    @Test
    void rulesAreTheRuleSetWithEveryIdTheMappingEngineNames() {
        List<String> ids = TargetCatalog.loihi1Rules().stream().map(RuleInfo::id).toList();
        assertEquals(Loihi1Rules.all().stream().map(Loihi1Rule::id).toList(), ids);
        assertEquals(30, ids.size(), ids::toString);
        Loihi1ResourceModel model = Loihi1ResourceModel.of(Loihi1Limits.singleChip());
        model.resources().forEach(res -> assertTrue(ids.contains(res.ruleId()), res::ruleId));
        for (MappingRule rule : MappingRule.values()) {
            assertTrue(ids.contains(model.ruleId(rule)), model.ruleId(rule));
        }
        for (RuleInfo r : TargetCatalog.loihi1Rules()) {
            assertTrue(r.name().matches("[A-Z][A-Za-z]+"), r::name);
            assertTrue(!r.summary().isBlank() && !r.help().isBlank(), r::id);
        }
    }
}
