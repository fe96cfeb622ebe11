package io.neuromap.backends.loihi1.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.neuromap.backends.loihi1.Loihi1SignMode;
import io.neuromap.backends.loihi1.Loihi1System;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-written example (also in docs/config-loihi1.md) reads, with every default applied. */
class Loihi1ConfigHandWrittenTest {

    @TempDir
    Path tmp;

    static Path handWritten() throws URISyntaxException {
        return Path.of(Loihi1ConfigHandWrittenTest.class.getResource("/loihi1/config/hand_written/config.json").toURI());
    }

    @Test
    void readsWithDefaults() throws Exception {
        Loihi1Config config = Loihi1ConfigReader.read(handWritten().getParent());
        assertEquals(Loihi1System.SINGLE_CHIP, config.system());
        assertEquals(Loihi1Arithmetic.NENGO_LOIHI, config.arithmetic());
        Loihi1CoreConfig core = config.core(0, 0);
        assertEquals(2, core.compartmentCount());
        assertEquals(2, core.inputAxonCount());
        Loihi1CompartmentProfile profile = core.compartmentProfiles().get(0);
        assertEquals(Loihi1CompartmentProfile.lif(409, 205, 2), profile);
        Loihi1SynapseFormatEntry format = core.synapseFormat(1);
        assertEquals(Loihi1SignMode.MIXED, format.signMode());
        assertEquals(8, format.numWeightBits());
        assertEquals(3, format.maxDelay());
        assertEquals(12, format.format().realIndexBits());
        assertEquals(63, format.format().synapsesPerChunkField());
        assertArrayEquals(new int[] {0, 2, 3}, core.synapses().axonStart());
        assertArrayEquals(new short[] {200, -60, 120}, core.synapses().weight());
        assertArrayEquals(new byte[] {0, 0, 2}, core.synapses().delay());
        assertArrayEquals(new int[] {0, 3, 5, 9}, config.spikes().step());
        assertArrayEquals(new int[] {0, 0, 0, 1}, config.spikes().axon());
        assertEquals(Loihi1CurrentStimuli.none(), config.current());
        assertEquals(1, config.probes().get(0).every());
        assertEquals(List.of("relay", "out"), List.of(config.origin().populations().get(0).name(),
                config.origin().populations().get(1).name()));
    }

    @Test
    void rewritingTheHandWrittenConfigReadsBackEqual() throws Exception {
        Loihi1Config config = Loihi1ConfigReader.read(handWritten());
        Loihi1ConfigWriter.write(config, tmp.resolve("again"));
        assertEquals(config, Loihi1ConfigReader.read(tmp.resolve("again")));
    }
}
