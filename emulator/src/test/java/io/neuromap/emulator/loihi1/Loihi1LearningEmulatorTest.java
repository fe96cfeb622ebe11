package io.neuromap.emulator.loihi1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.loihi1.config.Loihi1Arithmetic;
import io.neuromap.backends.loihi1.config.Loihi1ChipConfig;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1CoreConfig;
import io.neuromap.backends.loihi1.config.Loihi1Learning;
import io.neuromap.backends.loihi1.config.Loihi1Learning.Factor;
import io.neuromap.backends.loihi1.config.Loihi1Learning.Product;
import io.neuromap.backends.loihi1.config.Loihi1Learning.Variable;
import io.neuromap.backends.loihi1.config.Loihi1SynapseFormatEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The learning phase inside the emulator: on a generated network whose mixed-sign synapses learn
 * by stdp and whose excitatory ones by a reward-gated rule, results (spikes, probes, weight
 * probes) are identical on 1, 2 and 4 threads; weights change, and the changes reach delivery
 * (the spikes differ from the same network without learning); before any learning, every
 * resolved weight equals what {@link Loihi1LearningCore#resolve} gives for the mantissa the
 * engine loads (the stored weight, clipped and truncated).
 */
class Loihi1LearningEmulatorTest {
    private static final int STEPS = 200;

    static Loihi1Config withLearning(Loihi1Config config) {
        Loihi1Learning.Trace x1 = new Loihi1Learning.Trace(32, 20);
        Loihi1Learning.Trace y1 = new Loihi1Learning.Trace(32, 20);
        Loihi1Learning.Rule stdp = new Loihi1Learning.Rule("stdp",
                List.of(new Product(Variable.Y0, 0, 3, -1, List.of(new Factor(Variable.X1, 0))),
                        new Product(Variable.X0, 0, -4, -1, List.of(new Factor(Variable.Y1, 0)))),
                List.of(), x1, y1, null);
        Loihi1Learning.Rule reward = new Loihi1Learning.Rule("reward",
                List.of(new Product(Variable.U, 0, 3, 0, List.of(new Factor(Variable.T, 0), new Factor(Variable.R1, 1)))),
                List.of(new Product(Variable.Y0, 0, 1, 0, List.of(new Factor(Variable.X1, 0))),
                        new Product(Variable.X0, 0, -1, 0, List.of(new Factor(Variable.Y1, 0))),
                        new Product(Variable.U, 0, -1, -5, List.of(new Factor(Variable.T, 0)))),
                x1, y1, new Loihi1Learning.Trace(40.5, 50));
        List<Loihi1Learning.Core> cores = new ArrayList<>();
        List<Loihi1Learning.SynapseSet> probed = new ArrayList<>();
        for (Loihi1ChipConfig chip : config.chips()) {
            for (Loihi1CoreConfig core : chip.cores()) {
                List<Loihi1Learning.FormatRule> formats = new ArrayList<>();
                for (Loihi1SynapseFormatEntry f : core.synapseFormats()) {
                    if (f.id() == 1) {
                        formats.add(new Loihi1Learning.FormatRule(1, 0, -1));
                    } else if (f.id() == 2) {
                        formats.add(new Loihi1Learning.FormatRule(2, 1, 0));
                    }
                }
                cores.add(new Loihi1Learning.Core(chip.id(), core.id(), 4, formats, new int[] {0}, new int[0],
                        new int[0]));
                probed.add(new Loihi1Learning.SynapseSet(chip.id(), core.id(), 1));
                probed.add(new Loihi1Learning.SynapseSet(chip.id(), core.id(), 2));
            }
        }
        return config.withLearning(new Loihi1Learning(99, List.of(stdp, reward), cores,
                List.of(new Loihi1Learning.WeightProbe("w", 50, probed))));
    }

    /**
     * {@link #withLearning} with da_stdp's shape of reward rule: w_max held by the accumulator's
     * saturation (constant products +128 +64, the reward products, -128 -64: w_max = 64), so a
     * weight above it is rounded down by the epoch's random number.
     */
    static Loihi1Config withClampedReward(Loihi1Config config) {
        Loihi1Learning learning = withLearning(config).learning();
        Loihi1Learning.Rule reward = learning.rules().get(1);
        Loihi1Learning.Rule clamped = new Loihi1Learning.Rule("clamped",
                List.of(new Product(Variable.U, 0, 1, 7, List.of()), new Product(Variable.U, 0, 1, 6, List.of()),
                        new Product(Variable.U, 0, 3, 0, List.of(new Factor(Variable.T, 0), new Factor(Variable.R1, 1))),
                        new Product(Variable.U, 0, -1, 7, List.of()), new Product(Variable.U, 0, -1, 6, List.of())),
                reward.dt(), reward.x1(), reward.y1(), reward.r1());
        return config.withLearning(new Loihi1Learning(learning.seed(), List.of(learning.rules().get(0), clamped),
                learning.cores(), learning.weightProbes()));
    }

    @ParameterizedTest
    @EnumSource(Loihi1Arithmetic.class)
    void weightLookupsAndFusedConstantsGiveTheWeightsThePlainRulesGive(Loihi1Arithmetic arithmetic) throws Exception {
        Loihi1Config config = withClampedReward(Loihi1RandomNetwork.generate(78L, arithmetic, 6, 300, 20, STEPS, 30));
        Loihi1Emulation emulation = Loihi1Emulation.of(config);
        Loihi1RunOptions one = new Loihi1RunOptions(1, false);
        List<int[][]> weights = new ArrayList<>();
        for (Loihi1Loops loops : new Loihi1Loops[] {Loihi1Loops.GENERAL, Loihi1Loops.LANES}) {
            try (Loihi1Emulator emulator = Loihi1Emulator.fromConfig(new Loihi1ValidatedConfig(config), one, loops)) {
                emulator.run(STEPS);
                weights.add(emulator.weightSamples().get(0));
            }
        }
        int[][] plain = weights.get(0);
        int clamped = 0;
        for (int r = 0; r < plain.length; r++) {
            assertArrayEquals(plain[r], weights.get(1)[r], "weights row " + r);
        }
        for (int w : plain[plain.length - 1]) {
            clamped += w == 64 || w == 63 ? 1 : 0;
        }
        assertTrue(clamped > 0, "some weights sit at the saturation bound");
        SameRun.assertSame(emulation.run(STEPS, one, Loihi1Loops.GENERAL), emulation.run(STEPS, one, Loihi1Loops.LANES),
                "lookups");
    }

    @ParameterizedTest
    @EnumSource(Loihi1Arithmetic.class)
    void learningGivesTheSameResultsOnOneTwoAndFourThreadsAndReachesDelivery(Loihi1Arithmetic arithmetic)
            throws Exception {
        Loihi1Config plain = Loihi1RandomNetwork.generate(77L, arithmetic, 6, 300, 20, STEPS, 30);
        Loihi1Config config = withLearning(plain);
        Loihi1Emulation emulation = Loihi1Emulation.of(config);
        assertEquals(List.of(), emulation.violations());
        List<int[][]> first = null;
        Loihi1RunResult one = null;
        for (int threads : new int[] {1, 2, 4}) {
            try (Loihi1Emulator emulator = Loihi1Emulator.fromConfig(new Loihi1ValidatedConfig(config),
                    new Loihi1RunOptions(threads, false))) {
                if (threads == 1) {
                    resolvedWeightsMatch(config, emulator, arithmetic);
                }
                emulator.run(STEPS);
                List<int[][]> w = emulator.weightSamples();
                if (first == null) {
                    first = w;
                } else {
                    assertEquals(first.size(), w.size());
                    for (int p = 0; p < w.size(); p++) {
                        assertEquals(first.get(p).length, w.get(p).length);
                        for (int r = 0; r < w.get(p).length; r++) {
                            assertArrayEquals(first.get(p)[r], w.get(p)[r], "weights row " + r + " on " + threads);
                        }
                    }
                }
            }
            Loihi1RunResult run = emulation.run(STEPS, new Loihi1RunOptions(threads, false));
            if (one == null) {
                one = run;
            } else {
                assertEquals(one.spikes(), run.spikes(), "spikes on " + threads + " threads");
                assertEquals(one.traces(), run.traces(), "probes on " + threads + " threads");
            }
        }
        int[][] samples = first.get(0);
        assertEquals(STEPS / 50, samples.length);
        int changed = 0;
        for (int s = 0; s < samples[0].length; s++) {
            changed += samples[0][s] != samples[samples.length - 1][s] ? 1 : 0;
        }
        assertTrue(changed > samples[0].length / 20, "weights changed: " + changed + " of " + samples[0].length);
        Loihi1RunResult frozen = Loihi1Emulation.of(plain).run(STEPS, new Loihi1RunOptions(1, false));
        assertNotEquals(frozen.spikes(), one.spikes(), "learned weights must reach delivery");
    }

    private static void resolvedWeightsMatch(Loihi1Config config, Loihi1Emulator emulator, Loihi1Arithmetic arithmetic) {
        int c = 0;
        for (Loihi1ChipConfig chip : config.chips()) {
            for (Loihi1CoreConfig core : chip.cores()) {
                int[] resolved = emulator.dendrites().weight;
                int[] index = emulator.dendrites().weightIndices(c);
                for (int s = 0; s < core.synapses().count(); s++) {
                    Loihi1SynapseFormatEntry f = core.synapseFormat(core.synapses().format()[s]);
                    if (arithmetic == Loihi1Arithmetic.LAVA && f.format().weightExp() < 0) {
                        continue;
                    }
                    int mantissa = io.neuromap.backends.loihi1.Loihi1LavaWeights.denseWeight(core.synapses().weight()[s],
                            f.signMode(), f.numWeightBits());
                    assertEquals(resolved[index[s]], Loihi1LearningCore.resolve(mantissa, f.signMode(), f.numWeightBits(),
                            f.format().weightExp(), arithmetic == Loihi1Arithmetic.LAVA), "core " + c + " synapse " + s);
                }
                c++;
            }
        }
    }
}
