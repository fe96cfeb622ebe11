package io.neuromap.emulator.loihi1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.loihi1.config.Loihi1Arithmetic;
import io.neuromap.backends.loihi1.config.Loihi1CompartmentProfile;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1ProbeVariable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spike probes are recorded sparse: a probe of 50,000 compartments for 5,000 steps (a billion
 * bytes as a dense int32 matrix) holds only its spikes, the same ones for any thread count, and
 * says 1 exactly where the spike log has a spike; a spike probe bigger than any array records, and
 * a state probe of that size is still refused before the run, by name.
 */
class Loihi1SpikeProbeTest {

    private static final int CORES = 100;
    private static final int PER_CORE = 500;
    private static final int STEPS = 5_000;
    /** Threshold mantissa: v must reach {@code VTH << 6} = 64,000 to spike. */
    private static final int VTH = 1_000;

    /**
     * {@code cores x perCore} leak-free LIF compartments driven by their biases alone, each
     * spiking every 64,000 / bias steps (bias 16 to 79: every 810 to 4,000 steps); every
     * compartment is probed for spikes every {@code every} steps, in reverse order so that a core's
     * columns descend, and the first compartments are probed for voltage as well.
     */
    private static Loihi1Config network(int cores, int perCore, int steps, int every) {
        Loihi1TestConfig builder = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI).steps(steps);
        Loihi1CompartmentProfile lif = Loihi1CompartmentProfile.lif(4095, 0, 1);
        for (int c = 0; c < cores; c++) {
            Loihi1TestConfig.Core core = builder.core(0, c);
            for (int i = 0; i < perCore; i++) {
                core.compartment(lif, VTH, 16 + (c * 31 + i * 7) % 64, 0);
            }
        }
        int total = cores * perCore;
        int[] chip = new int[total];
        int[] core = new int[total];
        int[] compartment = new int[total];
        for (int j = 0; j < total; j++) {
            int g = total - 1 - j;
            core[j] = g / perCore;
            compartment[j] = g % perCore;
        }
        builder.probe("spikes", Loihi1ProbeVariable.SPIKES, every, chip, core, compartment);
        builder.probe("v", Loihi1ProbeVariable.VOLTAGE, 100, new int[4], new int[4], new int[] {0, 1, 2, 3});
        return builder.build();
    }

    @Test
    void fiftyThousandColumnsForFiveThousandStepsHoldOnlyTheirSpikes() throws Exception {
        Loihi1Config config = network(CORES, PER_CORE, STEPS, 1);
        Loihi1Emulation emulation = Loihi1Emulation.of(config);
        assertEquals(List.of(), emulation.violations());
        Loihi1ProbeBuffers buffers;
        Loihi1SpikeLog log = new Loihi1SpikeLog();
        Loihi1SpikeRaster raster;
        List<Loihi1ProbeTrace> traces;
        try (Loihi1Emulator emulator = Loihi1Emulator.fromConfig(new Loihi1ValidatedConfig(config),
                new Loihi1RunOptions(3, false))) {
            buffers = new Loihi1ProbeBuffers(config.probes(), emulator.state(), STEPS);
            emulator.attach(buffers);
            emulator.attach(log);
            emulator.run(STEPS);
            raster = log.raster(emulator.state());
            traces = buffers.traces();
        }
        int spikes = raster.count();
        assertTrue(spikes > 50_000 && spikes < 500_000, "spikes: " + spikes);
        Loihi1ProbeTrace trace = traces.get(0);
        assertTrue(trace.sparse());
        assertEquals(STEPS, trace.rows());
        assertEquals(CORES * PER_CORE, trace.columns());
        // One column per compartment: one recorded spike per spike of the log, and nothing else.
        assertEquals(spikes, trace.spikeCount());
        assertEquals(spikes, trace.spikeStart(STEPS));
        // 250 million values dense; sparse, the buffers hold two ints per spike plus doubling slack.
        long dense = (long) STEPS * CORES * PER_CORE;
        long held = buffers.heldInts();
        assertTrue(held <= 4L * spikes + 2L * 64 * CORES + 4L * STEPS / 100, "ints held: " + held);
        assertTrue(held * 100 < dense, "ints held: " + held + " of " + dense);
        assertFalse(traces.get(1).sparse());
        assertEquals(4 * STEPS / 100, traces.get(1).rows() * traces.get(1).columns());

        for (int k = 0; k < spikes; k++) {
            int column = CORES * PER_CORE - 1 - (raster.core()[k] * PER_CORE + raster.compartment()[k]);
            assertEquals(1, trace.value(raster.step()[k], column), "spike " + k);
        }
        for (int r = 0; r < STEPS; r++) {
            for (int i = trace.spikeStart(r) + 1; i < trace.spikeStart(r + 1); i++) {
                assertTrue(trace.spikeColumn(i) > trace.spikeColumn(i - 1), "columns ascend in row " + r);
            }
        }
        assertEquals(0, trace.value(0, 0), "nothing spikes in step 0");

        Loihi1RunResult one = emulation.run(STEPS, new Loihi1RunOptions(1, false));
        assertEquals(raster, one.spikes());
        assertEquals(traces, one.traces(), "the same probes on 1 and 3 threads");
    }

    @Test
    void aSpikeProbeRecordsEveryFewStepsTheSpikesOfItsSampledSteps() throws Exception {
        Loihi1Config config = network(4, 200, 3_000, 7);
        Loihi1RunResult result = Loihi1Emulation.of(config).run(new Loihi1RunOptions(2, false));
        Loihi1ProbeTrace trace = result.trace("spikes");
        assertEquals(3_000 / 7, trace.rows());
        boolean[][] expected = new boolean[trace.rows()][trace.columns()];
        int sampled = 0;
        Loihi1SpikeRaster raster = result.spikes();
        for (int k = 0; k < raster.count(); k++) {
            int step = raster.step()[k];
            if ((step + 1) % 7 == 0 && (step + 1) / 7 <= trace.rows()) {
                expected[(step + 1) / 7 - 1][trace.columns() - 1 - (raster.core()[k] * 200 + raster.compartment()[k])] =
                        true;
                sampled++;
            }
        }
        assertTrue(sampled > 10, "sampled spikes: " + sampled);
        assertEquals(sampled, trace.spikeCount());
        for (int r = 0; r < trace.rows(); r++) {
            assertEquals(6 + 7 * r, trace.stepOfRow(r));
            for (int j = 0; j < trace.columns(); j++) {
                assertEquals(expected[r][j] ? 1 : 0, trace.value(r, j), "row " + r + ", column " + j);
            }
        }
    }

    @Test
    void aSpikeProbeLargerThanAnArrayRecordsAndAStateProbeThatLargeIsRefusedByName() throws Exception {
        // One compartment, probed 50,000 times, for 50,000 steps: 2.5e9 values, more than an int array holds.
        int columns = 50_000;
        int steps = 50_000;
        Loihi1TestConfig builder = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI).steps(steps);
        builder.core(0, 0).compartment(Loihi1CompartmentProfile.lif(4095, 0, 1), VTH, 8, 0);
        builder.probe("wide", Loihi1ProbeVariable.SPIKES, 1, new int[columns], new int[columns], new int[columns]);
        Loihi1RunResult result = Loihi1Emulation.of(builder.build()).run(new Loihi1RunOptions(1, false));
        Loihi1ProbeTrace trace = result.trace("wide");
        int spikes = result.spikes().count();
        assertTrue(spikes >= 5 && spikes <= 7, "the compartment spikes about every 8,000 steps: " + spikes);
        assertEquals((long) spikes * columns, trace.spikeCount());
        for (int k = 0; k < spikes; k++) {
            int step = result.spikes().step()[k];
            assertEquals(columns, trace.spikeStart(step + 1) - trace.spikeStart(step));
            assertEquals(1, trace.value(step, columns - 1));
            assertEquals(0, trace.value(step - 1, columns - 1));
        }

        Loihi1TestConfig dense = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI).steps(steps);
        dense.core(0, 0).compartment(Loihi1CompartmentProfile.lif(4095, 0, 1), VTH, 8, 0);
        dense.probe("wide_v", Loihi1ProbeVariable.VOLTAGE, 1, new int[columns], new int[columns], new int[columns]);
        Loihi1Emulation emulation = Loihi1Emulation.of(dense.build());
        Loihi1EmulationException e = assertThrows(Loihi1EmulationException.class,
                () -> emulation.run(new Loihi1RunOptions(1, false)));
        assertTrue(e.getMessage().startsWith("probe 'wide_v' would record 2500000000 values in 50000 steps"),
                e.getMessage());
        assertTrue(e.getMessage().contains("record every few steps (every) or probe fewer compartments"),
                e.getMessage());
    }

    @Test
    void tracesAreValues() {
        int[] ids = new int[3];
        Loihi1ProbeTrace a = Loihi1ProbeTrace.spikes("s", 1, ids, ids, new int[] {0, 1, 2}, 2, new int[] {0, 2, 3},
                new int[] {0, 2, 1});
        Loihi1ProbeTrace b = Loihi1ProbeTrace.spikes("s", 1, ids.clone(), ids.clone(), new int[] {0, 1, 2}, 2,
                new int[] {0, 2, 3}, new int[] {0, 2, 1});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(1, a.value(0, 2));
        assertEquals(0, a.value(0, 1));
        assertEquals(1, a.value(1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> a.value(2, 0));
        Loihi1ProbeTrace other = Loihi1ProbeTrace.spikes("s", 1, ids, ids, new int[] {0, 1, 2}, 2,
                new int[] {0, 1, 3}, new int[] {0, 1, 2});
        assertFalse(a.equals(other));
        assertThrows(IllegalArgumentException.class, () -> Loihi1ProbeTrace.spikes("s", 1, ids, ids, ids, 1,
                new int[] {0, 2}, new int[] {2, 1}), "columns must ascend within a row");
        assertThrows(IllegalArgumentException.class, () -> Loihi1ProbeTrace.dense("s", Loihi1ProbeVariable.SPIKES,
                1, ids, ids, ids, 1, new int[3]), "spike traces are sparse");
        Loihi1ProbeTrace v = Loihi1ProbeTrace.dense("v", Loihi1ProbeVariable.VOLTAGE, 1, ids, ids, ids, 1,
                new int[] {5, 6, 7});
        assertEquals(6, v.value(0, 1));
        assertThrows(IllegalStateException.class, v::spikeCount);
    }
}
