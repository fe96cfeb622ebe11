package io.neuromap.emulator.loihi1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.TestNmap;
import io.neuromap.backends.loihi1.Loihi1CompileOptions;
import io.neuromap.backends.loihi1.Loihi1Compiler;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.rules.Loihi1Checked;
import io.neuromap.compiler.ir.Network;
import org.junit.jupiter.api.Test;

/**
 * da_stdp at a moderate rate (a pairing moves a weight by about 2.9 ranges over tau_c), with post
 * neurons driven hard enough to fire in bursts and plastic weights too small to change their
 * spikes, so both engines pair the same spikes. Lava's engine pairs one post spike per epoch and
 * books an earlier spike of the epoch at the epoch's start: with 8-step epochs the burst's other
 * spikes lost their potentiation and the chip's weights drifted down (mean |w_emu - w_ref| 0.14 of
 * w_max after 980 ms, the mean weight 0.055 against 0.074 nA). The lowering now runs 2-step epochs
 * and decimates the tag decay: 0.05.
 */
class Loihi1DaStdpModerateTrackingTest {
    /**
     * The stated bound on mean |w_emu - w_ref| / w_max after 950 ms: measured 0.07 at da_stdp's
     * burst trace impulse 16 (0.05 at 32; 0.14 with 8-step epochs).
     */
    private static final double BOUND = 0.08;
    private static final String NMAP = """
            celltype P : lif { tau_m = 20 ms; v_rest = -65 mV; v_reset = -65 mV; v_thresh = -50 mV;
                               tau_refrac = 2 ms; receptor R binds DA; }
            network T {
              population pre[40] : poisson { rate = 8 Hz; }
              population drive[20] : poisson { rate = 6 Hz; }
              population snc[40] : poisson { rate = 4 Hz; }
              population post[20] : P;
              project drive -> post with one_to_one { weight = 40 nA; delay = 1 ms; receptor = exc; }
              project ff : pre -> post with all_to_all
                  plasticity da_stdp(A_plus = 0.001, A_minus = 0.0015, tau_c = 1 s, w_min = 0 nA, w_max = 0.2 nA)
                  { weight ~ uniform(0.05 nA, 0.15 nA); delay = 1 ms; receptor = exc; }
              modulator DA { source snc; release 0.015 per spike; decay 200 ms; baseline 0.05; scope per_target_neuron; }
              pathway learn : DA -> proj ff via R { effect learning_rate *= 1; }
              probe w : weights of post every 50 ms;
            }
            simulate T { dt = 1 ms; duration = 1 s; seed = 11; }
            """;

    @Test
    void learnedWeightsTrackTheReferenceWhenPostNeuronsBurst() throws Exception {
        Network network = TestNmap.elaborate(NMAP);
        Loihi1Checked compiled = Loihi1Compiler.compile(network, Loihi1CompileOptions.defaults());
        Loihi1Config config = compiled.config().orElseThrow(() -> new AssertionError(compiled.toString()));
        assertTrue(compiled.violations().stream().noneMatch(v -> v.ruleId().equals("LOIHI1-LEARN-007")),
                () -> "not the bang-bang regime: " + compiled.violations());
        assertEquals(2, config.learning().cores().get(0).tEpoch(), "2-step epochs, the tag decay every 4");
        DaStdpWeightComparison.Result r = DaStdpWeightComparison.run(network, config, 1000, 0.2e-9, 0.05);
        assertTrue(r.moved() > r.synapses() / 2, "the reference's weights learned: " + r.moved() + " of " + r.synapses());
        assertTrue(r.meanError() < BOUND, "mean |w_emu - w_ref| / w_max = " + r.meanError());
    }
}
