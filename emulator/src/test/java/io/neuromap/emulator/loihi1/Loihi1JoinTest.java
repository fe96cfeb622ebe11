package io.neuromap.emulator.loihi1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.neuromap.backends.loihi1.Loihi1SignMode;
import io.neuromap.backends.loihi1.config.Loihi1Arithmetic;
import io.neuromap.backends.loihi1.config.Loihi1BapAction;
import io.neuromap.backends.loihi1.config.Loihi1BapSource;
import io.neuromap.backends.loihi1.config.Loihi1CompartmentProfile;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1CoreSingletons;
import io.neuromap.backends.loihi1.config.Loihi1JoinOp;
import io.neuromap.backends.loihi1.config.Loihi1StackIn;
import io.neuromap.backends.loihi1.config.Loihi1StackOut;
import io.neuromap.backends.loihi1.config.Loihi1ThresholdOp;
import io.neuromap.backends.loihi1.config.Loihi1TreeEdges;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Dendritic trees against hand-computed cases (specs/loihi1-compartments-reward.md §1.3-§1.8):
 * every join op, stack input and output, threshold op and the bAP refractory action, with the
 * numbers worked out in the comments. Children feed parents in the same step; the pushed V is the
 * value before a reset; a missing B counts as value 0 (and as spike 1 for AND).
 */
class Loihi1JoinTest {

    /** Decays 0 (the voltage keeps everything), no refractory period. */
    private static Loihi1CompartmentProfile profile(Loihi1ThresholdOp thresh, Loihi1JoinOp join, Loihi1StackIn in,
            Loihi1StackOut out) {
        return Loihi1CompartmentProfile.lif(0, 0, 1).withTree(thresh, join, in, out);
    }

    /** A compartment that spikes, resets and pushes (V, S). */
    private static final Loihi1CompartmentProfile SPIKER_PUSHING_V = profile(Loihi1ThresholdOp.SPIKE_AND_RESET,
            Loihi1JoinOp.SKIP, Loihi1StackIn.SKIP, Loihi1StackOut.PUSH);

    /** The voltage keeps nothing of its last value below 4096 (decay_v 4095, dm_offset 0: 1/4096 kept). */
    private static Loihi1CompartmentProfile forgetful(Loihi1JoinOp join, Loihi1StackIn in) {
        return Loihi1CompartmentProfile.lif(0, 4095, 1).withTree(Loihi1ThresholdOp.SPIKE_AND_RESET, join, in,
                Loihi1StackOut.SKIP);
    }

    private static final Loihi1CoreSingletons SIGNED = new Loihi1CoreSingletons(23, 7, 1, 0, 3);

    static Loihi1RunResult run(Loihi1Config config, int steps) throws Exception {
        return Loihi1Emulation.of(config).run(steps, new Loihi1RunOptions(1, true));
    }

    static int[] series(Loihi1RunResult result, String probe, int column) {
        Loihi1ProbeTrace trace = result.trace(probe);
        int[] out = new int[trace.rows()];
        for (int k = 0; k < out.length; k++) {
            out[k] = trace.value(k, column);
        }
        return out;
    }

    static List<Integer> spikeSteps(Loihi1RunResult result, int column) {
        List<Integer> steps = new ArrayList<>();
        int[] spikes = series(result, "spikes", column);
        for (int k = 0; k < spikes.length; k++) {
            if (spikes[k] != 0) {
                steps.add(k);
            }
        }
        return steps;
    }

    /**
     * The hardware-recorded "PASS with 2 dendrites" run (§1.8): A (bias 500·2^6) and B (bias
     * 250·2^6) integrate to a threshold of 10000·2^6 and spike; soma C (bias 125·2^6) passes its
     * own U′ plus B's same-step voltage whenever A spikes. A spikes at t = 21, 42, 63 (steps 20,
     * 41, 62), B at t = 41. Plateaus: 8000 + B.V[21] = 8000 + 16000·21 = 344,000; then + 8000 +
     * B.V[42] = 16,000 (B reset at 41) = 368,000; then + 8000 + B.V[63] = 16000·22 = 352,000 =
     * 728,000.
     */
    @Test
    void passGatesTheSomaByChildASpikeAndAddsChildBsSameStepVoltage() throws Exception {
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI);
        Loihi1TestConfig.Core core = config.core(0, 0);
        int b = core.compartment(SPIKER_PUSHING_V, 10000, 250, 6);
        int a = core.compartment(SPIKER_PUSHING_V, 10000, 500, 6);
        int c = core.compartment(profile(Loihi1ThresholdOp.SPIKE_AND_RESET, Loihi1JoinOp.PASS,
                Loihi1StackIn.POP_A_AND_B, Loihi1StackOut.SKIP), 100000, 125, 6);
        core.edge(b, c, Loihi1TreeEdges.PORT_B).edge(a, c, Loihi1TreeEdges.PORT_A);
        Loihi1RunResult result = run(config.build(), 70);

        assertEquals(List.of(20, 41, 62), spikeSteps(result, a));
        assertEquals(List.of(40), spikeSteps(result, b));
        assertEquals(List.of(), spikeSteps(result, c));
        int[] soma = series(result, "voltage", c);
        for (int k = 0; k < 70; k++) {
            int expected = k < 20 ? 0 : k < 41 ? 344_000 : k < 62 ? 368_000 : 728_000;
            assertEquals(expected, soma[k], "soma voltage at step " + k);
        }
    }

    /**
     * The CUBA lowering: auxiliary compartment (PUSH_U, no spike) joined into the soma by ADD.
     * ds_offset = dm_offset = 0, so the aux current halves (decay_u 2048), the soma current keeps
     * 3/4 (decay_u 1024) and the soma voltage 1/2 (decay_v 2048), rounding toward zero. Input:
     * +128·2^6 = 8192 into the aux in step 1, -64·2^6 = -4096 into the soma in step 3; soma bias 10.
     *
     * <pre>
     * step  aux u  soma u  soma U'  dV = U' + aux U'   soma v = trunc(v/2) + dV
     *  0      0       0      10       10                 0 + 10      =    10
     *  1   8192       0      10     8202                 5 + 8202    =  8207
     *  2   4096       0      10     4106              4103 + 4106    =  8209
     *  3   2048   -4096   -4086    -2038              4104 - 2038    =  2066
     *  4   1024   -3072   -3062    -2038              1033 - 2038    = -1005
     *  5    512   -2304   -2294    -1782              -502 - 1782    = -2284
     * </pre>
     */
    @Test
    void addJoinsTheAuxiliaryCurrentIntoTheSomaInTheSameStep() throws Exception {
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI);
        Loihi1TestConfig.Core core = config.core(0, 0).singletons(new Loihi1CoreSingletons(23, 7, 0, 0, 3));
        int aux = core.compartment(Loihi1CompartmentProfile.lif(2048, 0, 1).withTree(
                Loihi1ThresholdOp.NO_SPIKE_AND_PASS_V, Loihi1JoinOp.SKIP, Loihi1StackIn.SKIP, Loihi1StackOut.PUSH_U),
                1000, 0, 0);
        int soma = core.compartment(Loihi1CompartmentProfile.lif(1024, 2048, 1).withTree(
                Loihi1ThresholdOp.SPIKE_AND_RESET, Loihi1JoinOp.ADD, Loihi1StackIn.POP_A, Loihi1StackOut.SKIP),
                200, 10, 0);
        core.edge(aux, soma, Loihi1TreeEdges.PORT_A)
                .format(1, 8, Loihi1SignMode.EXCITATORY, 0, 0)
                .format(2, 8, Loihi1SignMode.INHIBITORY, 0, 0)
                .synapse(0, 1, aux, 128, 0)
                .synapse(1, 2, soma, -64, 0);
        config.spike(0, 0, 0, 0).spike(2, 0, 0, 1);
        Loihi1RunResult result = run(config.build(), 6);

        assertArrayEquals(new int[] {0, 8192, 4096, 2048, 1024, 512}, series(result, "current", aux));
        assertArrayEquals(new int[] {0, 8192, 12288, 14336, 15360, 15872}, series(result, "voltage", aux));
        assertArrayEquals(new int[] {0, 0, 0, -4096, -3072, -2304}, series(result, "current", soma));
        assertArrayEquals(new int[] {10, 8207, 8209, 2066, -1005, -2284}, series(result, "voltage", soma));
        assertArrayEquals(new int[] {0, 8192, 0, -4096, 0, 0}, synapticInputs(result, aux, soma));
        assertEquals(List.of(), spikeSteps(result, aux));
    }

    /** Sum of the two compartments' synaptic inputs per step (each sees only its own synapse). */
    private static int[] synapticInputs(Loihi1RunResult result, int first, int second) {
        int[] a = series(result, "synaptic_input", first);
        int[] b = series(result, "synaptic_input", second);
        for (int k = 0; k < a.length; k++) {
            a[k] += b[k];
        }
        return a;
    }

    /**
     * The soma fires on the auxiliary current alone: aux bias 4000 (U′ = 4000 each step), soma
     * voltage halving, threshold 100·2^6 = 6400: v = 4000, 6000, 7000 (spike, reset), 4000, ...
     */
    @Test
    void addDrivesTheSomaOverThresholdAndItResets() throws Exception {
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI);
        Loihi1TestConfig.Core core = config.core(0, 0).singletons(new Loihi1CoreSingletons(23, 7, 1, 0, 3));
        int aux = core.compartment(Loihi1CompartmentProfile.lif(0, 0, 1).withTree(
                Loihi1ThresholdOp.NO_SPIKE_AND_PASS_V, Loihi1JoinOp.SKIP, Loihi1StackIn.SKIP, Loihi1StackOut.PUSH_U),
                131071, 4000, 0);
        int soma = core.compartment(Loihi1CompartmentProfile.lif(0, 2048, 1).withTree(
                Loihi1ThresholdOp.SPIKE_AND_RESET, Loihi1JoinOp.ADD, Loihi1StackIn.POP_A, Loihi1StackOut.SKIP),
                100, 0, 0);
        core.edge(aux, soma, Loihi1TreeEdges.PORT_A);
        Loihi1RunResult result = run(config.build(), 9);

        assertArrayEquals(new int[] {4000, 6000, 0, 4000, 6000, 0, 4000, 6000, 0}, series(result, "voltage", soma));
        assertEquals(List.of(2, 5, 8), spikeSteps(result, soma));
    }

    /** OR: the parent (bias 0) spikes, and resets, exactly when child A does (steps 5, 11, 17). */
    @Test
    void orSpikesWhenTheChildSpikes() throws Exception {
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI);
        Loihi1TestConfig.Core core = config.core(0, 0);
        int a = core.compartment(SPIKER_PUSHING_V, 10, 128, 0);
        int c = core.compartment(profile(Loihi1ThresholdOp.SPIKE_AND_RESET, Loihi1JoinOp.OR, Loihi1StackIn.POP_A,
                Loihi1StackOut.SKIP), 10, 0, 0);
        core.edge(a, c, Loihi1TreeEdges.PORT_A);
        Loihi1RunResult result = run(config.build(), 20);

        assertEquals(List.of(5, 11, 17), spikeSteps(result, a));
        assertEquals(List.of(5, 11, 17), spikeSteps(result, c));
    }

    /**
     * AND: B spikes every 5 steps (4, 9, ...), A every 6 (5, 11, ...); the parent (bias 100,
     * threshold 640) is above threshold from step 6 on but spikes only where both children spike
     * in the same step: 29, then (after its reset) 59.
     */
    @Test
    void andSpikesOnlyWhenItAndBothChildrenAreAboveThreshold() throws Exception {
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI);
        Loihi1TestConfig.Core core = config.core(0, 0);
        int b = core.compartment(SPIKER_PUSHING_V, 10, 160, 0);
        int a = core.compartment(SPIKER_PUSHING_V, 10, 128, 0);
        int c = core.compartment(profile(Loihi1ThresholdOp.SPIKE_AND_RESET, Loihi1JoinOp.AND,
                Loihi1StackIn.POP_A_AND_B, Loihi1StackOut.SKIP), 10, 100, 0);
        core.edge(b, c, Loihi1TreeEdges.PORT_B).edge(a, c, Loihi1TreeEdges.PORT_A);
        Loihi1RunResult result = run(config.build(), 60);

        assertEquals(List.of(29, 59), spikeSteps(result, c));
        assertEquals(2900, series(result, "voltage", c)[28]);
    }

    /** MAX and MIN with one child: B counts as 0. A's pushed voltage is ±100·(k + 1); C's U′ is 50. */
    @Test
    void maxAndMinCountAMissingChildBAsZero() throws Exception {
        int steps = 20;
        int[] max = new int[steps];
        int[] min = new int[steps];
        int[] maxPositive = new int[steps];
        int[] minPositive = new int[steps];
        for (int k = 0; k < steps; k++) {
            max[k] = 50;
            min[k] = -100 * (k + 1);
            maxPositive[k] = 100 * (k + 1);
            minPositive[k] = 0;
        }
        assertArrayEquals(max, joinOfOneChild(Loihi1JoinOp.MAX, -100, steps));
        assertArrayEquals(min, joinOfOneChild(Loihi1JoinOp.MIN, -100, steps));
        assertArrayEquals(maxPositive, joinOfOneChild(Loihi1JoinOp.MAX, 100, steps));
        assertArrayEquals(minPositive, joinOfOneChild(Loihi1JoinOp.MIN, 100, steps));
    }

    /** The parent's voltage when child A (no spike, bias {@code childBias}) pushes V; the parent forgets v. */
    private static int[] joinOfOneChild(Loihi1JoinOp join, int childBias, int steps) throws Exception {
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI);
        Loihi1TestConfig.Core core = config.core(0, 0).singletons(SIGNED);
        int a = core.compartment(profile(Loihi1ThresholdOp.NO_SPIKE_AND_PASS_V, Loihi1JoinOp.SKIP, Loihi1StackIn.SKIP,
                Loihi1StackOut.PUSH), 10000, childBias, 0);
        int c = core.compartment(forgetful(join, Loihi1StackIn.POP_A), 10000, 50, 0);
        core.edge(a, c, Loihi1TreeEdges.PORT_A);
        return series(run(config.build(), steps), "voltage", c);
    }

    /** BLOCK: the parent integrates its bias 10 except in the steps where child A spikes (5, 11). */
    @Test
    void blockHoldsTheParentWhileTheChildSpikes() throws Exception {
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI);
        Loihi1TestConfig.Core core = config.core(0, 0);
        int a = core.compartment(SPIKER_PUSHING_V, 10, 128, 0);
        int c = core.compartment(profile(Loihi1ThresholdOp.SPIKE_AND_RESET, Loihi1JoinOp.BLOCK, Loihi1StackIn.POP_A,
                Loihi1StackOut.SKIP), 10000, 10, 0);
        core.edge(a, c, Loihi1TreeEdges.PORT_A);
        assertArrayEquals(new int[] {10, 20, 30, 40, 50, 50, 60, 70, 80, 90, 100, 100, 110},
                series(run(config.build(), 13), "voltage", c));
    }

    /** PEEK_A leaves A on the stack: two parents both receive child A's U′ = 1000. */
    @Test
    void peekDistributesOneChildToTwoParents() throws Exception {
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI);
        Loihi1TestConfig.Core core = config.core(0, 0);
        int a = core.compartment(profile(Loihi1ThresholdOp.NO_SPIKE_AND_PASS_V, Loihi1JoinOp.SKIP, Loihi1StackIn.SKIP,
                Loihi1StackOut.PUSH_U), 10000, 1000, 0);
        int peek = core.compartment(forgetful(Loihi1JoinOp.ADD, Loihi1StackIn.PEEK_A), 10000, 0, 0);
        int pop = core.compartment(forgetful(Loihi1JoinOp.ADD, Loihi1StackIn.POP_A), 10000, 0, 0);
        core.edge(a, peek, Loihi1TreeEdges.PORT_A).edge(a, pop, Loihi1TreeEdges.PORT_A);
        Loihi1RunResult result = run(config.build(), 5);
        assertArrayEquals(new int[] {1000, 1000, 1000, 1000, 1000}, series(result, "voltage", peek));
        assertArrayEquals(new int[] {1000, 1000, 1000, 1000, 1000}, series(result, "voltage", pop));
    }

    /** NO_SPIKE_AND_SATURATE_V: v stops at the threshold 640 (300, 600, then 640 for ever), no spikes. */
    @Test
    void saturatingThresholdHoldsVoltageAtThreshold() throws Exception {
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI);
        int cx = config.core(0, 0).compartment(profile(Loihi1ThresholdOp.NO_SPIKE_AND_SATURATE_V, Loihi1JoinOp.SKIP,
                Loihi1StackIn.SKIP, Loihi1StackOut.SKIP), 10, 300, 0);
        Loihi1RunResult result = run(config.build(), 5);
        assertArrayEquals(new int[] {300, 600, 640, 640, 640}, series(result, "voltage", cx));
        assertEquals(List.of(), spikeSteps(result, cx));
    }

    /**
     * A bAP from the compartment's own v > vth starts its refractory period (refract_delay 3)
     * without a spike or reset: v = 300, 600, 900 (above 640: kept, refractory), 0, 0, then again.
     */
    @Test
    void backPropagatingActionPotentialStartsTheRefractoryPeriod() throws Exception {
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI);
        Loihi1CompartmentProfile dendrite = new Loihi1CompartmentProfile(0, 0, 3, Loihi1ThresholdOp.NO_SPIKE_AND_PASS_V,
                Loihi1JoinOp.SKIP, Loihi1StackIn.SKIP, Loihi1StackOut.SKIP, Set.of(Loihi1BapSource.SELF),
                Set.of(Loihi1BapAction.REFRACTORY));
        int cx = config.core(0, 0).compartment(dendrite, 10, 300, 0);
        Loihi1RunResult result = run(config.build(), 10);
        assertArrayEquals(new int[] {300, 600, 900, 0, 0, 300, 600, 900, 0, 0}, series(result, "voltage", cx));
        assertEquals(List.of(), spikeSteps(result, cx));
    }

    /** The tree path and the plain path agree on cores whose compartments are ordinary LIFs. */
    @Test
    void aTreeCoreComputesPlainCompartmentsLikeAPlainCore() throws Exception {
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI);
        Loihi1CompartmentProfile lif = Loihi1CompartmentProfile.lif(409, 205, 2);
        Loihi1TestConfig.Core plain = config.core(0, 0);
        Loihi1TestConfig.Core tree = config.core(0, 1);
        for (Loihi1TestConfig.Core core : List.of(plain, tree)) {
            core.compartment(lif, 60, 500, 3);
            core.compartment(lif, 100, -300, 2);
            core.format(1, 8, Loihi1SignMode.MIXED, 0, 0).synapse(0, 1, 0, 200, 0).synapse(0, 1, 1, -100, 0);
        }
        // A separate two-compartment tree puts the second core on the tree path.
        int aux = tree.compartment(profile(Loihi1ThresholdOp.NO_SPIKE_AND_PASS_V, Loihi1JoinOp.SKIP,
                Loihi1StackIn.SKIP, Loihi1StackOut.PUSH_U), 100, 0, 0);
        int soma = tree.compartment(profile(Loihi1ThresholdOp.SPIKE_AND_RESET, Loihi1JoinOp.ADD, Loihi1StackIn.POP_A,
                Loihi1StackOut.SKIP), 100, 0, 0);
        tree.edge(aux, soma, Loihi1TreeEdges.PORT_A);
        plain.compartment(lif, 100, 0, 0);
        plain.compartment(lif, 100, 0, 0);
        for (int k = 0; k < 50; k += 3) {
            config.spike(k, 0, 0, 0).spike(k, 0, 1, 0);
        }
        Loihi1RunResult result = run(config.build(), 50);
        for (String probe : List.of("current", "voltage", "spikes", "synaptic_input")) {
            assertArrayEquals(series(result, probe, 0), series(result, probe, 4), probe + " of compartment 0");
            assertArrayEquals(series(result, probe, 1), series(result, probe, 5), probe + " of compartment 1");
        }
    }
}
