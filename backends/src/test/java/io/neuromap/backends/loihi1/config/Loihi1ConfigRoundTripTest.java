package io.neuromap.backends.loihi1.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Loihi1ConfigRoundTripTest {

    @TempDir
    Path tmp;

    @Test
    void writeThenReadGivesAnEqualConfig() throws Exception {
        Loihi1Config config = Loihi1ConfigFixtures.sample();
        assertEquals(List.of(), Loihi1ConfigValidator.validate(config));
        Path written = Loihi1ConfigWriter.write(config, tmp.resolve("out"));
        assertEquals(tmp.resolve("out").resolve("config.json"), written);
        Loihi1Config read = Loihi1ConfigReader.read(tmp.resolve("out"));
        assertEquals(config, read);
        assertEquals(config, Loihi1ConfigReader.read(written));
    }

    @Test
    void bulkTablesGoToSidecarsAndSmallOnesStayInline() throws Exception {
        Path out = tmp.resolve("out");
        Loihi1ConfigWriter.write(Loihi1ConfigFixtures.sample(), out);
        assertEquals(List.of("chip0_core0_synapses.npy", "chip0_core1_compartments.npy", "chip0_core1_synapses.npy",
                "chip1_core0_synapses.npy", "config.json", "origin.npy", "stimuli_current.npy", "stimuli_spikes.npy"),
                list(out));
        JsonNode root = new ObjectMapper().readTree(out.resolve("config.json").toFile());
        JsonNode core0 = root.at("/chips/0/cores/0");
        assertTrue(core0.at("/compartment_table/rows").isArray());
        assertEquals("[[1,0,0,0],[0,0,500,0],[2,1,-300,3]]", core0.at("/compartment_table/rows").toString());
        JsonNode big = root.at("/chips/0/cores/1/compartment_table");
        assertEquals("chip0_core1_compartments.npy", big.get("file").asText());
        assertEquals("<i2", big.get("dtype").asText());
        assertEquals("[" + Loihi1ConfigFixtures.BIG_CORE_COMPARTMENTS + ",4]", big.get("shape").toString());
        assertEquals("[\"axon\",\"synapse_format\",\"compartment\",\"weight\",\"delay\"]",
                core0.at("/synapses/columns").toString());
        assertEquals("neuromap-loihi1-config", root.get("format").asText());
        assertEquals(1, root.get("version").asInt());
    }

    @Test
    void outputIsByteForByteDeterministic() throws Exception {
        Loihi1Config config = Loihi1ConfigFixtures.sample();
        Loihi1ConfigWriter.write(config, tmp.resolve("a"));
        Loihi1ConfigWriter.write(config, tmp.resolve("b"));
        for (String name : list(tmp.resolve("a"))) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(name)),
                    Files.readAllBytes(tmp.resolve("b").resolve(name)), name);
        }
    }

    @Test
    void writingIntoAnExistingDirectoryKeepsOtherFilesAndLeavesNoTemporaries() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("report.txt"), "report");
        Loihi1ConfigWriter.write(Loihi1ConfigFixtures.sample(), out);
        Loihi1ConfigWriter.write(Loihi1ConfigFixtures.sample(), out);
        assertEquals("report", Files.readString(out.resolve("report.txt")));
        assertTrue(list(out).contains("config.json"));
        assertFalse(list(out).stream().anyMatch(name -> name.startsWith(".")), list(out).toString());
        assertEquals(Loihi1ConfigFixtures.sample(), Loihi1ConfigReader.read(out));
    }

    static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
