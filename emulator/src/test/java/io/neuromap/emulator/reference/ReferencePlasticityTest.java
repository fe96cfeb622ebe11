package io.neuromap.emulator.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.ir.Network;
import io.neuromap.emulator.record.ProbeRecorder;
import io.neuromap.emulator.record.Recording;
import org.junit.jupiter.api.Test;

/** STDP and dopamine-modulated STDP against sums over spike pairs and the closed-form integral. */
class ReferencePlasticityTest {
    private static final double DT = 1e-3;
    private static final double NA = 1e-9;

    /** pre fires at the given times; post (neuron 1 of the network) is kicked to fire at others. */
    private static String pairs(String rule, String extra) {
        return """
                network N {
                  population pre[1] : spike_times { times = [10 ms, 35 ms, 62 ms, 90 ms, 140 ms]; }
                  population post[1] : lif { tau_refrac = 5 ms; }
                  project plastic : pre -> post with all_to_all() plasticity %s { weight = 0.5 nA; }
                  stimulus kick : spike_times(times = [20 ms, 40 ms, 60 ms, 120 ms]) -> post { weight = 200 nA; }
                  %s
                  probe w : weights of post every 1 ms;
                }
                simulate N { dt = 1 ms; duration = 200 ms; }
                """.formatted(rule, extra);
    }

    @Test
    void additiveStdpSumsEveryPairWithExponentialWindows() {
        Recording r = TestNetworks.run(pairs("stdp(tau_plus = 15 ms, tau_minus = 25 ms, A_plus = 0.02, A_minus = 0.03)", ""));
        int[] pre = TestNetworks.spikeSteps(r, 0);
        int[] post = TestNetworks.spikeSteps(r, 1);
        assertTrue(post.length >= 4, "the kicks make post fire: " + java.util.Arrays.toString(post));
        double w = (float) 0.5e-9;
        for (int j : post) {
            for (int i : pre) {
                if (i < j) {
                    w += 0.02 * Math.exp(-(j - i) * DT / 15e-3) * NA;
                }
                if (j < i) {
                    w -= 0.03 * Math.exp(-(i - j) * DT / 25e-3) * NA;
                }
            }
        }
        ProbeRecorder probe = TestNetworks.probe(r, "w");
        assertEquals(w, probe.value(probe.sampleCount() - 1, 0), 1e-21);
    }

    @Test
    void multiplicativeStdpScalesWithTheDistanceToTheBounds() {
        Recording r = TestNetworks.run(pairs("stdp(A_plus = 0.1, A_minus = 0.12, w_min = 0.2 nA, w_max = 2 nA, mode = multiplicative)",
                ""));
        int[] pre = TestNetworks.spikeSteps(r, 0);
        int[] post = TestNetworks.spikeSteps(r, 1);
        double w = (float) 0.5e-9;
        ProbeRecorder probe = TestNetworks.probe(r, "w");
        for (int s = 0; s < 200; s++) {
            for (int i : pre) {
                if (i == s) {
                    double y = 0;
                    for (int j : post) {
                        y += j < s ? Math.exp(-(s - j) * DT / 20e-3) : 0;
                    }
                    w -= 0.12 * y * (w - 0.2e-9);
                }
            }
            for (int j : post) {
                if (j == s) {
                    double x = 0;
                    for (int i : pre) {
                        x += i < s ? Math.exp(-(s - i) * DT / 20e-3) : 0;
                    }
                    w += 0.1 * x * (2e-9 - w);
                }
            }
            assertEquals(w, probe.value(s, 0), 1e-21, "step " + s);
        }
    }

    @Test
    void dopamineTurnsEligibilityIntoWeightByTheExactIntegral() {
        Network n = TestNetworks.elaborate(pairs("da_stdp(tau_plus = 20 ms, A_plus = 0.5, A_minus = 0.5, tau_c = 100 ms, w_max = 20 nA)", """
                population vta[1] : spike_times { times = [30 ms]; }
                modulator DA { source vta; release 0.4 per spike; decay 50 ms; }
                pathway learn : DA -> proj plastic via R { effect learning_rate *= 2; }
                """).replace("times = [10 ms, 35 ms, 62 ms, 90 ms, 140 ms]", "times = [10 ms]")
                .replace("times = [20 ms, 40 ms, 60 ms, 120 ms]", "times = [20 ms]")
                .replace("tau_refrac = 5 ms;", "tau_refrac = 150 ms; receptor R binds DA;"));
        ReferenceSimulator sim = ReferenceSimulator.create(n);
        Recording r = sim.run();
        int pre = TestNetworks.spikeSteps(r, 0)[0];
        int[] post = TestNetworks.spikeSteps(r, 1);
        assertEquals(1, post.length, "post fires once");
        int release = 30;
        double c1 = 0.5 * Math.exp(-(post[0] - pre) * DT / 20e-3) * NA;
        double cAtRelease = c1 * Math.exp(-(release - post[0]) * DT / 100e-3);
        double tau = 1 / (1 / 100e-3 + 1 / 50e-3);
        ProbeRecorder probe = TestNetworks.probe(r, "w");
        double w0 = (float) 0.5e-9;
        for (int s = 0; s < 200; s++) {
            double expected = w0;
            if (s > release) {
                expected += 2 * cAtRelease * 0.4 * tau * (1 - Math.exp(-(s - release) * DT / tau)) / 1e-3;
            }
            assertEquals(expected, probe.value(s, 0), 1e-21, "step " + s);
        }
        assertTrue(sim.weight("plastic", 0) > w0 + 1e-10, "dopamine after a causal pair potentiates");
        assertTrue(sim.limitations().isEmpty(), sim.limitations().toString());
    }

    @Test
    void rulesTheReferenceDoesNotSimulateAreNamed() {
        ReferenceSimulator sim = ReferenceSimulator.create(TestNetworks.elaborate(pairs(
                "sum_of_products(dw = \"2^-2*x1*y0\")", "")));
        assertEquals(1, sim.limitations().size());
        assertTrue(sim.limitations().get(0).contains("sum_of_products"), sim.limitations().get(0));
    }

    @Test
    void signAndWeightScaleEffectsActOnTheirTargets() {
        String rule = "stdp(tau_plus = 15 ms, tau_minus = 25 ms, A_plus = 0.02, A_minus = 0.03)";
        String modulator = """
                population vta[1] : spike_times { times = [1 s]; }
                modulator DA { source vta; decay 50 ms; baseline 1; }
                """;
        Recording plain = TestNetworks.run(pairs(rule, ""));
        Recording flipped = TestNetworks.run(pairs(rule, modulator + "pathway flip : DA -> post via R { effect plasticity_sign = -1; }")
                .replace("tau_refrac = 5 ms;", "tau_refrac = 5 ms; receptor R binds DA;"));
        ProbeRecorder a = TestNetworks.probe(plain, "w");
        ProbeRecorder b = TestNetworks.probe(flipped, "w");
        assertArrayEqualsSpikes(plain, flipped);
        double w0 = (float) 0.5e-9;
        int last = a.sampleCount() - 1;
        assertTrue(Math.abs(a.value(last, 0) - w0) > 1e-12, "the pairs change the weight");
        assertEquals(w0 - (a.value(last, 0) - w0), b.value(last, 0), 1e-21, "plasticity_sign = -1 reverses every change");

        Recording scaled = TestNetworks.run(pairs(rule, modulator + "pathway scale : DA -> proj plastic via R { effect weight_scale *= 3 * [DA]; }")
                .replace("tau_refrac = 5 ms;", "tau_refrac = 5 ms; receptor R binds DA;")
                .replace("probe w : weights of post every 1 ms;", "probe ie : state(i_syn_e) of post;"));
        // Added at the start of step 11, the current has decayed over that step (tau_syn_E = 5 ms) at the probe.
        assertEquals(3 * w0 * Math.exp(-DT / 5e-3), TestNetworks.probe(scaled, "ie").value(11, 0), 1e-21,
                "weight_scale triples the efficacy of the first pre spike (step 10, arriving in step 11)");
    }

    private static void assertArrayEqualsSpikes(Recording a, Recording b) {
        for (int n = 0; n < 2; n++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(TestNetworks.spikeSteps(a, n), TestNetworks.spikeSteps(b, n));
        }
    }

    @Test
    void aThreeFactorRuleWithoutModulatorIsNamedAsALimitation() {
        ReferenceSimulator sim = ReferenceSimulator.create(TestNetworks.elaborate(pairs("da_stdp()", "")));
        assertEquals(1, sim.limitations().size());
        assertTrue(sim.limitations().get(0).contains("da_stdp without a pathway"), sim.limitations().get(0));
        Recording r = sim.run();
        ProbeRecorder w = TestNetworks.probe(r, "w");
        assertEquals((float) 0.5e-9, w.value(w.sampleCount() - 1, 0), 0, "no modulator, no weight change");
    }
}
