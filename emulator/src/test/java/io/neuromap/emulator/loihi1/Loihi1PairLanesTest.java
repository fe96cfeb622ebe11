package io.neuromap.emulator.loihi1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1SignMode;
import io.neuromap.backends.loihi1.config.Loihi1Arithmetic;
import io.neuromap.backends.loihi1.config.Loihi1CompartmentProfile;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1CoreSingletons;
import io.neuromap.backends.loihi1.config.Loihi1JoinOp;
import io.neuromap.backends.loihi1.config.Loihi1StackIn;
import io.neuromap.backends.loihi1.config.Loihi1StackOut;
import io.neuromap.backends.loihi1.config.Loihi1ThresholdOp;
import io.neuromap.backends.loihi1.config.Loihi1TreeEdges;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The pair lanes ({@link Loihi1PairLanes}) against the general loops: cores made only of CUBA
 * pairs, in range (the fast loop), driven past every limit (the exact loop, and a strict run's
 * first overflow), with spike stimuli, current injections and recurrent spikes into the reordered
 * accumulators, with every state variable probed every step (so each probe reads published
 * lanes), on one and on three threads, and with biases and registers rewritten between steps as
 * the management program does.
 */
class Loihi1PairLanesTest {

    private static final int STEPS = 120;
    private static final int CORES = 3;
    private static final int PAIRS = 40;

    @Test
    void theShortDecayEqualsTheDecayOnTheStateRange() {
        SplittableRandom random = new SplittableRandom(3);
        int[] edges = {0, 1, -1, 4095, -4095, 4096, -4096, 4097, -4097, (1 << 23) - 1, -(1 << 23), 1 << 23};
        int checked = 0;
        for (int r = 0; r <= 4096; r++) {
            if (!Loihi1PairLanes.isShort(r)) {
                continue;
            }
            checked++;
            int multiplier = Loihi1PairLanes.shortMultiplier(r);
            int mask = Loihi1PairLanes.shortMask(r);
            for (int x : edges) {
                assertEquals(Loihi1Kernel.decay(x, r), Loihi1PairLanes.decayShort(x, multiplier, mask), "x " + x + ", r " + r);
            }
            for (int k = 0; k < 2_000; k++) {
                int x = random.nextInt(-(1 << 23), (1 << 23) + 1);
                assertEquals(Loihi1Kernel.decay(x, r), Loihi1PairLanes.decayShort(x, multiplier, mask), "x " + x + ", r " + r);
            }
        }
        assertEquals(2 * 256, checked, "0..255 and 3841..4096");
    }

    @Test
    void inRangePairCoresGiveTheGeneralLoopsResultsWithoutOverflows() throws Exception {
        // A decay constant of 800 (retained 3296) takes the full decay; 200, 100, 60 (and the
        // auxiliaries' decay_v 100) the short form.
        inRange(cuba(5L, 20, 3, 800, 300), false);
        inRange(cuba(5L, 6, 3, 200, 60), true);
    }

    @Test
    void theShortestAndLongestRefractoryPeriodsGiveTheGeneralLoopsSpikes() throws Exception {
        // Lanes read a soma's spike from its stored counter: the longest period fills its bits.
        for (int refract : new int[] {1, 2, Loihi1Limits.REFRACTORY_DELAY_MAX}) {
            Loihi1Emulation emulation = Loihi1Emulation.of(cuba(9L, 6, 3, 200, 60, refract));
            Loihi1RunOptions one = new Loihi1RunOptions(1, false);
            Loihi1RunResult general = emulation.run(STEPS, one, Loihi1Loops.GENERAL);
            assertTrue(general.spikes().count() > STEPS, "spikes: " + general.spikes().count());
            SameRun.assertSame(general, emulation.run(STEPS, one, Loihi1Loops.LANES), "refract_delay " + refract);
        }
    }

    private static void inRange(Loihi1Config config, boolean complement) throws Exception {
        Loihi1Emulation emulation = Loihi1Emulation.of(config);
        assertEquals(List.of(), emulation.violations());
        Loihi1RunResult general = emulation.run(STEPS, new Loihi1RunOptions(1, false), Loihi1Loops.GENERAL);
        assertEquals(0, general.overflows().total(), "in range: " + general.overflows());
        assertTrue(general.spikes().count() > 2 * STEPS, "spikes: " + general.spikes().count());
        for (int threads : new int[] {1, 3}) {
            Loihi1RunResult lanes = emulation.run(STEPS, new Loihi1RunOptions(threads, false), Loihi1Loops.LANES);
            SameRun.assertSame(general, lanes, threads + " threads");
        }
        try (Loihi1Emulator emulator = Loihi1Emulator.fromConfig(new Loihi1ValidatedConfig(config),
                new Loihi1RunOptions(1, false))) {
            Loihi1CoreRuns runs = emulator.runs();
            assertEquals(1, runs.groups());
            assertTrue(runs.pairLanes[0], "the default loops put the pair cores in lanes");
            Loihi1CompartmentTables tables = emulator.kernel().tables;
            boolean small = true;
            for (int g = 0; g < 2; g++) {
                small &= Loihi1PairLanes.isShort(tables.decayU[g]) && Loihi1PairLanes.isShort(tables.decayV[g]);
            }
            assertEquals(complement, small, "the decays take the short form: " + complement);
            emulator.run(STEPS);
            Loihi1PairLanes lanes = ((Loihi1NengoLoihiKernel) emulator.kernel()).pairLanes();
            assertEquals(STEPS, lanes.fastUpdates(0), "every step in range takes the fast loop");
        }
    }

    @Test
    void overflowingPairCoresGiveTheGeneralLoopsCountsValuesAndFirstOverflow() throws Exception {
        Loihi1Config config = cuba(11L, 255, 7);
        Loihi1Emulation emulation = Loihi1Emulation.of(config);
        Loihi1RunOptions one = new Loihi1RunOptions(1, false);
        Loihi1RunResult general = emulation.run(STEPS, one, Loihi1Loops.GENERAL);
        Loihi1OverflowCounts counts = general.overflows();
        assertTrue(counts.q0() > 0 && counts.current() > 0 && counts.join() > 0, "overflows: " + counts);
        Loihi1RunResult lanes = emulation.run(STEPS, one, Loihi1Loops.LANES);
        SameRun.assertSame(general, lanes, "lanes");
        try (Loihi1Emulator emulator = Loihi1Emulator.fromConfig(new Loihi1ValidatedConfig(config), one)) {
            emulator.run(STEPS);
            long fast = ((Loihi1NengoLoihiKernel) emulator.kernel()).pairLanes().fastUpdates(0);
            assertTrue(fast > 0 && fast < STEPS, "both loops run: " + fast + " fast of " + STEPS);
        }
        Loihi1RunOptions strict = new Loihi1RunOptions(1, true);
        Loihi1OverflowException expected = assertThrows(Loihi1OverflowException.class,
                () -> emulation.run(STEPS, strict, Loihi1Loops.GENERAL));
        Loihi1OverflowException actual = assertThrows(Loihi1OverflowException.class,
                () -> emulation.run(STEPS, strict, Loihi1Loops.LANES));
        assertEquals(expected.getMessage(), actual.getMessage());
        assertEquals(expected.value(), actual.value());
    }

    @Test
    void biasAndRegisterWritesBetweenStepsReachTheLanes() throws Exception {
        Loihi1ValidatedConfig config = new Loihi1ValidatedConfig(cuba(23L, 20, 3, 200, 60));
        Loihi1RunOptions one = new Loihi1RunOptions(1, false);
        try (Loihi1Emulator general = Loihi1Emulator.fromConfig(config, one, Loihi1Loops.GENERAL);
                Loihi1Emulator lanes = Loihi1Emulator.fromConfig(config, one, Loihi1Loops.LANES)) {
            Loihi1NengoLoihiKernel kernel = (Loihi1NengoLoihiKernel) lanes.kernel();
            for (int t = 0; t < STEPS; t++) {
                if (t == 20 || t == 50) {
                    // Excitability on every soma (as a management program's bias write), then off again.
                    int bias = t == 20 ? 9_000 : 0;
                    for (Loihi1Emulator e : List.of(general, lanes)) {
                        Loihi1CompartmentTables tables = e.kernel().tables;
                        for (int g = 1; g < tables.bias.length; g += 2) {
                            tables.bias[g] = bias;
                        }
                        tables.biasesWritten();
                    }
                } else if (t == 70 || t == 90) {
                    // One soma's threshold differs for 20 steps: the exact loop takes the group.
                    for (Loihi1Emulator e : List.of(general, lanes)) {
                        Loihi1CompartmentTables tables = e.kernel().tables;
                        tables.threshold[7] = t == 70 ? tables.threshold[9] / 2 : tables.threshold[9];
                        tables.registersWritten();
                    }
                }
                general.step();
                lanes.step();
                assertEquals(t < 70 || t >= 90, kernel.sharesRegisters(0), "shared at step " + t);
                for (int g = 0; g < general.state().compartments(); g++) {
                    assertEquals(general.state().voltage(g), lanes.state().voltage(g), "v of " + g + " at step " + t);
                    assertEquals(general.state().current(g), lanes.state().current(g), "u of " + g + " at step " + t);
                    assertEquals(general.state().synapticInput(g), lanes.state().synapticInput(g), "q at step " + t);
                    assertEquals(general.state().refractoryCount(g), lanes.state().refractoryCount(g), "ref at " + t);
                }
                assertArrayEquals(general.state().spiked, lanes.state().spiked, "spikes at step " + t);
            }
            assertEquals(general.overflows(), lanes.overflows());
        }
    }

    @Test
    void aGroupWithAPlainCompartmentOrDifferentSomaRegistersStaysOutOfTheLanes() throws Exception {
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI).steps(STEPS);
        Loihi1TestConfig.Core core = config.core(0, 0).singletons(new Loihi1CoreSingletons(23, 7, 0, 0, 3));
        core.edge(core.compartment(aux(), 131071, 0, 0), core.compartment(soma(), 1_000, 0, 0), Loihi1TreeEdges.PORT_A);
        core.edge(core.compartment(aux(), 131071, 0, 0), core.compartment(soma(), 2_000, 0, 0), Loihi1TreeEdges.PORT_A);
        try (Loihi1Emulator emulator = Loihi1Emulator.fromConfig(new Loihi1ValidatedConfig(config.build()),
                new Loihi1RunOptions(1, false))) {
            assertFalse(emulator.runs().pairLanes[0], "two soma thresholds: not shared");
            assertTrue(emulator.runs().groupUniform[0]);
        }
    }

    private static Loihi1CompartmentProfile aux() {
        return aux(0);
    }

    private static Loihi1CompartmentProfile aux(int decayU) {
        return Loihi1CompartmentProfile.lif(decayU, 100, 1).withTree(Loihi1ThresholdOp.NO_SPIKE_AND_PASS_V, Loihi1JoinOp.SKIP,
                Loihi1StackIn.SKIP, Loihi1StackOut.PUSH_U);
    }

    private static Loihi1CompartmentProfile soma() {
        return soma(10, 300);
    }

    private static Loihi1CompartmentProfile soma(int decayU, int decayV) {
        return soma(decayU, decayV, 3);
    }

    private static Loihi1CompartmentProfile soma(int decayU, int decayV, int refract) {
        return Loihi1CompartmentProfile.lif(decayU, decayV, refract).withTree(Loihi1ThresholdOp.SPIKE_AND_RESET, Loihi1JoinOp.ADD,
                Loihi1StackIn.POP_A, Loihi1StackOut.SKIP);
    }

    /**
     * {@link #CORES} cores of {@link #PAIRS} pairs with one soma profile and threshold and one
     * auxiliary profile (whose currents never decay under strong synapses, so they overflow); per-compartment biases; synapses of weight ±{@code weight} at exponent
     * {@code exp} (repeated onto the same compartments), the somas' spikes into the next core, host
     * spikes and current injections into random compartments.
     */
    private static Loihi1Config cuba(long seed, int weight, int exp) {
        // Currents that keep what they had (decay_u 0) pile up past their range under strong synapses.
        return cuba(seed, weight, exp, weight > 100 ? 0 : 800, 300);
    }

    /** As {@link #cuba(long, int, int)} with the auxiliaries' decay_u (the somas' half of it) and the somas' decay_v. */
    private static Loihi1Config cuba(long seed, int weight, int exp, int decayU, int somaDecayV) {
        return cuba(seed, weight, exp, decayU, somaDecayV, 3);
    }

    /** As {@link #cuba(long, int, int, int, int)} with the somas' refract_delay. */
    private static Loihi1Config cuba(long seed, int weight, int exp, int decayU, int somaDecayV, int refract) {
        SplittableRandom random = new SplittableRandom(seed);
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI).steps(STEPS);
        int axons = 10;
        for (int c = 0; c < CORES; c++) {
            Loihi1TestConfig.Core core = config.core(0, c).singletons(new Loihi1CoreSingletons(23, 7, 0, 0, 3));
            for (int p = 0; p < PAIRS; p++) {
                int a = core.compartment(aux(decayU), 131071, random.nextInt(-400, 400), random.nextInt(4));
                int s = core.compartment(soma(decayU / 2, somaDecayV, refract), 600, random.nextInt(-400, 1200), random.nextInt(4));
                core.edge(a, s, Loihi1TreeEdges.PORT_A);
            }
            core.format(1, 8, Loihi1SignMode.MIXED, exp, 2);
            for (int axon = 0; axon < axons; axon++) {
                for (int k = 0; k < 16; k++) {
                    int target = random.nextInt(2 * PAIRS);
                    int w = random.nextBoolean() ? weight : -weight;
                    for (int repeat = random.nextInt(1, 4); repeat > 0; repeat--) {
                        core.synapse(axon, 1, target, w, random.nextInt(3));
                    }
                }
            }
            for (int s = 1; s < 2 * PAIRS; s += 2) {
                core.output(s, 0, (c + 1) % CORES, random.nextInt(axons));
            }
        }
        for (int t = 0; t < STEPS; t++) {
            for (int k = random.nextInt(4); k > 0; k--) {
                config.spike(t, 0, random.nextInt(CORES), random.nextInt(axons));
            }
            if (t % 7 == 0) {
                config.current(t, 0, random.nextInt(CORES), random.nextInt(2 * PAIRS), random.nextInt(-3000, 3000));
            }
        }
        return config.build();
    }
}
