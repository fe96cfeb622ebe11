package io.neuromap.backends.loihi1.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neuromap.backends.loihi1.Loihi1LavaWeights;
import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1SignMode;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Loihi 1 golden trace of a kind the emulator replays is expressible in the config format:
 * it converts, validates, writes, and reads back equal, and the weights the chip would use (after
 * the clipping and truncation the emulator applies) are exactly the golden ones.
 */
class Loihi1ConfigGoldenTest {

    @TempDir
    Path tmp;

    static JsonNode golden(String name) throws Exception {
        try (InputStream in = Loihi1ConfigGoldenTest.class.getResourceAsStream("/golden/loihi1/" + name + ".json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lava_lif_impulse", "lava_lif_random200", "lava_dense_lif_mixed", "nengo_loihi_lif_input"})
    void goldenFileBecomesAValidConfigThatRoundTrips(String name) throws Exception {
        Loihi1Config config = Loihi1GoldenConfigs.convert(name, golden(name)).config();
        assertEquals(List.of(), Loihi1ConfigValidator.validate(config));
        Loihi1ConfigWriter.write(config, tmp.resolve(name));
        assertEquals(config, Loihi1ConfigReader.read(tmp.resolve(name)));
    }

    @Test
    void lavaDenseWeightsTruncateToTheGoldenEffectiveWeights() throws Exception {
        JsonNode golden = golden("lava_dense_lif_mixed");
        Loihi1CoreConfig core = Loihi1GoldenConfigs.convert("lava_dense_lif_mixed", golden).config().core(0, 0);
        Loihi1SynapseFormatEntry format = core.synapseFormat(1);
        JsonNode effective = golden.at("/dense/weights_effective");
        Loihi1Synapses synapses = core.synapses();
        for (int s = 0; s < synapses.count(); s++) {
            int chip = Loihi1LavaWeights.denseWeight(synapses.weight()[s], format.signMode(), format.numWeightBits());
            assertEquals(effective.get(synapses.compartment()[s]).get(synapses.axonOf(s)).asInt(), chip);
        }
    }

    @Test
    void nengoWeightsAreStoredExactly() throws Exception {
        JsonNode golden = golden("nengo_loihi_lif_input");
        Loihi1CoreConfig core = Loihi1GoldenConfigs.convert("nengo_loihi_lif_input", golden).config().core(0, 0);
        JsonNode weights = golden.at("/connections/0/weights");
        int[][] seen = new int[weights.size()][core.compartmentCount()];
        Loihi1Synapses synapses = core.synapses();
        for (int s = 0; s < synapses.count(); s++) {
            Loihi1SynapseFormatEntry format = core.synapseFormat(synapses.format()[s]);
            int stored = Loihi1LavaWeights.denseWeight(synapses.weight()[s], format.signMode(), format.numWeightBits());
            seen[synapses.axonOf(s)][synapses.compartment()[s]] += stored << (Loihi1Limits.ACTIVATION_SHIFT
                    + format.format().weightExp());
        }
        for (int a = 0; a < weights.size(); a++) {
            for (int c = 0; c < core.compartmentCount(); c++) {
                assertEquals(weights.get(a).get(c).asInt(), seen[a][c], "axon " + a + ", compartment " + c);
            }
        }
        assertEquals(Loihi1SignMode.INHIBITORY, core.synapseFormat(2).signMode());
    }
}
