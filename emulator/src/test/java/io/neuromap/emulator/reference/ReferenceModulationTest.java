package io.neuromap.emulator.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.emulator.record.ProbeRecorder;
import io.neuromap.emulator.record.Recording;
import org.junit.jupiter.api.Test;

/** Modulator concentrations and pathway effects against closed forms. */
class ReferenceModulationTest {
    private static final double DT = 1e-3;
    private static final double TAU_M = 20e-3;
    private static final double R = 20e6;

    @Test
    void concentrationRisesByTheReleaseAfterTheDelayAndDecaysToBaseline() {
        Recording r = TestNetworks.run("""
                network N {
                  population src[2] : spike_times { times = [100 ms]; }
                  population p[1] : lif;
                  modulator DA { source src; release 0.5 per spike; decay 50 ms; baseline 0.1; delay 5 ms; }
                  probe m : modulator(DA) of p;
                }
                simulate N { dt = 1 ms; duration = 400 ms; }
                """);
        ProbeRecorder m = TestNetworks.probe(r, "m");
        int released = 105;
        for (int s = 0; s < m.sampleCount(); s++) {
            double expected = s < released ? 0.1 : 0.1 + 2 * 0.5 * Math.exp(-(s - released) * DT / 50e-3);
            assertEquals(expected, m.value(s, 0), 1e-15, "step " + s);
        }
    }

    /** v of a LIF neuron driven by a bias current that changes per step, by the exact propagator. */
    private static double nextV(double v, double bias) {
        double p22 = Math.exp(-DT / TAU_M);
        return -65e-3 + p22 * (v + 65e-3) + R * (1 - p22) * bias;
    }

    @Test
    void excitabilityFollowsTheConcentrationOfThePreviousStep() {
        Recording r = TestNetworks.run("""
                network N {
                  population src[1] : spike_times { times = [10 ms, 30 ms]; }
                  population p[2] : lif { v_thresh = 0 mV; receptor R1 binds DA; }
                  modulator DA { source src; release 1 per spike; decay 20 ms; baseline 0.5; }
                  pathway a : DA -> p[0:1] via R1 { effect excitability += 0.4 nA * [DA]; }
                  pathway b : DA -> p[1:2] via R1 { effect excitability += 0.4 * [DA] response sigmoid(4, 0.5); }
                  probe m : modulator(DA) of p;
                  probe v : state(v) of p;
                }
                simulate N { dt = 1 ms; duration = 100 ms; }
                """);
        ProbeRecorder m = TestNetworks.probe(r, "m");
        ProbeRecorder v = TestNetworks.probe(r, "v");
        double v0 = -65e-3;
        double v1 = -65e-3;
        for (int s = 0; s < 100; s++) {
            double before = s == 0 ? 0.5 : m.value(s - 1, 0);
            v0 = nextV(v0, 0.4e-9 * before);
            v1 = nextV(v1, 0.4e-9 / (1 + Math.exp(-4 * (before - 0.5))));
            assertEquals(v0, v.value(s, 0), 1e-15, "linear, step " + s);
            assertEquals(v1, v.value(s, 1), 1e-15, "sigmoid response, plain number in nA, step " + s);
        }
    }

    @Test
    void gainScalesTheSynapticCurrentsEffectOnTheMembrane() {
        Recording r = TestNetworks.run("""
                network N {
                  population src[1] : spike_times { times = [5 ms]; }
                  population p[2] : lif { v_thresh = 0 mV; receptor G binds M; }
                  project src -> p with all_to_all() { weight = 1 nA; }
                  modulator M { source external "none"; decay 1 s; baseline 3; }
                  pathway g : M -> p[1:2] via G { effect gain *= [M]; }
                  probe v : state(v) of p;
                  probe ie : state(i_syn_e) of p;
                }
                simulate N { dt = 1 ms; duration = 60 ms; }
                """);
        ProbeRecorder v = TestNetworks.probe(r, "v");
        ProbeRecorder ie = TestNetworks.probe(r, "ie");
        for (int s = 0; s < 60; s++) {
            assertEquals(ie.value(s, 0), ie.value(s, 1), 0, "the current itself is not scaled");
            assertEquals(3 * (v.value(s, 0) + 65e-3), v.value(s, 1) + 65e-3, 1e-15, "PSP x 3 at step " + s);
        }
        assertTrue(v.value(20, 0) > -64.9e-3, "there is a PSP");
    }

    @Test
    void thresholdOffsetMovesTheFiringThreshold() {
        Recording r = TestNetworks.run("""
                network N {
                  population p[2] : lif { i_offset = 1 nA; receptor T binds M; }
                  modulator M { source external "none"; decay 1 s; baseline 2; }
                  pathway t : M -> p[1:2] via T { effect threshold += 1.5 * [M]; }
                }
                simulate N { dt = 0.1 ms; duration = 1 s; }
                """);
        for (int n = 0; n < 2; n++) {
            double threshold = n == 0 ? -50e-3 : -47e-3;
            double ri = R * 1e-9;
            double isi = TAU_M * Math.log(ri / (ri - (threshold + 65e-3))) + 0.1e-3;
            int[] steps = TestNetworks.spikeSteps(r, n);
            for (int k = 1; k < steps.length; k++) {
                assertTrue(Math.abs((steps[k] - steps[k - 1]) * 1e-4 - isi) <= 1e-4 + 1e-12, "neuron " + n + " ISI");
            }
            assertTrue(steps.length > 10);
        }
    }

    @Test
    void tauEffectRescalesTheMembraneTimeConstant() {
        Recording r = TestNetworks.run("""
                network N {
                  population p[1] : lif { i_offset = 0.5 nA; v_thresh = 0 mV; receptor T binds M; }
                  modulator M { source external "none"; decay 1 s; baseline 2; }
                  pathway t : M -> p via T { effect tau(tau_m) *= [M]; effect param(v_rest) -= 5 mV; }
                  probe v : state(v) of p;
                }
                simulate N { dt = 1 ms; duration = 100 ms; }
                """);
        ProbeRecorder v = TestNetworks.probe(r, "v");
        double tau = 40e-3;
        double rest = -70e-3;
        double vInf = rest + tau / 1e-9 * 0.5e-9;
        for (int s = 0; s < 100; s++) {
            double expected = vInf + (-65e-3 - vInf) * Math.exp(-(s + 1) * DT / tau);
            assertEquals(expected, v.value(s, 0), 1e-15, "step " + s);
        }
    }
}
