package io.neuromap.backends.loihi1.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code learning} section: it round-trips, a config without it is written without it and
 * reads as before, a hand-written one reads, and each defect gets its located message.
 */
class Loihi1LearningConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Pair STDP on format 1 of chip 0 core 0 (the hand-written config's), as docs/config-loihi1.md shows it. */
    static final String LEARNING = "{\"rules\": [{\"name\": \"stdp\", \"dw\": ["
            + "{\"dependency\": \"y0\", \"mantissa\": 1, \"exponent\": -2, \"factors\": [{\"variable\": \"x1\"}]},"
            + "{\"dependency\": \"x0\", \"mantissa\": -1, \"exponent\": -3, \"factors\": [{\"variable\": \"y1\"}]}],"
            + "\"x1\": {\"impulse\": 20, \"tau\": 8}, \"y1\": {\"impulse\": 24, \"tau\": 6}}],"
            + "\"cores\": [{\"chip\": 0, \"core\": 0, \"t_epoch\": 2, \"formats\": [{\"format\": 1, \"rule\": 0}]}]}";

    @TempDir
    Path tmp;

    private Path variant(Consumer<ObjectNode> edit) throws Exception {
        Path source = Loihi1ConfigHandWrittenTest.handWritten().getParent();
        Path dir = Files.createDirectories(tmp.resolve("cfg"));
        Files.copy(source.resolve("spikes.npy"), dir.resolve("spikes.npy"));
        ObjectNode root = (ObjectNode) JSON.readTree(source.resolve("config.json").toFile());
        root.set("learning", JSON.readTree(LEARNING));
        edit.accept(root);
        JSON.writeValue(dir.resolve("config.json").toFile(), root);
        return dir;
    }

    private static List<String> problems(Path dir) {
        Loihi1ConfigException e = assertThrows(Loihi1ConfigException.class, () -> Loihi1ConfigReader.read(dir));
        return e.problems().stream().map(Loihi1ConfigProblem::message).collect(Collectors.toList());
    }

    private static ObjectNode at(ObjectNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    @Test
    void handWrittenLearningReadsAndRoundTrips() throws Exception {
        Loihi1Config config = Loihi1ConfigReader.read(variant(root -> { }));
        Loihi1Learning learning = config.learning();
        assertEquals(1, learning.rules().size());
        assertEquals(config.seed(), learning.seed());
        Loihi1Learning.Rule rule = learning.rules().get(0);
        assertEquals("1*2^-2 * y0 * x1", rule.dw().get(0).toString());
        assertEquals(new Loihi1Learning.Trace(20, 8), rule.x1());
        assertEquals(2, learning.core(0, 0).tEpoch());
        Path out = tmp.resolve("out");
        Loihi1ConfigWriter.write(config, out);
        assertEquals(config, Loihi1ConfigReader.read(out));
    }

    @Test
    void everyFieldRoundTrips() throws Exception {
        Loihi1Config base = Loihi1ConfigFixtures.sample();
        Loihi1CoreConfig core = base.chips().get(0).cores().get(0);
        int chip = base.chips().get(0).id();
        Loihi1Learning.Rule rule = new Loihi1Learning.Rule("da",
                List.of(new Loihi1Learning.Product(Loihi1Learning.Variable.U, 1, -3, 2, List.of(
                        new Loihi1Learning.Factor(Loihi1Learning.Variable.T, 0),
                        new Loihi1Learning.Factor(Loihi1Learning.Variable.R1, -5),
                        new Loihi1Learning.Factor(Loihi1Learning.Variable.SGN_W, -100)))),
                List.of(new Loihi1Learning.Product(Loihi1Learning.Variable.Y0, 0, 7, -7, List.of(
                        new Loihi1Learning.Factor(Loihi1Learning.Variable.X1, 0)))),
                new Loihi1Learning.Trace(32, 20), new Loihi1Learning.Trace(1.5, 20), new Loihi1Learning.Trace(0.00390625, 200));
        Loihi1Learning learning = new Loihi1Learning(42, List.of(rule, rule), List.of(new Loihi1Learning.Core(chip,
                core.id(), 8, List.of(new Loihi1Learning.FormatRule(1, 0, 0)), new int[] {0}, new int[] {2},
                new int[] {1})), List.of(new Loihi1Learning.WeightProbe("w", 10,
                        List.of(new Loihi1Learning.SynapseSet(chip, core.id(), 1)))));
        Loihi1Config config = base.withLearning(learning);
        assertEquals(List.of(), Loihi1ConfigValidator.validate(config));
        Loihi1ConfigWriter.write(config, tmp.resolve("out"));
        assertEquals(config, Loihi1ConfigReader.read(tmp.resolve("out")));
    }

    @Test
    void aConfigWithoutLearningIsWrittenWithoutTheSection() throws Exception {
        Loihi1Config config = Loihi1ConfigFixtures.sample();
        Loihi1ConfigWriter.write(config, tmp.resolve("out"));
        JsonNode root = JSON.readTree(tmp.resolve("out").resolve("config.json").toFile());
        assertFalse(root.has("learning"));
        assertTrue(Loihi1ConfigReader.read(tmp.resolve("out")).learning().isEmpty());
    }

    @Test
    void aMantissaOutOfItsFieldIsASchemaViolation() throws Exception {
        Path dir = variant(root -> at(root, "/learning/rules/0/dw/0").put("mantissa", 9));
        assertEquals(List.of("config.json: /learning/rules/0/dw/0/mantissa: must have a maximum value of 7"),
                problems(dir));
    }

    @Test
    void aFormatTheCoreDoesNotHaveIsNamed() throws Exception {
        Path dir = variant(root -> at(root, "/learning/cores/0/formats/0").put("format", 5));
        assertEquals(List.of("config.json: /learning/cores/0/formats/0/format: format 5 is not a synapse format "
                + "of the core, or is listed twice"), problems(dir));
    }

    @Test
    void aRuleReadingR1NeedsAnR1Trace() throws Exception {
        Path dir = variant(root -> ((com.fasterxml.jackson.databind.node.ArrayNode) at(root, "/learning/rules/0/dw/0")
                .get("factors")).addObject().put("variable", "r1"));
        List<String> problems = problems(dir);
        assertTrue(problems.contains("config.json: /learning/rules/0: rule 'stdp' reads r1 but has no r1 trace; "
                + "add \"r1\": {\"impulse\": ..., \"tau\": ...}"), problems.toString());
    }

    @Test
    void aRewardAxonOutsideTheCoreIsNamed() throws Exception {
        Path dir = variant(root -> at(root, "/learning/cores/0").putArray("reward_axons").add(7));
        assertEquals(List.of("config.json: /learning/cores/0/reward_axons/0: input axon 7 is not one of the core's 2"),
                problems(dir));
    }

    @Test
    void anImpulseBetweenTheChipsStepsIsNamed() throws Exception {
        Path dir = variant(root -> at(root, "/learning/rules/0/x1").put("impulse", 0.001));
        assertEquals(List.of("config.json: /learning/rules/0/x1/impulse: impulse 0.001 must be 0..127 in steps of "
                + "1/256"), problems(dir));
    }

    @Test
    void aRuleOffsetPastTheRulesIsNamed() throws Exception {
        Path dir = variant(root -> at(root, "/learning/cores/0").putArray("rule_offsets").addObject()
                .put("compartment", 0).put("offset", 1));
        assertEquals(List.of("config.json: /learning/cores/0/formats/0/rule: rule 0 (plus rule offsets up to 1) is "
                + "not one of the 1 rules"), problems(dir));
    }
}
