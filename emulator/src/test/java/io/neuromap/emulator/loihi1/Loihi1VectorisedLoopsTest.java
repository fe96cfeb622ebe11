package io.neuromap.emulator.loihi1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.loihi1.Loihi1FixedPoint;
import io.neuromap.backends.loihi1.Loihi1Limits;
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
 * nengo-loihi's branch-free loops ({@link Loihi1NengoLoihiKernel#updateUniform}) against the
 * scalar ones: the {@code int} decay equals the {@code long} one on the whole state range, and
 * CUBA-like cores (auxiliary + soma ADD pairs, plain compartments) driven far past every limit,
 * grouped into one span of several cores, give the same values, spikes, overflow counts of every
 * kind and, in a strict run, the same first overflow (step, core, compartment, kind, value) as the
 * general and the specialised scalar loops: the overflow bits are only ORed per span, so this is
 * the path that recounts a span exactly.
 */
class Loihi1VectorisedLoopsTest {

    private static final int STEPS = 60;
    private static final int CORES = 3;
    private static final int PAIRS = 20;

    @Test
    void intDecayEqualsTheLongDecayOnTheStateRange() {
        int[] edges = {0, 1, -1, 4095, 4096, 4097, -4095, -4096, -4097, (1 << 23) - 1, -(1 << 23), 1 << 23,
            -(1 << 23) + 1, 123_456, -654_321};
        SplittableRandom random = new SplittableRandom(17);
        for (int r = 0; r <= Loihi1Limits.DECAY_UNITY; r++) {
            for (int x : edges) {
                assertEquals(Loihi1Kernel.decay(x, r), Loihi1NengoLoihiKernel.decayInt(x, r), "x " + x + ", r " + r);
            }
            for (int k = 0; k < 50; k++) {
                int x = random.nextInt(-(1 << 23), (1 << 23) + 1);
                assertEquals(Loihi1Kernel.decay(x, r), Loihi1NengoLoihiKernel.decayInt(x, r), "x " + x + ", r " + r);
                assertEquals(Loihi1FixedPoint.truncDecay(x, r), Loihi1Kernel.decay(x, r));
            }
        }
    }

    @Test
    void overflowingPairCoresGiveTheScalarLoopsCountsValuesAndSpikes() throws Exception {
        Loihi1Config config = overflowing(4242L);
        Loihi1Emulation emulation = Loihi1Emulation.of(config);
        assertEquals(List.of(), emulation.violations());
        Loihi1RunOptions one = new Loihi1RunOptions(1, false);
        Loihi1RunResult general = emulation.run(STEPS, one, Loihi1Loops.GENERAL);
        Loihi1OverflowCounts counts = general.overflows();
        assertTrue(counts.q0() > 0 && counts.current() > 0 && counts.u2() > 0 && counts.join() > 0,
                "every kind overflows: " + counts);
        assertTrue(general.spikes().count() > STEPS, "spikes: " + general.spikes().count());
        for (Loihi1Loops loops : List.of(Loihi1Loops.SPECIALISED, Loihi1Loops.VECTORISED, Loihi1Loops.LANES)) {
            Loihi1RunResult fast = emulation.run(STEPS, one, loops);
            SameRun.assertSame(general, fast, loops.toString());
        }
        try (Loihi1Emulator emulator = Loihi1Emulator.fromConfig(new Loihi1ValidatedConfig(config), one)) {
            Loihi1CoreRuns runs = emulator.runs();
            assertEquals(1, runs.groups(), "the cores form one span");
            assertTrue(runs.groupUniform[0]);
        }
    }

    @Test
    void aStrictRunStopsAtTheSameFirstOverflowWithEveryLoop() throws Exception {
        for (long seed = 1; seed <= 12; seed++) {
            Loihi1Emulation emulation = Loihi1Emulation.of(overflowing(seed));
            Loihi1RunOptions strict = new Loihi1RunOptions(1, true);
            Loihi1OverflowException expected = assertThrows(Loihi1OverflowException.class,
                    () -> emulation.run(STEPS, strict, Loihi1Loops.GENERAL));
            for (Loihi1Loops loops : List.of(Loihi1Loops.SPECIALISED, Loihi1Loops.VECTORISED, Loihi1Loops.LANES)) {
                Loihi1OverflowException actual = assertThrows(Loihi1OverflowException.class,
                        () -> emulation.run(STEPS, strict, loops));
                assertEquals(expected.getMessage(), actual.getMessage(), "seed " + seed + ", " + loops);
                assertEquals(expected.kind(), actual.kind());
                assertEquals(expected.value(), actual.value());
            }
        }
    }

    /**
     * {@link #CORES} cores of {@link #PAIRS} CUBA pairs and one plain compartment each; u keeps
     * almost everything (decay_u 0), synapses of weight ±255 at exponent 7 (±2,088,960 each, up
     * to four per axon and compartment) and large random biases, so q, u, U′ and the soma's join
     * all leave their ranges at random steps and compartments.
     */
    private static Loihi1Config overflowing(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI).steps(STEPS);
        Loihi1CompartmentProfile aux = Loihi1CompartmentProfile.lif(0, 100, 1).withTree(
                Loihi1ThresholdOp.NO_SPIKE_AND_PASS_V, Loihi1JoinOp.SKIP, Loihi1StackIn.SKIP, Loihi1StackOut.PUSH_U);
        Loihi1CompartmentProfile soma = Loihi1CompartmentProfile.lif(10, 300, 3).withTree(
                Loihi1ThresholdOp.SPIKE_AND_RESET, Loihi1JoinOp.ADD, Loihi1StackIn.POP_A, Loihi1StackOut.SKIP);
        Loihi1CompartmentProfile plain = Loihi1CompartmentProfile.lif(50, 200, 2);
        int axons = 12;
        for (int c = 0; c < CORES; c++) {
            Loihi1TestConfig.Core core = config.core(0, c).singletons(new Loihi1CoreSingletons(23, 7, 0, 0, 3));
            for (int p = 0; p < PAIRS; p++) {
                int a = core.compartment(aux, 131071, random.nextInt(-4095, 4096), random.nextInt(8));
                int s = core.compartment(soma, 20_000 * random.nextInt(1, 6), random.nextInt(-4095, 4096),
                        random.nextInt(8));
                core.edge(a, s, Loihi1TreeEdges.PORT_A);
            }
            int last = core.compartment(plain, 50_000, random.nextInt(-4095, 4096), random.nextInt(8));
            RandomPairWiring.wire(core, random, axons, last + 1, PAIRS, (c + 1) % CORES);
        }
        RandomPairWiring.spikes(config, random, STEPS, CORES, axons);
        return config.build();
    }
}
