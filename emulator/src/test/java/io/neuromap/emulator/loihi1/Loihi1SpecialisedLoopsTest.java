package io.neuromap.emulator.loihi1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.loihi1.config.Loihi1Arithmetic;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The specialised compartment loops ({@link Loihi1CoreRuns}: plain runs, ADD pairs, general runs
 * cut where the stack is empty) compute exactly what the general tree loop computes on whole
 * cores: a random multi-core network whose tree cores mix plain compartments, ADD pairs, PASS
 * pairs, three-compartment trees under every join and peek chains runs both ways, and every
 * spike, probed value, overflow count and synaptic event count agree.
 */
class Loihi1SpecialisedLoopsTest {

    private static final int STEPS = 150;

    @ParameterizedTest
    @EnumSource(Loihi1Arithmetic.class)
    void specialisedLoopsGiveTheGeneralTreeLoopsResultsOnMixedTrees(Loihi1Arithmetic arithmetic) throws Exception {
        Loihi1Config config = Loihi1RandomNetwork.generate(7321L, arithmetic, 8, 500, 20, STEPS, 60, true);
        Loihi1Emulation emulation = Loihi1Emulation.of(config);
        assertEquals(List.of(), emulation.violations());
        Loihi1RunOptions one = new Loihi1RunOptions(1, false);
        Loihi1RunResult general = emulation.run(STEPS, one, Loihi1Loops.GENERAL);
        assertTrue(general.spikes().count() > 10L * STEPS, "spikes: " + general.spikes().count());
        for (Loihi1Loops loops : List.of(Loihi1Loops.SPECIALISED, Loihi1Loops.VECTORISED)) {
            Loihi1RunResult fast = emulation.run(STEPS, one, loops);
            SameRun.assertSame(general, fast, loops.toString());
            assertEquals(general.synapticEvents(), fast.synapticEvents(), loops + ": synaptic events");
            assertSpikeProbeMatchesRaster(fast, 500);
        }
    }

    /** The spike probe (written from the fired lists) says 1 exactly where the raster has a spike. */
    private static void assertSpikeProbeMatchesRaster(Loihi1RunResult result, int compartments) {
        Loihi1ProbeTrace probe = result.trace("all_spikes");
        int[][] expected = new int[STEPS][probe.columns()];
        Loihi1SpikeRaster raster = result.spikes();
        int total = probe.columns() - compartments;
        for (int k = 0; k < raster.count(); k++) {
            int g = raster.core()[k] * compartments + raster.compartment()[k];
            expected[raster.step()[k]][total - 1 - g] = 1;
            if (g < compartments) {
                expected[raster.step()[k]][total + g] = 1;
            }
        }
        for (int t = 0; t < STEPS; t++) {
            for (int j = 0; j < probe.columns(); j++) {
                assertEquals(expected[t][j], probe.value(t, j), "spike probe at step " + t + ", column " + j);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Loihi1Arithmetic.class)
    void mixedTreeCoresAreCutIntoEveryKindOfRun(Loihi1Arithmetic arithmetic) throws Exception {
        Loihi1Config config = Loihi1RandomNetwork.generate(7321L, arithmetic, 8, 500, 20, STEPS, 60, true);
        try (Loihi1Emulator emulator = Loihi1Emulator.fromConfig(new Loihi1ValidatedConfig(config),
                new Loihi1RunOptions(1, false))) {
            Loihi1CoreRuns runs = emulator.runs();
            boolean[] seen = new boolean[3];
            for (byte[] kinds : runs.kind) {
                for (byte kind : kinds) {
                    seen[kind] = true;
                }
            }
            assertTrue(seen[Loihi1CoreRuns.PLAIN] && seen[Loihi1CoreRuns.PAIR] && seen[Loihi1CoreRuns.GENERAL]);
            assertEquals(500, runs.bounds[0][runs.bounds[0].length - 1]);
        }
    }
}
