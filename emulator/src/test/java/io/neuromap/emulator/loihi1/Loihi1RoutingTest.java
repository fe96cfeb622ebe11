package io.neuromap.emulator.loihi1;

import static io.neuromap.emulator.loihi1.Loihi1JoinTest.series;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.neuromap.backends.loihi1.Loihi1SignMode;
import io.neuromap.backends.loihi1.Loihi1System;
import io.neuromap.backends.loihi1.config.Loihi1Arithmetic;
import io.neuromap.backends.loihi1.config.Loihi1CompartmentProfile;
import io.neuromap.backends.loihi1.config.Loihi1CoreSingletons;
import io.neuromap.backends.loihi1.config.Loihi1ProbeVariable;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spike timing through routing and delays (DESIGN.md §The chip config contract): a spike fired in
 * step k, by a compartment or a stimulus, reaches a synapse with delay field d in step k + 1 + d,
 * on the same core, another core or another chip, including delays that wrap the core's ring of
 * {@code 2^delay_bits} accumulator slots; probes record every k-th step; the raster lists every
 * spike in a fixed order.
 */
class Loihi1RoutingTest {

    private static final Loihi1CompartmentProfile QUIET = Loihi1CompartmentProfile.lif(4095, 4095, 1);

    /** Steps in which {@code column}'s synaptic input is non-zero. */
    private static List<Integer> inputSteps(Loihi1RunResult result, int column) {
        List<Integer> steps = new ArrayList<>();
        int[] input = series(result, "synaptic_input", column);
        for (int k = 0; k < input.length; k++) {
            if (input[k] != 0) {
                steps.add(k);
            }
        }
        return steps;
    }

    /**
     * Compartment 0 of chip 0 core 0 fires at steps 4, 9, 14 (bias 160, threshold 640). It reaches
     * core 1 with delays 0, 3 and 6 (delay_bits 3: the ring has 8 slots, so delay 6 wraps it) and
     * chip 1 with delay 14 (delay_bits 4). A stimulus fired in step 2 reaches core 1 in step 3.
     */
    @Test
    void spikesArriveOneStepPlusTheirDelayLaterOnAnyCoreAndChip() throws Exception {
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI).system(Loihi1System.KAPOHO_BAY);
        Loihi1TestConfig.Core source = config.core(0, 0);
        source.compartment(Loihi1CompartmentProfile.lif(0, 0, 1), 10, 160, 0);
        source.output(0, 0, 1, 0).output(0, 1, 0, 0);
        Loihi1TestConfig.Core near = config.core(0, 1);
        near.compartments(4, QUIET, 131071, 0, 0);
        near.format(1, 8, Loihi1SignMode.EXCITATORY, 0, 3)
                .synapse(0, 1, 0, 1, 0).synapse(0, 1, 1, 1, 3).synapse(0, 1, 2, 1, 6)
                .synapse(1, 1, 3, 1, 0);
        Loihi1TestConfig.Core far = config.core(1, 0).singletons(new Loihi1CoreSingletons(0, 7, 1, 0, 4));
        far.compartment(QUIET, 131071, 0, 0);
        far.format(1, 8, Loihi1SignMode.EXCITATORY, 0, 4).synapse(0, 1, 0, 1, 14);
        config.spike(2, 0, 1, 1);
        Loihi1RunResult result = Loihi1Emulation.of(config.build()).run(31, new Loihi1RunOptions(2, true));

        assertEquals(List.of(4, 9, 14, 19, 24, 29), Loihi1JoinTest.spikeSteps(result, 0));
        assertEquals(List.of(5, 10, 15, 20, 25, 30), inputSteps(result, 1));
        assertEquals(List.of(8, 13, 18, 23, 28), inputSteps(result, 2));
        assertEquals(List.of(11, 16, 21, 26), inputSteps(result, 3));
        assertEquals(List.of(3), inputSteps(result, 4));
        assertEquals(List.of(19, 24, 29), inputSteps(result, 5));
        assertEquals(64, series(result, "synaptic_input", 5)[19]);
        // Events count when a spike reaches its synapses, whatever their delay: 6 spikes reach 3 + 1
        // synapses (the last far ones would arrive after the run), the stimulus 1.
        assertEquals(6L * 4 + 1, result.synapticEvents());
    }

    /** Probes with {@code every} record the last step of each period; the raster is ordered by step, core, compartment. */
    @Test
    void probesRecordEveryKthStepAndTheRasterIsOrdered() throws Exception {
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI);
        config.core(0, 3).compartments(2, Loihi1CompartmentProfile.lif(0, 0, 1), 10, 160, 0);
        config.core(0, 1).compartment(Loihi1CompartmentProfile.lif(0, 0, 1), 10, 200, 0);
        config.probe("v3", Loihi1ProbeVariable.VOLTAGE, 3, new int[] {0, 0}, new int[] {3, 1}, new int[] {1, 0});
        Loihi1RunResult result = Loihi1Emulation.of(config.build()).run(10, new Loihi1RunOptions(1, true));

        Loihi1ProbeTrace v = result.trace("v3");
        assertEquals(3, v.rows());
        assertEquals(2, v.stepOfRow(0));
        // Core 3 (bias 160) spikes at 4 and 9: 480 after step 2, 160 after 5, 640 after 8. Core 1
        // (bias 200) spikes at 3 and 7: 600, 400, 200.
        assertArrayEquals(new int[] {480, 600, 160, 400, 640, 200}, v.values());
        Loihi1SpikeRaster raster = result.spikes();
        // By step, then core in config order (core 3 was listed first), then compartment.
        assertArrayEquals(new int[] {3, 4, 4, 7, 9, 9}, raster.step());
        assertArrayEquals(new int[] {1, 3, 3, 1, 3, 3}, raster.core());
        assertArrayEquals(new int[] {0, 0, 1, 0, 0, 1}, raster.compartment());
    }

    /**
     * The hand-written config of docs/config-loihi1.md, loaded from its directory (JSON and a
     * {@code .npy} sidecar) and run: compartment 0 gets 200·2^6 = 12,800 in step 1 and spikes
     * (threshold 6,400), is refractory in step 2, spikes again in steps 3 and 5; compartment 1
     * (bias 500) gets -60·2^6 in step 1 and, in step 4, compartment 0's step-1 spike after two
     * extra steps of delay (+7,680) plus the step-3 stimulus (-3,840): u = -2797 + 3840 = 1043,
     * v = 1043 + 500 = 1543.
     */
    @Test
    void theDocumentedHandWrittenConfigRuns() throws Exception {
        Path dir = Paths.get(Loihi1RoutingTest.class.getResource("/loihi1/hand_written").toURI());
        Loihi1Emulation emulation = Loihi1Emulation.load(dir);
        assertEquals(List.of(), emulation.violations());
        Loihi1RunResult result = emulation.run(new Loihi1RunOptions(1, true));
        assertEquals(100, result.steps());
        Loihi1ProbeTrace v = result.trace("v");
        int[] v0 = new int[6];
        int[] v1 = new int[6];
        for (int k = 0; k < 6; k++) {
            v0[k] = v.value(k, 0);
            v1[k] = v.value(k, 1);
        }
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0}, v0);
        assertArrayEquals(new int[] {500, 0, 0, 0, 1543}, java.util.Arrays.copyOf(v1, 5));
        Loihi1ProbeTrace spikes = result.trace("spikes");
        int[] s0 = new int[6];
        for (int k = 0; k < 6; k++) {
            s0[k] = spikes.value(k, 0);
        }
        assertArrayEquals(new int[] {0, 1, 0, 1, 0, 1}, s0);
    }
}
