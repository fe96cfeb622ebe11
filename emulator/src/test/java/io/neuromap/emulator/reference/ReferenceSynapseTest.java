package io.neuromap.emulator.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.emulator.record.ProbeRecorder;
import io.neuromap.emulator.record.Recording;
import org.junit.jupiter.api.Test;

/** Synaptic currents, PSPs and delays against their closed forms. */
class ReferenceSynapseTest {
    private static final double DT = 1e-4;
    /** IR weights are floats: what the network stores for 2 nA and 1 nA. */
    private static final double W2 = (float) 2e-9;
    private static final double W1 = (float) 1e-9;

    /** One spike at 10 ms from {@code src} onto {@code p}: weight 2 nA, delay 1.5 ms (15 steps). */
    private static final String ONE_SPIKE = """
            network N {
              population src[1] : spike_times { times = [10 ms]; }
              population p[1] : lif { tau_m = 20 ms; tau_syn_E = 5 ms; tau_syn_I = 2 ms; cm = 0.5 nF; v_thresh = 0 mV; }
              project e : src -> p with all_to_all() { weight = 2 nA; delay = 1.5 ms; }
              project i : src -> p with all_to_all() { weight = 1 nA; delay = 3 ms; receptor = inh; }
              probe ie : state(i_syn_e) of p;
              probe ii : state(i_syn_i) of p;
              probe v : state(v) of p;
            }
            simulate N { dt = 0.1 ms; duration = 100 ms; }
            """;

    @Test
    void exponentialCurrentJumpsByTheWeightAfterTheDelayAndDecaysAsExp() {
        Recording r = TestNetworks.run(ONE_SPIKE);
        int spike = 100;
        assertEquals(spike, TestNetworks.spikeSteps(r, 0)[0], "10 ms is step 10 / 0.1");
        ProbeRecorder ie = TestNetworks.probe(r, "ie");
        ProbeRecorder ii = TestNetworks.probe(r, "ii");
        for (int s = 0; s < ie.sampleCount(); s++) {
            // The current jumps by the weight at the start of step `spike + delay`; probes read the end of a step.
            int e = spike + 15;
            double expectedE = s < e ? 0 : W2 * Math.exp(-(s + 1 - e) * DT / 5e-3);
            assertEquals(expectedE, ie.value(s, 0), 1e-22, "excitatory current at step " + s);
            int i = spike + 30;
            double expectedI = s < i ? 0 : -W1 * Math.exp(-(s + 1 - i) * DT / 2e-3);
            assertEquals(expectedI, ii.value(s, 0), 1e-22, "inhibitory current (negative) at step " + s);
        }
    }

    @Test
    void postsynapticPotentialIsTheDifferenceOfExponentialsWithItsPeak() {
        Recording r = TestNetworks.run(ONE_SPIKE.replace("weight = 1 nA; delay = 3 ms;", "weight = 0 nA; delay = 3 ms;"));
        ProbeRecorder v = TestNetworks.probe(r, "v");
        double tauM = 20e-3;
        double tauS = 5e-3;
        double c = 0.5e-9;
        double w = W2;
        int arrival = 115;
        double amplitude = w / c * tauS * tauM / (tauM - tauS);
        int peakStep = -1;
        double peak = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < v.sampleCount(); s++) {
            // The current jumps at the start of step `arrival`; V at the end of step s has felt it for
            // (s + 1 - arrival) dt, so the membrane already moves in the arrival step.
            double t = (s + 1 - arrival) * DT;
            double expected = -65e-3 + (s < arrival ? 0 : amplitude * (Math.exp(-t / tauM) - Math.exp(-t / tauS)));
            assertEquals(expected, v.value(s, 0), 1e-15, "PSP at step " + s);
            if (v.value(s, 0) > peak) {
                peak = v.value(s, 0);
                peakStep = s;
            }
        }
        double tPeak = tauS * tauM / (tauM - tauS) * Math.log(tauM / tauS);
        double vPeak = amplitude * (Math.exp(-tPeak / tauM) - Math.exp(-tPeak / tauS));
        double peakTime = (peakStep + 1 - arrival) * DT;
        assertTrue(Math.abs(peakTime - tPeak) <= DT, "peak time " + peakTime + " vs " + tPeak);
        assertTrue(peak + 65e-3 <= vPeak + 1e-15 && peak + 65e-3 > vPeak * (1 - 1e-3), "peak " + (peak + 65e-3) + " vs " + vPeak);
    }

    @Test
    void everySynapseDeliversExactlyItsDelayLater() {
        Network n = TestNetworks.elaborate("""
                network N {
                  population src[1] : spike_times { times = [5 ms]; }
                  population p[60] : lif { v_thresh = 0 mV; }
                  project d : src -> p with all_to_all() { weight = 1 nA; delay ~ uniform(1 ms, 40 ms); }
                  probe ie : state(i_syn_e) of p;
                  probe v : state(v) of p;
                }
                simulate N { dt = 1 ms; duration = 60 ms; seed = 3; }
                """);
        Projection d = n.projection("d").orElseThrow();
        assertTrue(!d.synapses().delays().isHomogeneous() && d.synapses().delays().max() > 20, "delays vary");
        Recording r = ReferenceSimulator.create(n).run();
        ProbeRecorder ie = TestNetworks.probe(r, "ie");
        ProbeRecorder v = TestNetworks.probe(r, "v");
        // The weight is added at the start of the arrival step and decays over it (tau_syn_E = 5 ms).
        double atEnd = W1 * StrictMath.exp(-1e-3 / 5e-3);
        for (int k = 0; k < d.synapseCount(); k++) {
            int post = d.synapses().target(k);
            int arrival = 5 + d.synapses().delaySteps(k);
            assertEquals(0, ie.value(arrival - 1, post), 0, "nothing before step " + arrival);
            assertEquals(atEnd, ie.value(arrival, post), 0, "the weight arrives at step 5 + " + d.synapses().delaySteps(k));
            assertEquals(-65e-3, v.value(arrival - 1, post), 0, "the membrane is at rest before step " + arrival);
            assertTrue(v.value(arrival, post) > -65e-3, "the membrane moves in the arrival step 5 + "
                    + d.synapses().delaySteps(k));
        }
    }
}
