package io.neuromap.backends.loihi1.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuromap.backends.npy.NpyDtype;
import io.neuromap.backends.npy.NpyWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad configs, one defect each (plus one with many): the exact located message, and nothing
 * half-read or half-written.
 */
class Loihi1ConfigBadTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** The hand-written config copied to a fresh directory, with {@code edit} applied to its JSON. */
    private Path variant(Consumer<ObjectNode> edit) throws Exception {
        Path source = Loihi1ConfigHandWrittenTest.handWritten().getParent();
        Path dir = Files.createDirectories(tmp.resolve("cfg"));
        Files.copy(source.resolve("spikes.npy"), dir.resolve("spikes.npy"));
        ObjectNode root = (ObjectNode) JSON.readTree(source.resolve("config.json").toFile());
        edit.accept(root);
        JSON.writeValue(dir.resolve("config.json").toFile(), root);
        return dir;
    }

    private static List<String> problems(Path dir) {
        Loihi1ConfigException e = assertThrows(Loihi1ConfigException.class, () -> Loihi1ConfigReader.read(dir));
        List<String> messages = e.problems().stream().map(Loihi1ConfigProblem::message).collect(Collectors.toList());
        assertEquals(String.join("\n", messages), e.getMessage());
        return messages;
    }

    private static ObjectNode core(ObjectNode root) {
        return (ObjectNode) root.at("/chips/0/cores/0");
    }

    private static ArrayNode rows(ObjectNode root, String table) {
        return (ArrayNode) core(root).at("/" + table + "/rows");
    }

    private static void sidecar(ObjectNode table, String file, NpyDtype dtype, long rows, long columns) {
        table.remove("rows");
        table.put("file", file);
        table.put("dtype", dtype.descr());
        ArrayNode shape = table.putArray("shape");
        shape.add(rows);
        shape.add(columns);
    }

    private static void npy(Path path, NpyDtype dtype, long[][] rows) throws IOException {
        try (NpyWriter writer = NpyWriter.create(path, dtype, rows.length, rows[0].length)) {
            for (long[] row : rows) {
                for (long value : row) {
                    writer.writeLong(value);
                }
            }
        }
    }

    @Test
    void schemaViolationIsReportedAtItsPointer() throws Exception {
        Path dir = variant(root -> ((ObjectNode) core(root).at("/compartment_profiles/0")).put("decay_u", 5000));
        assertEquals(List.of("config.json: /chips/0/cores/0/compartment_profiles/0/decay_u: must have a maximum value "
                + "of 4095"), problems(dir));
    }

    @Test
    void unknownFieldAndMissingFieldAreSchemaViolations() throws Exception {
        Path dir = variant(root -> {
            core(root).remove("input_axons");
            core(root).put("input_axon", 2);
        });
        List<String> problems = problems(dir);
        assertTrue(problems.contains("config.json: /chips/0/cores/0: required property 'input_axons' not found"),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("config.json: /chips/0/cores/0: property "
                + "'input_axon' is not defined")), problems.toString());
    }

    @Test
    void outOfRangeInlineValueNamesTheRow() throws Exception {
        Path dir = variant(root -> ((ArrayNode) rows(root, "synapses").get(1)).set(3, JSON.valueToTree(300)));
        assertEquals(List.of("config.json: /chips/0/cores/0/synapses/rows/1: weight 300 outside [-256, 255]"),
                problems(dir));
    }

    @Test
    void outOfRangeSidecarValueNamesSidecarAndRow() throws Exception {
        Path dir = variant(root -> sidecar((ObjectNode) core(root).get("synapses"), "syn.npy", NpyDtype.INT16, 3, 5));
        npy(dir.resolve("syn.npy"), NpyDtype.INT16, new long[][] {{0, 1, 0, 200, 0}, {0, 1, 1, 300, 0},
            {1, 1, 1, 120, 9}});
        assertEquals(List.of(
                "config.json: /chips/0/cores/0/synapses: sidecar syn.npy: row 1: weight 300 outside [-256, 255]",
                "config.json: /chips/0/cores/0/synapses: sidecar syn.npy: row 2: delay 9 does not fit synapse format 1 "
                        + "(its delay field holds 0..3)"), problems(dir));
    }

    @Test
    void truncatedSidecarIsReportedWithOffsets() throws Exception {
        Path dir = variant(root -> { });
        byte[] bytes = Files.readAllBytes(dir.resolve("spikes.npy"));
        Files.write(dir.resolve("spikes.npy"), java.util.Arrays.copyOf(bytes, bytes.length - 5));
        assertEquals(List.of("config.json: /stimuli/spikes: sidecar spikes.npy: offset 251: truncated: the header "
                + "declares shape (4, 4) of '<i8' (128 bytes of data from offset 128), but the file ends after 123 "
                + "bytes of data"), problems(dir));
    }

    @Test
    void sidecarDtypeMustMatchTheDeclaration() throws Exception {
        Path dir = variant(root -> ((ObjectNode) root.at("/stimuli/spikes")).put("dtype", "<i4"));
        assertEquals(List.of("config.json: /stimuli/spikes: sidecar spikes.npy: dtype '<i8' in the file, but "
                + "config.json declares '<i4'"), problems(dir));
    }

    @Test
    void floatTablesAreRejectedBySchema() throws Exception {
        Path dir = variant(root -> ((ObjectNode) root.at("/stimuli/spikes")).put("dtype", "<f8"));
        List<String> problems = problems(dir);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("config.json: /stimuli/spikes/dtype: "), problems.toString());
    }

    @Test
    void sidecarShapeMustMatchTheDeclaration() throws Exception {
        Path dir = variant(root -> ((ArrayNode) root.at("/stimuli/spikes/shape")).set(0, JSON.valueToTree(5)));
        assertEquals(List.of("config.json: /stimuli/spikes: sidecar spikes.npy: shape (4, 4) in the file, but "
                + "config.json declares [5, 4]"), problems(dir));
    }

    @Test
    void missingSidecarIsReported() throws Exception {
        Path dir = variant(root -> ((ObjectNode) root.at("/stimuli/spikes")).put("file", "nothere.npy"));
        assertEquals(List.of("config.json: /stimuli/spikes: sidecar nothere.npy: file not found"), problems(dir));
    }

    @Test
    void badProfileIndexIsReported() throws Exception {
        Path dir = variant(root -> ((ArrayNode) rows(root, "compartment_table").get(1)).set(0, JSON.valueToTree(1)));
        assertEquals(List.of("config.json: /chips/0/cores/0/compartment_table/rows/1: cx_profile 1 outside [0, 0]"),
                problems(dir));
    }

    @Test
    void routingToAMissingCoreIsReported() throws Exception {
        Path dir = variant(root -> ((ArrayNode) rows(root, "output_axons").get(0)).set(2, JSON.valueToTree(5)));
        assertEquals(List.of("config.json: /chips/0/cores/0/output_axons/rows/0: chip 0, core 5 is not in the config"),
                problems(dir));
    }

    @Test
    void treeEdgesMustMatchTheStackOperations() throws Exception {
        Path dir = variant(root -> {
            ArrayNode edges = core(root).putObject("tree_edges").put("x", 0).putArray("columns");
            edges.add("child").add("parent").add("port");
            ((ObjectNode) core(root).get("tree_edges")).remove("x");
            ((ObjectNode) core(root).get("tree_edges")).putArray("rows").addArray().add(0).add(1).add(0);
        });
        assertEquals(List.of("config.json: /chips/0/cores/0/tree_edges: edge child 0 -> parent 1 (input A) is not "
                + "what the profiles' stack_in/stack_out do"), problems(dir));
    }

    @Test
    void unbalancedStackIsReported() throws Exception {
        Path dir = variant(root -> ((ObjectNode) core(root).at("/compartment_profiles/0")).put("stack_out", "push"));
        assertEquals(List.of(
                "config.json: /chips/0/cores/0/compartment_table: compartment 0 pushes a value that no later "
                        + "compartment pops (the stack must be empty at the end of each step)",
                "config.json: /chips/0/cores/0/compartment_table: compartment 1 pushes a value that no later "
                        + "compartment pops (the stack must be empty at the end of each step)"), problems(dir));
    }

    @Test
    void everyCompartmentNeedsAnOriginRow() throws Exception {
        Path dir = variant(root -> ((ArrayNode) root.at("/origin/table/rows")).remove(1));
        assertEquals(List.of("config.json: /origin/table: chip 0, core 0, compartment 1 has no origin row (every "
                + "compartment needs one)"), problems(dir));
    }

    @Test
    void allProblemsOfAPhaseAreReportedTogether() throws Exception {
        Path dir = variant(root -> {
            ((ArrayNode) rows(root, "synapses").get(0)).set(2, JSON.valueToTree(7));
            ((ArrayNode) rows(root, "synapses").get(2)).set(0, JSON.valueToTree(0));
            ((ArrayNode) root.at("/origin/table/rows").get(1)).set(4, JSON.valueToTree(3));
        });
        assertEquals(List.of(
                "config.json: /chips/0/cores/0/synapses/rows/0: compartment 7 outside [0, 1]",
                "config.json: /origin/table/rows/1: neuron 3 outside [0, 0]"), problems(dir));
    }

    @Test
    void invalidJsonGivesLineAndColumn() throws Exception {
        Path dir = variant(root -> { });
        Files.writeString(dir.resolve("config.json"), "{\n  \"format\": \"neuromap-loihi1-config\",\n  \"version\" 1\n}");
        List<String> problems = problems(dir);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("config.json: line 3, column 13: invalid JSON: "), problems.toString());
    }

    @Test
    void newerVersionGetsOneClearMessage() throws Exception {
        Path dir = variant(root -> root.put("version", 2));
        assertEquals(List.of("config.json: /version: format version 2 is not supported: this neuromap reads version 1"),
                problems(dir));
    }

    @Test
    void missingConfigFileIsReported() {
        List<String> problems = problems(tmp.resolve("nowhere"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("config.json: file not found"), problems.toString());
    }

    @Test
    void invalidModelIsNotWrittenAtAll() {
        Loihi1Config good = Loihi1ConfigFixtures.sample();
        Loihi1Probe bad = new Loihi1Probe("bad name", Loihi1ProbeVariable.CURRENT, 0, new int[] {0}, new int[] {0},
                new int[] {9});
        Loihi1Config config = new Loihi1Config(good.system(), good.arithmetic(), good.dt(), good.steps(), good.seed(),
                good.chips(), good.spikes(), good.current(), List.of(bad), good.origin());
        Loihi1ConfigException e = assertThrows(Loihi1ConfigException.class,
                () -> Loihi1ConfigWriter.write(config, tmp.resolve("out")));
        assertEquals(List.of(
                "config.json: /probes/0/name: probe name 'bad name' may contain only letters, digits, '_', '.' and '-' "
                        + "(it names output files)",
                "config.json: /probes/0/every: every 0 must be >= 1",
                "config.json: /probes/0/targets: row 0: compartment 9 outside [0, 2]"),
                e.problems().stream().map(Loihi1ConfigProblem::message).collect(Collectors.toList()));
        assertFalse(Files.exists(tmp.resolve("out")));
        assertEquals(List.of(), list(tmp));
    }

    @Test
    void failedPublishLeavesNoConfigAndNoTemporaries() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("config.json"), "old");
        // A non-empty directory where a sidecar must go makes the move fail.
        Files.createDirectories(out.resolve("origin.npy").resolve("blocker"));
        Loihi1ConfigException e = assertThrows(Loihi1ConfigException.class,
                () -> Loihi1ConfigWriter.write(Loihi1ConfigFixtures.sample(), out));
        assertTrue(e.getMessage().contains("cannot write the config"), e.getMessage());
        assertEquals(List.of("origin.npy"), list(out));
    }

    private static List<String> list(Path dir) {
        try {
            return Loihi1ConfigRoundTripTest.list(dir);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

}
