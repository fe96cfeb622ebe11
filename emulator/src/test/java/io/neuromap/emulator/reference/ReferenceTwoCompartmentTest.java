package io.neuromap.emulator.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.emulator.record.ProbeRecorder;
import io.neuromap.emulator.record.Recording;
import org.junit.jupiter.api.Test;

/** {@code two_comp} against the analytic solution of the coupled linear system. */
class ReferenceTwoCompartmentTest {
    private static final double CS = 1e-9;
    private static final double TS = 20e-3;
    private static final double ES = -65e-3;
    private static final double CD = 0.5e-9;
    private static final double TD = 30e-3;
    private static final double ED = -60e-3;
    private static final double GC = 10e-9;
    private static final double IS = 0.2e-9;
    private static final double ID = 0.3e-9;

    private static final String NET = """
            network N {
              population n[1] : two_comp {
                soma.cm = 1 nF; soma.tau_m = 20 ms; soma.v_rest = -65 mV; soma.v_init = -70 mV; soma.v_thresh = 0 mV;
                soma.i_offset = 0.2 nA;
                dendrite.cm = 0.5 nF; dendrite.tau_m = 30 ms; dendrite.v_rest = -60 mV; dendrite.v_init = -50 mV;
                dendrite.i_offset = 0.3 nA; g_c = 10 nS;
              }
              probe vs : state(v) of n.soma;
              probe vd : state(v) of n.dendrite;
            }
            simulate N { dt = 0.5 ms; duration = 400 ms; }
            """;

    /** exp(A t) of a 2 x 2 matrix with real distinct eigenvalues (Putzer's formula). */
    private static double[] exp2(double a, double b, double c, double d, double t) {
        double tr = a + d;
        double det = a * d - b * c;
        double disc = Math.sqrt(tr * tr - 4 * det);
        double l1 = (tr + disc) / 2;
        double l2 = (tr - disc) / 2;
        double e1 = Math.exp(l1 * t);
        double e2 = Math.exp(l2 * t);
        double p = (l1 * e2 - l2 * e1) / (l1 - l2);
        double q = (e1 - e2) / (l1 - l2);
        return new double[] {p + q * a, q * b, q * c, p + q * d};
    }

    @Test
    void voltagesFollowTheCoupledSolutionToTheAnalyticSteadyState() {
        Recording r = TestNetworks.run(NET);
        ProbeRecorder vs = TestNetworks.probe(r, "vs");
        ProbeRecorder vd = TestNetworks.probe(r, "vd");
        assertEquals("soma.v", vs.variable());
        assertEquals("dendrite.v", vd.variable());
        double gls = CS / TS;
        double gld = CD / TD;
        // Steady state: (g_Ls + g_c) V_s - g_c V_d = g_Ls E_s + I_s;  -g_c V_s + (g_Ld + g_c) V_d = g_Ld E_d + I_d.
        double a11 = gls + GC;
        double a12 = -GC;
        double a22 = gld + GC;
        double r1 = gls * ES + IS;
        double r2 = gld * ED + ID;
        double det = a11 * a22 - a12 * a12;
        double sInf = (r1 * a22 - a12 * r2) / det;
        double dInf = (a11 * r2 - a12 * r1) / det;
        double[] m = {-(gls + GC) / CS, GC / CS, GC / CD, -(gld + GC) / CD};
        for (int s = 0; s < vs.sampleCount(); s++) {
            double t = (s + 1) * 0.5e-3;
            double[] e = exp2(m[0], m[1], m[2], m[3], t);
            double x0 = -70e-3 - sInf;
            double y0 = -50e-3 - dInf;
            assertEquals(sInf + e[0] * x0 + e[1] * y0, vs.value(s, 0), 1e-12, "soma at step " + s);
            assertEquals(dInf + e[2] * x0 + e[3] * y0, vd.value(s, 0), 1e-12, "dendrite at step " + s);
        }
        assertEquals(sInf, vs.value(vs.sampleCount() - 1, 0), 1e-9);
        assertEquals(dInf, vd.value(vd.sampleCount() - 1, 0), 1e-9);
    }

    @Test
    void dendriticSynapsesReachTheSomaThroughTheCoupling() {
        Recording r = TestNetworks.run("""
                network N {
                  population n[2] : two_comp { soma.v_thresh = 0 mV; g_c = 20 nS; }
                  population src[1] : spike_times { times = [1 ms]; }
                  project d : src -> n.dendrite[0:1] with all_to_all() { weight = 1 nA; }
                  project s : src -> n.soma[1:2] with all_to_all() { weight = 1 nA; }
                  probe vs : state(v) of n.soma;
                  probe vd : state(v) of n.dendrite;
                  probe ide : state(i_syn_e) of n.dendrite;
                }
                simulate N { dt = 0.1 ms; duration = 50 ms; }
                """);
        ProbeRecorder vs = TestNetworks.probe(r, "vs");
        ProbeRecorder vd = TestNetworks.probe(r, "vd");
        // Added at the start of step 11, decayed over that step (dendrite tau_syn_E = 5 ms) at the probe.
        assertEquals((float) 1e-9 * StrictMath.exp(-1 / 5e-3 * 0.1e-3), TestNetworks.probe(r, "ide").value(11, 0), 0,
                "arrives on the dendrite");
        assertEquals(0, TestNetworks.probe(r, "ide").value(10, 0), 0, "nothing before step 11");
        assertTrue(vd.value(11, 0) > vd.value(11, 1), "the dendrite moves in the arrival step");
        assertEquals(0, TestNetworks.probe(r, "ide").value(11, 1), 0, "not on the other neuron's dendrite");
        double somaPeakViaDendrite = -1;
        double dendPeakViaSoma = -1;
        for (int s = 0; s < vs.sampleCount(); s++) {
            somaPeakViaDendrite = Math.max(somaPeakViaDendrite, vs.value(s, 0) + 65e-3);
            dendPeakViaSoma = Math.max(dendPeakViaSoma, vd.value(s, 1) + 65e-3);
            assertTrue(vd.value(s, 0) >= vs.value(s, 0) - 1e-15, "the dendrite leads when it is driven");
        }
        assertTrue(somaPeakViaDendrite > 1e-4 && dendPeakViaSoma > 1e-4, "each compartment feels the other's input");
    }
}
