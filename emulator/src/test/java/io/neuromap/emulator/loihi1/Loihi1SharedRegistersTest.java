package io.neuromap.emulator.loihi1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * nengo-loihi's shared-register passes ({@link Loihi1NengoLoihiKernel}: a group whose somas share
 * decay_u, decay_v, threshold and refractory delay, and whose auxiliaries share theirs, reads two
 * values per register instead of four per-compartment arrays): such CUBA-like cores, driven past
 * every limit, give the general loops' values, spikes and overflow counts; and when a phase
 * between steps rewrites one compartment's register (as the management program does) the group
 * leaves the shared passes at the next step, comes back once the registers agree again, and every
 * step's state still equals the general loops'.
 */
class Loihi1SharedRegistersTest {

    private static final int STEPS = 80;
    private static final int CORES = 3;
    private static final int PAIRS = 24;

    @Test
    void sharedRegisterPairCoresGiveTheGeneralLoopsResults() throws Exception {
        Loihi1Config config = cuba(99L);
        Loihi1Emulation emulation = Loihi1Emulation.of(config);
        assertEquals(List.of(), emulation.violations());
        Loihi1RunOptions one = new Loihi1RunOptions(1, false);
        Loihi1RunResult general = emulation.run(STEPS, one, Loihi1Loops.GENERAL);
        Loihi1OverflowCounts counts = general.overflows();
        assertTrue(counts.q0() > 0 && counts.current() > 0 && counts.join() > 0, "overflows: " + counts);
        assertTrue(general.spikes().count() > STEPS, "spikes: " + general.spikes().count());
        for (Loihi1Loops loops : List.of(Loihi1Loops.VECTORISED, Loihi1Loops.LANES)) {
            Loihi1RunResult fast = emulation.run(STEPS, one, loops);
            SameRun.assertSame(general, fast, loops.toString());
        }
    }

    @Test
    void aRewrittenRegisterTakesTheGroupOffTheSharedPassesUntilTheRegistersAgreeAgain() throws Exception {
        for (Loihi1Loops loops : List.of(Loihi1Loops.VECTORISED, Loihi1Loops.LANES)) {
            rewritesMidRun(loops);
        }
    }

    private static void rewritesMidRun(Loihi1Loops loops) throws Exception {
        Loihi1ValidatedConfig config = new Loihi1ValidatedConfig(cuba(7L));
        Loihi1RunOptions one = new Loihi1RunOptions(1, false);
        try (Loihi1Emulator general = Loihi1Emulator.fromConfig(config, one, Loihi1Loops.GENERAL);
                Loihi1Emulator fast = Loihi1Emulator.fromConfig(config, one, loops)) {
            Loihi1NengoLoihiKernel kernel = (Loihi1NengoLoihiKernel) fast.kernel();
            assertEquals(1, fast.runs().groups());
            int soma = 2 * 5 + 1;
            int aux = PAIRS * 2 + 4;
            for (int t = 0; t < STEPS; t++) {
                if (t == 15) {
                    rewrite(general, fast, soma, 3_000, r -> r.threshold);
                } else if (t == 30) {
                    rewrite(general, fast, aux, 4000, r -> r.decayV);
                } else if (t == 45) {
                    restore(general, fast, soma, r -> r.threshold);
                } else if (t == 50) {
                    restore(general, fast, aux, r -> r.decayV);
                } else if (t == 60) {
                    // Every soma's refractory delay at once: the group stays shared, with the new value.
                    for (Loihi1Emulator e : List.of(general, fast)) {
                        Loihi1CompartmentTables tables = e.kernel().tables;
                        for (int g = 1; g < tables.refractDelay.length; g += 2) {
                            tables.refractDelay[g] = 5;
                        }
                        tables.registersWritten();
                    }
                }
                general.step();
                fast.step();
                fast.state().publishAll();
                boolean off = t >= 15 && t < 50;
                assertEquals(!off, kernel.sharesRegisters(0), "shared at step " + t);
                assertArrayEquals(general.state().voltage, fast.state().voltage, "v at step " + t);
                assertArrayEquals(general.state().current, fast.state().current, "u at step " + t);
                assertArrayEquals(general.state().refractory, fast.state().refractory, "refractory at step " + t);
                assertArrayEquals(general.state().spiked, fast.state().spiked, "spikes at step " + t);
            }
            assertEquals(general.overflows(), fast.overflows());
        }
    }

    /** Which register array of the tables a rewrite touches. */
    private interface Register {
        int[] of(Loihi1CompartmentTables tables);
    }

    private static void rewrite(Loihi1Emulator a, Loihi1Emulator b, int g, int value, Register register) {
        for (Loihi1Emulator e : List.of(a, b)) {
            register.of(e.kernel().tables)[g] = value;
            e.kernel().tables.registersWritten();
        }
    }

    private static void restore(Loihi1Emulator a, Loihi1Emulator b, int g, Register register) {
        int other = register.of(a.kernel().tables)[g + 2];
        for (Loihi1Emulator e : List.of(a, b)) {
            register.of(e.kernel().tables)[g] = other;
            e.kernel().tables.registersWritten();
        }
    }

    /**
     * {@link #CORES} cores of {@link #PAIRS} CUBA pairs (auxiliary at even, soma at odd indices),
     * every soma with one threshold and every auxiliary with another, so the cores form one
     * shared-register group; per-compartment random biases; synapses of weight ±255 at exponent 7
     * drive q, u and the join past their limits.
     */
    private static Loihi1Config cuba(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI).steps(STEPS);
        Loihi1CompartmentProfile aux = Loihi1CompartmentProfile.lif(0, 100, 1).withTree(
                Loihi1ThresholdOp.NO_SPIKE_AND_PASS_V, Loihi1JoinOp.SKIP, Loihi1StackIn.SKIP, Loihi1StackOut.PUSH_U);
        Loihi1CompartmentProfile soma = Loihi1CompartmentProfile.lif(10, 300, 3).withTree(
                Loihi1ThresholdOp.SPIKE_AND_RESET, Loihi1JoinOp.ADD, Loihi1StackIn.POP_A, Loihi1StackOut.SKIP);
        int axons = 12;
        for (int c = 0; c < CORES; c++) {
            Loihi1TestConfig.Core core = config.core(0, c).singletons(new Loihi1CoreSingletons(23, 7, 0, 0, 3));
            for (int p = 0; p < PAIRS; p++) {
                int a = core.compartment(aux, 131071, random.nextInt(-4095, 4096), random.nextInt(8));
                int s = core.compartment(soma, 60_000, random.nextInt(-4095, 4096), random.nextInt(8));
                core.edge(a, s, Loihi1TreeEdges.PORT_A);
            }
            RandomPairWiring.wire(core, random, axons, 2 * PAIRS, PAIRS, (c + 1) % CORES);
        }
        RandomPairWiring.spikes(config, random, STEPS, CORES, axons);
        return config.build();
    }
}
