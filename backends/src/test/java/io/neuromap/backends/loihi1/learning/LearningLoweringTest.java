package io.neuromap.backends.loihi1.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.loihi1.Loihi1CompileOptions;
import io.neuromap.backends.loihi1.Loihi1CompileResult;
import io.neuromap.backends.loihi1.Specs;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1CoreConfig;
import io.neuromap.backends.loihi1.config.Loihi1Learning;
import io.neuromap.compiler.mapping.Violation;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * stdp and da_stdp compiled end to end into the learning section: the rules' structure, the
 * opposite-sign variant of cells whose pathway sets plasticity_sign = -1, the reward axons on
 * every learning core with the modulator's source spikes routed to them, the weight probe, and
 * the rules and warnings the compile no longer reports.
 */
class LearningLoweringTest {
    @TempDir
    Path dir;

    private static final String STRIATUM = """
            celltype D1 : lif { receptor D1R binds DA; }
            celltype D2 : lif { receptor D2R binds DA; }
            network S {
              population ctx[100] : poisson { rate = 8 Hz; }
              population snc[10] : poisson { rate = 4 Hz; }
              population msn[60] : mix { D1: 0.5, D2: 0.5 };
              project ctx_msn : ctx -> msn with fixed_prob(0.2)
                  plasticity da_stdp(tau_c = 1 s, w_min = 0 nA, w_max = 2 nA)
                  { weight = 1 nA; receptor = exc; }
              modulator DA { source snc; release 0.3 per spike; decay 200 ms; baseline 0.05; }
              pathway d1 : DA -> celltype D1 via D1R { effect learning_rate *= 1; }
              pathway d2 : DA -> celltype D2 via D2R { effect plasticity_sign = -1; }
              probe w : weights of msn every 100 ms;
            }
            simulate S { dt = 1 ms; duration = 500 ms; seed = 5; }
            """;

    @Test
    void daStdpWithOppositeSignCellsCompilesToRulesVariantsAndRewardAxons() {
        Loihi1CompileResult r = Specs.compile(dir, STRIATUM, Loihi1CompileOptions.defaults());
        assertTrue(r.feasible(), () -> r.violations().toString());
        Set<String> ids = new HashSet<>();
        for (Violation v : r.violations()) {
            ids.add(v.ruleId());
        }
        assertFalse(ids.contains("LOIHI1-LEARN-001"), ids::toString);
        assertFalse(ids.contains("LOIHI1-MOD-001"), ids::toString);
        assertFalse(ids.contains("LOIHI1-PROBE-001"), ids::toString);
        Loihi1Config config = r.config().orElseThrow();
        Loihi1Learning learning = config.learning();
        assertFalse(learning.isEmpty());
        // Two pathway variants (D1, D2), the same number of weight-scale bins each.
        assertEquals(0, learning.rules().size() % 2);
        int half = learning.rules().size() / 2;
        for (int b = 0; b < half; b++) {
            Loihi1Learning.Rule d1 = learning.rules().get(b);
            Loihi1Learning.Rule d2 = learning.rules().get(half + b);
            Loihi1Learning.Product w1 = firstWithFactors(d1.dw());
            Loihi1Learning.Product w2 = firstWithFactors(d2.dw());
            // w_max is held by the accumulator's saturation: the dw products between +(256 - c) and -(256 - c).
            int head = leadingConstant(d1.dw());
            assertTrue(head > 0 && head < 256, "headroom " + head);
            assertEquals(-head, leadingConstant(reversed(d1.dw())), d1::toString);
            assertEquals(head, leadingConstant(d2.dw()), "both variants share the bound");
            assertEquals(Loihi1Learning.Variable.U, w1.dependency());
            assertEquals(List.of(Loihi1Learning.Variable.T, Loihi1Learning.Variable.R1),
                    w1.factors().stream().map(Loihi1Learning.Factor::variable).toList());
            assertTrue(w1.mantissa() > 0 && w2.mantissa() < 0, d1 + "\n" + d2);
            assertEquals(d1.dt(), d2.dt(), "the eligibility is the same; only dw changes sign");
            assertTrue(d1.r1() != null && d1.r1().impulse() > 0);
        }
        // Every learning core has one reward channel, fed by all 10 snc neurons each step they fire.
        assertFalse(learning.cores().isEmpty());
        Set<Integer> offsets = new HashSet<>();
        for (Loihi1Learning.Core lc : learning.cores()) {
            assertEquals(1, lc.rewardAxons().length, lc::toString);
            Loihi1CoreConfig core = config.core(lc.chip(), lc.core());
            int axon = lc.rewardAxons()[0];
            assertEquals(core.synapses().axonStart()[axon], core.synapses().axonStart()[axon + 1], "no synapses");
            long spikes = 0;
            for (int k = 0; k < config.spikes().count(); k++) {
                if (config.spikes().chip()[k] == lc.chip() && config.spikes().core()[k] == lc.core()
                        && config.spikes().axon()[k] == axon) {
                    spikes++;
                }
            }
            assertTrue(spikes > 5, "reward spikes on " + lc + ": " + spikes);
            for (int o : lc.offsets()) {
                offsets.add(o);
            }
        }
        assertTrue(offsets.stream().anyMatch(o -> o >= half), "D2 compartments select the negative rules: " + offsets);
        assertEquals(1, learning.weightProbes().size());
        assertEquals("w", learning.weightProbes().get(0).name());
        assertEquals(100, learning.weightProbes().get(0).every());
    }

    @Test
    void daStdpTracesHoldABurstOfSpikesThreeStepsApart() {
        // tau 20 steps: a burst every third step peaks at 7.2 impulses, 127 / 7.2 = 17.7: 16.
        assertEquals(16, LearningLowerer.burstImpulse(20));
        // Short traces keep stdp's 32; long ones stop at the smallest impulse, 8.
        assertEquals(32, LearningLowerer.burstImpulse(5));
        assertEquals(LearningLowerer.MIN_TRACE_IMPULSE, LearningLowerer.burstImpulse(100));
        for (int tau = 1; tau <= 200; tau++) {
            int impulse = LearningLowerer.burstImpulse(tau);
            assertEquals(Integer.bitCount(impulse), 1, "a power of two at tau " + tau + ": " + impulse);
        }
        Loihi1CompileResult r = Specs.compile(dir, STRIATUM, Loihi1CompileOptions.defaults());
        for (Loihi1Learning.Rule rule : r.config().orElseThrow().learning().rules()) {
            assertEquals(new Loihi1Learning.Trace(16, 20), rule.x1(), rule.name());
            assertEquals(new Loihi1Learning.Trace(16, 20), rule.y1(), rule.name());
        }
    }

    @Test
    void additiveStdpScalesFollowTheAmplitudesAndBoundsHoldWMax() {
        String spec = """
                network L {
                  population pre[50] : poisson { rate = 10 Hz; }
                  population post[20] : lif;
                  project ff : pre -> post with all_to_all
                      plasticity stdp(tau_plus = 20 ms, tau_minus = 30 ms, A_plus = 0.01, A_minus = 0.02,
                                      w_min = 0 nA, w_max = 1 nA)
                      { weight = 0.5 nA; receptor = exc; }
                }
                simulate L { dt = 1 ms; duration = 100 ms; seed = 1; }
                """;
        Loihi1CompileResult r = Specs.compile(dir, spec, Loihi1CompileOptions.defaults());
        assertTrue(r.feasible(), () -> r.violations().toString());
        Loihi1Learning learning = r.config().orElseThrow().learning();
        Loihi1Learning.Rule rule = learning.rules().get(0);
        assertEquals(new Loihi1Learning.Trace(LearningLowerer.TRACE_IMPULSE, 20), rule.x1());
        assertEquals(new Loihi1Learning.Trace(LearningLowerer.TRACE_IMPULSE, 30), rule.y1());
        Loihi1Learning.Product pot = rule.dw().get(0);
        Loihi1Learning.Product dep = rule.dw().get(1);
        assertEquals(Loihi1Learning.Variable.Y0, pot.dependency());
        assertEquals(Loihi1Learning.Variable.X0, dep.dependency());
        double ratio = -(dep.mantissa() * Math.pow(2, dep.exponent())) / (pot.mantissa() * Math.pow(2, pot.exponent()));
        assertEquals(2.0, ratio, 0.3, "A_minus / A_plus");
        // The w_max bound: -(w - c)/2 - (w - c) sgn(w - c)/2 with c the w_max mantissa (at most 128).
        Loihi1Learning.Product bound = rule.dw().get(2);
        int c = -bound.factors().get(0).constant();
        assertTrue(c > 64 && c <= 128, "w_max mantissa " + c);
        assertEquals(Loihi1Learning.Variable.SGN_W, rule.dw().get(3).factors().get(1).variable());
        assertEquals(2, learning.cores().get(0).tEpoch(), "stdp needs no particular epoch");
    }

    private static Loihi1Learning.Product firstWithFactors(List<Loihi1Learning.Product> products) {
        return products.stream().filter(p -> !p.factors().isEmpty()).findFirst().orElseThrow();
    }

    private static List<Loihi1Learning.Product> reversed(List<Loihi1Learning.Product> products) {
        List<Loihi1Learning.Product> out = new java.util.ArrayList<>(products);
        java.util.Collections.reverse(out);
        return out;
    }

    /** The sum (mantissa units) of the factorless u0 products at the start of {@code products}. */
    private static int leadingConstant(List<Loihi1Learning.Product> products) {
        int sum = 0;
        for (Loihi1Learning.Product p : products) {
            if (!p.factors().isEmpty()) {
                break;
            }
            assertEquals(Loihi1Learning.Variable.U, p.dependency());
            sum += p.mantissa() << p.exponent();
        }
        return sum;
    }
}
