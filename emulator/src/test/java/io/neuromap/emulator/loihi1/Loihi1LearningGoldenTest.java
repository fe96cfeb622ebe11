package io.neuromap.emulator.loihi1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.loihi1.Loihi1GoldenCorpus;
import io.neuromap.backends.loihi1.config.Loihi1LearningGolden;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays Lava's bit-approximate learning golden (golden/loihi1/lava_learning_stdp_bitapprox.json):
 * the file, converted to a config by the backends' {@link Loihi1LearningGolden}, runs through the
 * emulator on 1 and 3 threads with the random numbers Lava logged injected through the
 * emulator's test hook ({@link Loihi1Emulator#fromConfig(Loihi1ValidatedConfig, Loihi1RunOptions,
 * Loihi1LearningRandom)}), and every logged state (after each spiking phase and each learning
 * phase: weights, x1, y1, tx, ty) must be reproduced value for value.
 */
class Loihi1LearningGoldenTest {

    @TestFactory
    List<DynamicTest> everyLearningGoldenIsReproducedValueForValue() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Loihi1GoldenCorpus.GoldenFile file : Loihi1GoldenCorpus.all()) {
            if (!Loihi1LearningGolden.isLearning(file.root())) {
                continue;
            }
            for (int threads : new int[] {1, 3}) {
                tests.add(DynamicTest.dynamicTest(file.label() + " on " + threads + " thread(s)",
                        () -> replay(Loihi1LearningGolden.convert(file.label(), file.root()), threads)));
            }
        }
        assertTrue(tests.size() >= 2, "the bundled corpus holds lava_learning_stdp_bitapprox");
        return tests;
    }

    private static void replay(Loihi1LearningGolden.Case c, int threads) throws Exception {
        assertEquals(List.of(), Loihi1Emulation.of(c.config()).violations());
        Loihi1LearningRandom logged = new Loihi1LearningRandom() {
            @Override
            public int postImpulse(int chip, int core, int step) {
                return c.postImpulse().get(step + 1);
            }

            @Override
            public double traceDecay(int chip, int core, int step, int kind) {
                return c.epochDraws().get(step + 1)[kind == X ? 0 : 2];
            }

            @Override
            public int traceImpulse(int chip, int core, int step, int kind) {
                return (int) c.epochDraws().get(step + 1)[kind == X ? 1 : 3];
            }

            @Override
            public double variableRound(int chip, int core, int step) {
                return c.epochDraws().get(step + 1)[4];
            }
        };
        int post = c.states().get(0).ty().length;
        int pre = c.states().get(0).tx().length;
        List<Loihi1LearningGolden.State> seen = new ArrayList<>();
        try (Loihi1Emulator emulator = Loihi1Emulator.fromConfig(new Loihi1ValidatedConfig(c.config()),
                new Loihi1RunOptions(threads, false), logged)) {
            Loihi1LearningCore lc = emulator.learningPhase().core(0);
            emulator.learningPhase().observe((core, step) -> seen.add(state("spk", step + 1, core, pre, post)));
            for (int k = 0; k < c.steps(); k++) {
                emulator.step();
                if (!lc.endsEpoch(k)) {
                    seen.add(state("spk", k + 1, lc, pre, post));
                } else {
                    seen.add(state("lrn", k + 1, lc, pre, post));
                }
            }
        }
        assertEquals(c.states().size(), seen.size());
        for (int i = 0; i < seen.size(); i++) {
            Loihi1LearningGolden.State want = c.states().get(i);
            Loihi1LearningGolden.State got = seen.get(i);
            String at = want.phase() + " t=" + want.t();
            assertEquals(want.phase(), got.phase(), at);
            assertEquals(want.t(), got.t(), at);
            for (int j = 0; j < post; j++) {
                assertArrayEquals(want.weights()[j], got.weights()[j], at + " weights of post " + j);
            }
            assertArrayEquals(want.x1(), got.x1(), at + " x1");
            assertArrayEquals(want.y1(), got.y1(), at + " y1");
            assertArrayEquals(want.tx(), got.tx(), at + " tx");
            assertArrayEquals(want.ty(), got.ty(), at + " ty");
        }
    }

    private static Loihi1LearningGolden.State state(String phase, int t, Loihi1LearningCore lc, int pre, int post) {
        int[][] w = new int[post][pre];
        int[] x1 = new int[pre];
        int[] tx = new int[pre];
        int[] y1 = new int[post];
        int[] ty = new int[post];
        for (int i = 0; i < pre; i++) {
            x1[i] = lc.x1(i);
            tx[i] = lc.tx(i);
            for (int j = 0; j < post; j++) {
                w[j][i] = lc.weight[lc.plasticIndex[i * post + j]];
            }
        }
        for (int j = 0; j < post; j++) {
            y1[j] = lc.y1(j);
            ty[j] = lc.ty(j);
        }
        return new Loihi1LearningGolden.State(phase, t, w, x1, y1, tx, ty);
    }
}
