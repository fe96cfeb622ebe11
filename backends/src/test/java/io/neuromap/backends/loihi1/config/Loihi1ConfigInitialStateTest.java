package io.neuromap.backends.loihi1.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional {@code initial_state} table: round trips in both forms, stays optional, and rejects bad values. */
class Loihi1ConfigInitialStateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** The fixture config with initial states on chip 0: core 0 inline (3 rows), core 1 in a sidecar. */
    static Loihi1Config withInitialState() {
        Loihi1Config base = Loihi1ConfigFixtures.sample();
        List<Loihi1ChipConfig> chips = new ArrayList<>();
        for (Loihi1ChipConfig chip : base.chips()) {
            if (chip.id() != 0) {
                chips.add(chip);
                continue;
            }
            List<Loihi1CoreConfig> cores = new ArrayList<>();
            for (Loihi1CoreConfig core : chip.cores()) {
                Loihi1InitialState state;
                if (core.id() == 0) {
                    state = new Loihi1InitialState(new int[] {0, 1, 2}, new int[] {-(1 << 23), 0, (1 << 23) - 1},
                            new int[] {0, 6400, (1 << 23) - 1});
                } else {
                    int n = core.compartmentCount();
                    int[] cx = new int[n];
                    int[] u = new int[n];
                    int[] v = new int[n];
                    for (int i = 0; i < n; i++) {
                        cx[i] = i;
                        u[i] = i - 30;
                        v[i] = 100 * i;
                    }
                    state = new Loihi1InitialState(cx, u, v);
                }
                cores.add(new Loihi1CoreConfig(core.id(), core.singletons(), core.compartmentProfiles(),
                        core.thresholdProfiles(), core.compartments(), core.treeEdges(), core.synapseFormats(),
                        core.synapses(), core.outputAxons(), state));
            }
            chips.add(new Loihi1ChipConfig(chip.id(), cores));
        }
        return new Loihi1Config(base.system(), base.arithmetic(), base.dt(), base.steps(), base.seed(), chips,
                base.spikes(), base.current(), base.probes(), base.origin());
    }

    @Test
    void roundTripsInlineAndAsSidecar() throws Exception {
        Loihi1Config config = withInitialState();
        assertEquals(List.of(), Loihi1ConfigValidator.validate(config));
        Path out = tmp.resolve("out");
        Loihi1ConfigWriter.write(config, out);
        assertEquals(config, Loihi1ConfigReader.read(out));
        JsonNode root = JSON.readTree(out.resolve("config.json").toFile());
        assertEquals("[[0,-8388608,0],[1,0,6400],[2,8388607,8388607]]",
                root.at("/chips/0/cores/0/initial_state/rows").toString());
        assertEquals("[\"compartment\",\"u\",\"v\"]", root.at("/chips/0/cores/0/initial_state/columns").toString());
        assertEquals("chip0_core1_initial_state.npy", root.at("/chips/0/cores/1/initial_state/file").asText());
        assertEquals("<i4", root.at("/chips/0/cores/1/initial_state/dtype").asText());
        assertTrue(Files.exists(out.resolve("chip0_core1_initial_state.npy")));
        assertTrue(root.at("/chips/1/cores/0/initial_state").isMissingNode(), "cores without one omit it");
        assertEquals(1, root.get("version").asInt());
    }

    @Test
    void aVersionOneConfigWithoutTheTableStartsAtReset() throws Exception {
        Loihi1Config config = Loihi1ConfigReader.read(Loihi1ConfigHandWrittenTest.handWritten());
        for (Loihi1ChipConfig chip : config.chips()) {
            for (Loihi1CoreConfig core : chip.cores()) {
                assertEquals(Loihi1InitialState.none(), core.initialState());
            }
        }
        Path out = tmp.resolve("plain");
        Loihi1ConfigWriter.write(Loihi1ConfigFixtures.sample(), out);
        assertFalse(Files.readString(out.resolve("config.json")).contains("initial_state"));
    }

    @Test
    void badInlineValuesAreLocated() throws Exception {
        // Core 0 of the hand-written config: 2 compartments, nengo-loihi singletons (vmin 0, vmax 2^23 - 1).
        List<String> problems = problems(table -> {
            table.addArray().add(0).add(1 << 23).add(0);
            table.addArray().add(0).add(0).add(-5);
            table.addArray().add(2).add(0).add(1 << 23);
        });
        assertEquals(List.of(
                "config.json: /chips/0/cores/0/initial_state/rows/0: u 8388608 outside [-8388608, 8388607]",
                "config.json: /chips/0/cores/0/initial_state/rows/1: compartment 0 after compartment 0: rows must be "
                        + "ordered by compartment, each compartment once; v -5 outside [0, 8388607] (this core's "
                        + "[vmin, vmax])",
                "config.json: /chips/0/cores/0/initial_state/rows/2: compartment 2 outside [0, 1]; v 8388608 outside "
                        + "[0, 8388607] (this core's [vmin, vmax])"),
                problems);
    }

    @Test
    void validatorChecksInMemoryTables() {
        Loihi1Config config = withInitialState();
        Loihi1CoreConfig core = config.chips().get(0).cores().get(0);
        Loihi1CoreConfig bad = new Loihi1CoreConfig(core.id(), core.singletons(), core.compartmentProfiles(),
                core.thresholdProfiles(), core.compartments(), core.treeEdges(), core.synapseFormats(),
                core.synapses(), core.outputAxons(), new Loihi1InitialState(new int[] {1}, new int[] {0},
                        new int[] {-1}));
        List<Loihi1ChipConfig> chips = new ArrayList<>(config.chips());
        List<Loihi1CoreConfig> cores = new ArrayList<>(chips.get(0).cores());
        cores.set(0, bad);
        chips.set(0, new Loihi1ChipConfig(0, cores));
        Loihi1Config edited = new Loihi1Config(config.system(), config.arithmetic(), config.dt(), config.steps(),
                config.seed(), chips, config.spikes(), config.current(), config.probes(), config.origin());
        List<String> messages = Loihi1ConfigValidator.validate(edited).stream().map(Loihi1ConfigProblem::message)
                .collect(Collectors.toList());
        assertEquals(List.of("config.json: /chips/0/cores/0/initial_state: row 0: v -1 outside [0, 8388607] "
                + "(this core's [vmin, vmax])"), messages);
    }

    private List<String> problems(java.util.function.Consumer<ArrayNode> rows) throws Exception {
        Path source = Loihi1ConfigHandWrittenTest.handWritten().getParent();
        Path dir = Files.createDirectories(tmp.resolve("cfg"));
        Files.copy(source.resolve("spikes.npy"), dir.resolve("spikes.npy"));
        ObjectNode root = (ObjectNode) JSON.readTree(source.resolve("config.json").toFile());
        ObjectNode table = ((ObjectNode) root.at("/chips/0/cores/0")).putObject("initial_state");
        table.putArray("columns").add("compartment").add("u").add("v");
        rows.accept(table.putArray("rows"));
        JSON.writeValue(dir.resolve("config.json").toFile(), root);
        Loihi1ConfigException e = assertThrows(Loihi1ConfigException.class, () -> Loihi1ConfigReader.read(dir));
        return e.problems().stream().map(Loihi1ConfigProblem::message).collect(Collectors.toList());
    }
}
