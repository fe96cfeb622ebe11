package io.neuromap.backends.loihi1.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The optional {@code modulation} section: written and read back equal, absent from configs
 * without modulators, and each defect reported at its pointer; plus the program's arithmetic.
 */
class Loihi1ModulationConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** The fixture sample with a program: one modulator counting chip 0 core 0 cx 2, a bias and a vth effect. */
    static Loihi1Config modulated() {
        Loihi1Config base = Loihi1ConfigFixtures.sample();
        Loihi1Modulator da = new Loihi1Modulator("DA", 3277, 65209, 19661, 2, new Loihi1ModulatorSource(new int[] {0},
                new int[] {0}, new int[] {2}, new int[] {3, 9}, new int[] {1, 4}));
        Loihi1ModulationLut lut = new Loihi1ModulationLut(0, 10, new int[] {0, 5, 40, 120, 200});
        Loihi1ModulationEffect bias = new Loihi1ModulationEffect("d1: excitability +=", 0, Loihi1ModulationRegister.BIAS,
                Loihi1ModulationOp.ADD, 20, lut, new int[] {0, 0}, new int[] {0, 0}, new int[] {0, 1},
                new int[] {1 << 20, 3 << 19});
        Loihi1ModulationEffect vth = new Loihi1ModulationEffect("d2: threshold +=", 0, Loihi1ModulationRegister.VTH,
                Loihi1ModulationOp.ADD, 8, new Loihi1ModulationLut(0, 16, new int[] {0, 256}), new int[] {0},
                new int[] {0}, new int[] {1}, new int[] {-7});
        return base.withModulation(new Loihi1Modulation(List.of(da), List.of(bias, vth)));
    }

    @Test
    void writeThenReadGivesAnEqualProgram() throws Exception {
        Loihi1Config config = modulated();
        Path written = Loihi1ConfigWriter.write(config, tmp.resolve("out"));
        Loihi1Config read = Loihi1ConfigReader.read(written);
        assertEquals(config.modulation(), read.modulation());
        assertEquals(config, read);
    }

    @Test
    void aConfigWithoutModulatorsHasNoSection() throws Exception {
        Path written = Loihi1ConfigWriter.write(Loihi1ConfigFixtures.sample(), tmp.resolve("plain"));
        String text = Files.readString(written);
        assertFalse(text.contains("\"modulation\""));
        assertTrue(Loihi1ConfigReader.read(written).modulation().isEmpty());
    }

    private Path variant(Consumer<ObjectNode> edit) throws Exception {
        Path file = Loihi1ConfigWriter.write(modulated(), Files.createTempDirectory(tmp, "bad"));
        Path dir = file.getParent();
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        edit.accept(root);
        JSON.writeValue(file.toFile(), root);
        return dir;
    }

    private static List<String> problems(Path dir) {
        Loihi1ConfigException e = assertThrows(Loihi1ConfigException.class, () -> Loihi1ConfigReader.read(dir));
        return e.problems().stream().map(Loihi1ConfigProblem::message).collect(Collectors.toList());
    }

    @Test
    void keepAboveUnityIsASchemaViolation() throws Exception {
        Path dir = variant(root -> ((ObjectNode) root.at("/modulation/modulators/0")).put("keep", 70000));
        assertEquals(List.of("config.json: /modulation/modulators/0/keep: must have a maximum value of 65536"),
                problems(dir));
    }

    @Test
    void unknownRegisterIsASchemaViolation() throws Exception {
        Path dir = variant(root -> ((ObjectNode) root.at("/modulation/effects/0")).put("register", "gain"));
        List<String> problems = problems(dir);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("config.json: /modulation/effects/0/register: "), problems.toString());
    }

    @Test
    void missingTargetsAreLocated() throws Exception {
        Path dir = variant(root -> {
            ((com.fasterxml.jackson.databind.node.ArrayNode) root.at("/modulation/effects/0/targets/index")).set(1,
                    JSON.getNodeFactory().numberNode(99));
            ((com.fasterxml.jackson.databind.node.ArrayNode) root.at("/modulation/effects/1/targets/index")).set(0,
                    JSON.getNodeFactory().numberNode(5));
            ((com.fasterxml.jackson.databind.node.ArrayNode) root.at("/modulation/modulators/0/source/core")).set(0,
                    JSON.getNodeFactory().numberNode(7));
            ((ObjectNode) root.at("/modulation/effects/1")).put("modulator", 3);
        });
        assertEquals(List.of(
                "config.json: /modulation/modulators/0/source/compartment/0: chip 0, core 7 is not in the config",
                "config.json: /modulation/effects/0/targets/index/1: compartment 99 outside [0, 2]",
                "config.json: /modulation/effects/1/modulator: modulator 3 does not exist: the section lists 1 "
                        + "modulators (indices from 0)",
                "config.json: /modulation/effects/1/targets/index/0: threshold profile 5 outside [0, 1]: chip 0, "
                        + "core 0 has 2 threshold profiles"), problems(dir));
    }

    @Test
    void rowsOfDifferentLengthsAndUnorderedHostStepsAreLocated() throws Exception {
        Path dir = variant(root -> {
            ((com.fasterxml.jackson.databind.node.ArrayNode) root.at("/modulation/effects/0/targets/scale")).remove(0);
            ((com.fasterxml.jackson.databind.node.ArrayNode) root.at("/modulation/modulators/0/source/host_step"))
                    .set(1, JSON.getNodeFactory().numberNode(3));
        });
        assertEquals(List.of(
                "config.json: /modulation/effects/0/targets/scale: has 1 values, but the first array of this object "
                        + "has 2: every array here has one value per row"), problems(dir));
        Path unordered = variant(root -> ((com.fasterxml.jackson.databind.node.ArrayNode) root.at(
                "/modulation/modulators/0/source/host_step")).set(1, JSON.getNodeFactory().numberNode(3)));
        assertEquals(List.of("config.json: /modulation/modulators/0/source/host_step/1: host step 3 must be >= 0 and "
                + "after the previous row's: one row per step, ascending"), problems(unordered));
    }

    @Test
    void arithmeticIsTheDocumentedIntegerRecurrence() {
        // Toward-zero decay on both sides of the baseline.
        assertEquals(100 + 50, Loihi1ModulationArithmetic.decay(201, 100, 1 << 15));
        assertEquals(100 - 50, Loihi1ModulationArithmetic.decay(-1, 100, 1 << 15));
        // Interpolation and extrapolation of a table.
        Loihi1ModulationLut lut = new Loihi1ModulationLut(0, 4, new int[] {0, 160, 200});
        assertEquals(80, Loihi1ModulationArithmetic.lookup(lut, 8));
        assertEquals(180, Loihi1ModulationArithmetic.lookup(lut, 24));
        assertEquals(240, Loihi1ModulationArithmetic.lookup(lut, 48), "the last segment extends");
        assertEquals(-80, Loihi1ModulationArithmetic.lookup(lut, -8), "the first segment extends");
        // Bias re-encoding: the smallest exponent whose mantissa fits 13 bits signed.
        assertEquals(4095, Loihi1ModulationArithmetic.encodeBias(4095));
        assertEquals(4096, Loihi1ModulationArithmetic.encodeBias(4096));
        assertEquals(8192, Loihi1ModulationArithmetic.encodeBias(8193), "exponent 2: round(8193 / 4) = 2048");
        assertEquals(4095 << 7, Loihi1ModulationArithmetic.encodeBias(1L << 40));
        assertEquals(1, Loihi1ModulationArithmetic.clampVth(-5));
        assertEquals(15, Loihi1ModulationArithmetic.combine(Loihi1ModulationOp.MULTIPLY, 10, 0, 3 << 7, 8),
                "10 x 1.5 (384 / 2^8)");
    }
}
