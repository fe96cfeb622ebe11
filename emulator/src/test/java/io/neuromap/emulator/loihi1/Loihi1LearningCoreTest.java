package io.neuromap.emulator.loihi1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1SignMode;
import io.neuromap.backends.loihi1.Loihi1SynapseFormat;
import io.neuromap.backends.loihi1.config.Loihi1CompartmentProfile;
import io.neuromap.backends.loihi1.config.Loihi1Compartments;
import io.neuromap.backends.loihi1.config.Loihi1CoreConfig;
import io.neuromap.backends.loihi1.config.Loihi1CoreSingletons;
import io.neuromap.backends.loihi1.config.Loihi1Learning;
import io.neuromap.backends.loihi1.config.Loihi1Learning.Factor;
import io.neuromap.backends.loihi1.config.Loihi1Learning.Product;
import io.neuromap.backends.loihi1.config.Loihi1Learning.Variable;
import io.neuromap.backends.loihi1.config.Loihi1OutputAxons;
import io.neuromap.backends.loihi1.config.Loihi1SynapseFormatEntry;
import io.neuromap.backends.loihi1.config.Loihi1Synapses;
import io.neuromap.backends.loihi1.config.Loihi1ThresholdProfile;
import io.neuromap.backends.loihi1.config.Loihi1TreeEdges;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The learning engine on one synapse, against values worked out by hand from specs/loihi1.md §3.3
 * (the arithmetic in the comments), with fixed random numbers: trace decays round down unless the
 * fraction exceeds 0.99, integer impulses never round, synaptic variables round up above 0.5.
 */
class Loihi1LearningCoreTest {
    /** Fixed draws, so every rounding below is decided by hand. */
    static final Loihi1LearningRandom FIXED = new Loihi1LearningRandom() {
        @Override
        public int postImpulse(int chip, int core, int step) {
            return 127;
        }

        @Override
        public double traceDecay(int chip, int core, int step, int kind) {
            return 0.99;
        }

        @Override
        public int traceImpulse(int chip, int core, int step, int kind) {
            return 127;
        }

        @Override
        public double variableRound(int chip, int core, int step) {
            return 0.5;
        }
    };

    /** One core, one compartment, {@code axons} input axons: axon 0 holds the plastic synapse (weight w0). */
    static Loihi1CoreConfig core(int axons, int w0) {
        Loihi1SynapseFormat format = new Loihi1SynapseFormat(Loihi1Limits.WEIGHT_BITS_CODE_MAX, 0, 0, 1,
                Loihi1Limits.COMPRESSION_SPARSE, Loihi1Limits.SYNAPSES_PER_CHUNK_FIELD_MAX, Loihi1SignMode.MIXED.code(), 0);
        int[] start = new int[axons + 1];
        for (int a = 1; a <= axons; a++) {
            start[a] = 1;
        }
        return new Loihi1CoreConfig(0, Loihi1CoreSingletons.lava(),
                List.of(Loihi1CompartmentProfile.lif(500, 300, Loihi1Limits.REFRACTORY_DELAY_MIN)),
                List.of(new Loihi1ThresholdProfile(40)), new Loihi1Compartments(new int[1], new int[1], new int[1],
                        new int[1]), Loihi1TreeEdges.none(), List.of(new Loihi1SynapseFormatEntry(1, format)),
                new Loihi1Synapses(axons, start, new byte[] {1}, new short[1], new short[] {(short) w0}, new byte[1]),
                Loihi1OutputAxons.none());
    }

    private static Loihi1LearningCore engine(Loihi1CoreConfig core, Loihi1Learning.Rule rule, int[] rewardAxons,
            int[] weightOut) {
        Loihi1Learning.Core lc = new Loihi1Learning.Core(0, 0, 2, List.of(new Loihi1Learning.FormatRule(1, 0,
                rewardAxons.length > 0 ? 0 : -1)), rewardAxons, new int[0], new int[0]);
        int[] identity = new int[weightOut.length];
        for (int s = 0; s < identity.length; s++) {
            identity[s] = s;
        }
        return new Loihi1LearningCore(0, 0, core, lc, List.of(rule), true, weightOut, identity, true);
    }

    @Test
    void pairBasedStdpPotentiatesThenDepresses() {
        // dw = 2^-2 x1 y0 - 2^-3 y1 x0; x1: impulse 20, tau 8; y1: impulse 24, tau 6; tEpoch 2.
        Loihi1Learning.Rule rule = new Loihi1Learning.Rule("stdp",
                List.of(new Product(Variable.Y0, 0, 1, -2, List.of(new Factor(Variable.X1, 0))),
                        new Product(Variable.X0, 0, -1, -3, List.of(new Factor(Variable.Y1, 0)))),
                List.of(), new Loihi1Learning.Trace(20, 8), new Loihi1Learning.Trace(24, 6), null);
        int[] out = new int[1];
        Loihi1LearningCore lc = engine(core(1, 40), rule, new int[0], out);
        // Step 0 (epoch time 1): pre spike. Step 1 (time 2): post spike; learning.
        lc.presynaptic(0, new int[] {0}, 1);
        lc.postsynaptic(1, new int[] {0}, 1, FIXED.postImpulse(0, 0, 1));
        lc.learn(1, FIXED);
        // x history: 0, 0 + 20 (spike at 1) = 20, 20 e^(-1/8) = 17.65 -> 17. y: 0, 0, 24 (spike at 2).
        // y0 product at ty = 2: x1 = 17, (17 * 1) << (-2 + 7) = 544; acc = 40 << 7 + 544 = 5664 -> 44.25 -> 44.
        assertEquals(44, lc.weight[0]);
        assertEquals(44, out[0]);
        assertEquals(17, lc.x1(0));
        assertEquals(24, lc.y1(0));
        // Step 3 (time 2): pre spike; learning. x: 17, 15.002 -> 15, 13.24 -> 13, + 20 = 33.
        // y: 24, 20.32 -> 20, 16.93 -> 16. x0 product at tx = 2: y1 = 16, -16 << 4 = -256 -> 5376 / 128 = 42.
        lc.presynaptic(3, new int[] {0}, 1);
        lc.learn(3, FIXED);
        assertEquals(42, lc.weight[0]);
        assertEquals(33, lc.x1(0));
        assertEquals(16, lc.y1(0));
    }

    @Test
    void rewardModulatedStdpTagsThePairingAndTheRewardWritesIt() {
        // dt = y0 x1 - 2^-7 u0 t; dw = u0 t r1 (shift 5); r1 on reward axon 1: impulse 64, tau 1000.
        Loihi1Learning.Rule rule = new Loihi1Learning.Rule("da",
                List.of(new Product(Variable.U, 0, 1, 0, List.of(new Factor(Variable.T, 0),
                        new Factor(Variable.R1, 0)))),
                List.of(new Product(Variable.Y0, 0, 1, 0, List.of(new Factor(Variable.X1, 0))),
                        new Product(Variable.U, 0, -1, -7, List.of(new Factor(Variable.T, 0)))),
                new Loihi1Learning.Trace(20, 8), new Loihi1Learning.Trace(24, 6), new Loihi1Learning.Trace(64, 1000));
        int[] out = new int[1];
        Loihi1LearningCore lc = engine(core(2, 40), rule, new int[] {1}, out);
        lc.presynaptic(0, new int[] {0}, 1);
        lc.postsynaptic(1, new int[] {0}, 1, 127);
        lc.learn(1, FIXED);
        // Tag: y0 x1 at ty = 2 is 17, 17 << 7 -> t = 17; the weight reads the old tag 0 and stays.
        assertEquals(17, lc.tag[0]);
        assertEquals(40, lc.weight[0]);
        // Step 2 (time 1): reward spike. r: 0, 0 + 64 = 64, 64 e^(-1/1000) = 63.94 -> 63.
        lc.presynaptic(2, new int[] {1}, 1);
        lc.learn(3, FIXED);
        // dw: u0 t (r1 at tEpoch) = 17 * 63 = 1071 >> 5 = 33, << 7: w = 40 + 33 = 73.
        assertEquals(73, lc.weight[0]);
        assertEquals(73, out[0]);
        // dt: -17 << 0 = -17: 17 * 128 - 17 = 2159 -> 16.87, rounded up (0.5 < 0.87): 17.
        assertEquals(17, lc.tag[0]);
        assertEquals(63, lc.r1(0));
    }
}
