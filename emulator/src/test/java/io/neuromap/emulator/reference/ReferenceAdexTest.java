package io.neuromap.emulator.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.emulator.record.ProbeRecorder;
import io.neuromap.emulator.record.Recording;
import org.junit.jupiter.api.Test;

/** {@code adex}: its fixed point, its LIF limit, adaptation, and convergence in dt. */
class ReferenceAdexTest {
    @Test
    void subthresholdStateSettlesOnTheFixedPoint() {
        Recording r = TestNetworks.run("""
                network N {
                  population p[1] : adex { i_offset = 0.3 nA; a = 4 nS; }
                  probe v : state(v) of p;
                  probe w : state(w) of p;
                }
                simulate N { dt = 0.1 ms; duration = 3 s; }
                """);
        double c = 0.281e-9;
        double gL = c / 9.3667e-3;
        double eL = -70.6e-3;
        double vT = -50.4e-3;
        double dT = 2e-3;
        double a = 4e-9;
        double current = 0.3e-9;
        // f(V) = -g_L (V - E_L) + g_L D_T exp((V - V_T) / D_T) - a (V - E_L) + I: the lower root, by bisection.
        double lo = eL;
        double hi = vT;
        for (int k = 0; k < 200; k++) {
            double mid = 0.5 * (lo + hi);
            double f = -gL * (mid - eL) + gL * dT * Math.exp((mid - vT) / dT) - a * (mid - eL) + current;
            if (f > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double vStar = 0.5 * (lo + hi);
        assertEquals(0, r.spikes().count(), "I = 0.3 nA is below rheobase with a = 4 nS");
        ProbeRecorder v = TestNetworks.probe(r, "v");
        ProbeRecorder w = TestNetworks.probe(r, "w");
        int last = v.sampleCount() - 1;
        assertEquals(vStar, v.value(last, 0), 1e-9);
        assertEquals(a * (vStar - eL), w.value(last, 0), 1e-15);
    }

    @Test
    void withoutAdaptationTheIntervalIsTheTimeIntegralOfTheVoltageFlow() {
        Recording r = TestNetworks.run("""
                network N { population p[1] : adex { a = 0 nS; b = 0 nA; tau_refrac = 2 ms; i_offset = 1 nA; } }
                simulate N { dt = 0.1 ms; duration = 1 s; }
                """);
        double c = 0.281e-9;
        double gL = c / 9.3667e-3;
        double eL = -70.6e-3;
        double vT = -50.4e-3;
        double dT = 2e-3;
        double current = 1e-9;
        // With w = 0, dV/dt = f(V) and the time from v_reset to v_spike is the integral of C / f(V) dV (Simpson).
        int n = 200_000;
        double from = -70.6e-3;
        double to = -40e-3;
        double h = (to - from) / n;
        double t = 0;
        for (int k = 0; k <= n; k++) {
            double v = from + k * h;
            double f = (-gL * (v - eL) + gL * dT * Math.exp((v - vT) / dT) + current) / c;
            t += (k == 0 || k == n ? 1 : k % 2 == 1 ? 4 : 2) / f;
        }
        t *= h / 3;
        double isi = t + 2e-3;
        int[] steps = TestNetworks.spikeSteps(r, 0);
        assertTrue(steps.length > 20);
        for (int k = 1; k < steps.length; k++) {
            double interval = (steps[k] - steps[k - 1]) * 1e-4;
            assertTrue(Math.abs(interval - isi) <= 1e-4 + 1e-6, "ISI " + interval + " vs " + isi);
        }
    }

    @Test
    void spikeTriggeredAdaptationLengthensIntervalsAndConvergesInDt() {
        String net = """
                network N {
                  population p[1] : adex { i_offset = 1 nA; a = 4 nS; b = 0.08 nA; tau_refrac = 0.1 ms; }
                  probe w : state(w) of p;
                }
                simulate N { dt = %s ms; duration = 1 s; }
                """;
        Recording coarse = TestNetworks.run(net.formatted("0.1"));
        Recording fine = TestNetworks.run(net.formatted("0.01"));
        int[] a = TestNetworks.spikeSteps(coarse, 0);
        int[] b = TestNetworks.spikeSteps(fine, 0);
        assertTrue(a.length > 10, "fires: " + a.length);
        assertTrue(a[a.length - 1] - a[a.length - 2] > a[1] - a[0], "adaptation lengthens the intervals");
        assertEquals(b.length, a.length, Math.max(1, 0.02 * b.length), "spike count converges in dt");
        ProbeRecorder w = TestNetworks.probe(coarse, "w");
        int s = a[3];
        assertTrue(w.value(s, 0) - w.value(s - 1, 0) > 0.07e-9, "w jumps by b at a spike");
    }
}
