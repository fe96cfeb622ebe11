package io.neuromap.emulator.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.emulator.record.ProbeRecorder;
import io.neuromap.emulator.record.Recording;
import org.junit.jupiter.api.Test;

/** {@code lif} against the closed forms of the current-based LIF neuron. */
class ReferenceLifTest {
    private static final double TAU_M = 20e-3;
    private static final double CM = 1e-9;
    private static final double R = TAU_M / CM;
    private static final double V_REST = -65e-3;
    private static final double V_TH = -50e-3;

    @Test
    void constantCurrentRelaxesExactlyToRestPlusRI() {
        double current = 0.5e-9;
        Recording r = TestNetworks.run("""
                network N {
                  population p[1] : lif { i_offset = 0.5 nA; v_init = -70 mV; }
                  probe v : state(v) of p;
                }
                simulate N { dt = 0.1 ms; duration = 600 ms; }
                """);
        ProbeRecorder v = TestNetworks.probe(r, "v");
        double vInf = V_REST + R * current;
        double dt = 1e-4;
        for (int s = 0; s < v.sampleCount(); s++) {
            double t = (s + 1) * dt;
            double expected = vInf + (-70e-3 - vInf) * Math.exp(-t / TAU_M);
            assertEquals(expected, v.value(s, 0), 1e-12, "exact solution at step " + s);
        }
        assertEquals(vInf, v.value(v.sampleCount() - 1, 0), 1e-9, "converges to v_rest + R I");
        assertEquals(0, r.spikes().count(), "v_inf = -55 mV stays below threshold");
    }

    @Test
    void firingIntervalsMatchTheAnalyticIsiWithinOneStep() {
        for (double dt : new double[] {1e-3, 1e-4}) {
            double current = 1e-9;
            double tRef = 2e-3;
            Recording r = TestNetworks.run("""
                    network N { population p[1] : lif { i_offset = 1 nA; tau_refrac = 2 ms; } }
                    simulate N { dt = %s ms; duration = 1 s; }
                    """.formatted(dt * 1e3));
            double ri = R * current;
            double toThreshold = TAU_M * Math.log(ri / (ri - (V_TH - V_REST)));
            double isi = toThreshold + tRef;
            int[] steps = TestNetworks.spikeSteps(r, 0);
            assertTrue(steps.length > 20, "fires: " + steps.length);
            assertEquals(Math.ceil(toThreshold / dt - 1e-9) - 1, steps[0], 0, "first crossing, from v_rest");
            for (int k = 1; k < steps.length; k++) {
                double interval = (steps[k] - steps[k - 1]) * dt;
                assertTrue(Math.abs(interval - isi) <= dt + 1e-12, "ISI " + interval + " vs analytic " + isi + " at dt " + dt);
            }
            double rate = steps.length / 1.0;
            assertEquals(1 / isi, rate, 1 / isi * dt / isi + 1.0, "rate within a step's worth of the analytic rate");
        }
    }

    @Test
    void refractoryNeuronIsClampedAtResetForRoundedSteps() {
        Recording r = TestNetworks.run("""
                network N {
                  population p[1] : lif { i_offset = 5 nA; tau_refrac = 2.04 ms; v_reset = -70 mV; }
                  probe v : state(v) of p;
                }
                simulate N { dt = 0.1 ms; duration = 50 ms; }
                """);
        int[] steps = TestNetworks.spikeSteps(r, 0);
        ProbeRecorder v = TestNetworks.probe(r, "v");
        assertTrue(steps.length >= 2);
        int refractory = 20;
        for (int k = 0; k <= refractory; k++) {
            assertEquals(-70e-3, v.value(steps[0] + k, 0), 0, "held at v_reset " + k + " steps after the spike");
        }
        assertTrue(v.value(steps[0] + refractory + 1, 0) > -70e-3, "integrates again after round(2.04 ms / 0.1 ms) steps");
    }
}
