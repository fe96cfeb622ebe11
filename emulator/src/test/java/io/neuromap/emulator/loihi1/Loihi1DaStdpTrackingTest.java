package io.neuromap.emulator.loihi1;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.TestNmap;
import io.neuromap.backends.loihi1.Loihi1CompileOptions;
import io.neuromap.backends.loihi1.Loihi1Compiler;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.rules.Loihi1Checked;
import io.neuromap.compiler.ir.Network;
import org.junit.jupiter.api.Test;

/**
 * da_stdp under a high dopamine level, where the reference moves a weight by many times its range
 * per learning epoch (dw/dt = c [DA] / 1 ms with [DA] near 10): the chip's learned weights must
 * track the float reference's. The plastic weights are small next to the drive of the post
 * neurons, so both engines see nearly the same spikes and any difference is the learning's.
 * Before the lowering held w_max through the accumulator's saturation, the emulated weights
 * jumped between 0 and twice w_max every epoch (mean |w_emu - w_ref| 0.31 of w_max; now 0.16).
 */
class Loihi1DaStdpTrackingTest {
    /**
     * The stated bound on mean |w_emu - w_ref| / w_max after 950 ms: measured 0.16 (0.31 before the
     * fix; 0.04 with later lowerings at trace impulse 32, 0.06 at da_stdp's burst impulse 16). What remains is the bang-bang regime's own sensitivity (LOIHI1-LEARN-007, which this
     * network draws at about 48,000 weight ranges per pairing): pairings the 7-bit traces lose, and
     * a weight moving up to an epoch later than the float rule's.
     */
    private static final double BOUND = 0.20;
    private static final String NMAP = """
            celltype P : lif { tau_m = 20 ms; v_rest = -65 mV; v_reset = -65 mV; v_thresh = -50 mV;
                               tau_refrac = 2 ms; receptor R binds DA; }
            network T {
              population pre[40] : poisson { rate = 10 Hz; }
              population drive[20] : poisson { rate = 15 Hz; }
              population snc[40] : poisson { rate = 4 Hz; }
              population post[20] : P;
              project drive -> post with one_to_one { weight = 40 nA; delay = 1 ms; receptor = exc; }
              project ff : pre -> post with all_to_all
                  plasticity da_stdp(tau_c = 1 s, w_min = 0 nA, w_max = 0.2 nA)
                  { weight ~ uniform(0.05 nA, 0.15 nA); delay = 1 ms; receptor = exc; }
              modulator DA { source snc; release 0.3 per spike; decay 200 ms; baseline 0.05; }
              pathway learn : DA -> proj ff via R { effect learning_rate *= 1; }
              probe w : weights of post every 50 ms;
            }
            simulate T { dt = 1 ms; duration = 1 s; seed = 11; }
            """;

    @Test
    void learnedWeightsTrackTheReferenceAtAHighDopamineLevel() throws Exception {
        Network network = TestNmap.elaborate(NMAP);
        Loihi1Checked compiled = Loihi1Compiler.compile(network, Loihi1CompileOptions.defaults());
        Loihi1Config config = compiled.config().orElseThrow(() -> new AssertionError(compiled.toString()));
        assertTrue(compiled.violations().stream().anyMatch(v -> v.ruleId().equals("LOIHI1-LEARN-007")),
                () -> "the bang-bang regime is reported: " + compiled.violations());
        DaStdpWeightComparison.Result r = DaStdpWeightComparison.run(network, config, 1000, 0.2e-9, 0.1);
        assertTrue(r.moved() > r.synapses() / 2, "the reference's weights learned: " + r.moved() + " of " + r.synapses());
        assertTrue(r.meanError() < BOUND, "mean |w_emu - w_ref| / w_max = " + r.meanError());
    }
}
