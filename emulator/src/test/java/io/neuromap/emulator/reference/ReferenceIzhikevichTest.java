package io.neuromap.emulator.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.emulator.record.Recording;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code izhikevich} against the paper's reference code and the regular-spiking rate band. */
class ReferenceIzhikevichTest {
    private static final String RS = """
            network N { population rs[1] : izhikevich { a = 0.02; b = 0.2; c = -65 mV; d = 8; i_offset = 10 pA; } }
            simulate N { dt = %s; duration = 3 s; }
            """;

    /** Izhikevich (2003), Fig. 3, for one neuron with constant I: the spike times in ms. */
    private static int[] referenceCode(double a, double b, double c, double d, double current, int steps) {
        double v = -70;
        double u = -14;
        List<Integer> fired = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            v = v + 0.5 * (0.04 * v * v + 5 * v + 140 - u + current);
            v = v + 0.5 * (0.04 * v * v + 5 * v + 140 - u + current);
            u = u + a * (b * v - u);
            if (v >= 30) {
                fired.add(t);
                v = c;
                u = u + d;
            }
        }
        return fired.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The ODE itself by fine Euler steps (h = 5 us): the rate the model has, whatever dt. */
    private static double odeRate(double current, double from, double to) {
        double h = 0.005;
        double v = -70;
        double u = -14;
        int spikes = 0;
        for (long k = 0; k * h < to * 1e3; k++) {
            double dv = 0.04 * v * v + 5 * v + 140 - u + current;
            double du = 0.02 * (0.2 * v - u);
            v += h * dv;
            u += h * du;
            if (v >= 30) {
                v = -65;
                u += 8;
                if (k * h >= from * 1e3) {
                    spikes++;
                }
            }
        }
        return spikes / (to - from);
    }

    @Test
    void atOneMillisecondItIsThePapersReferenceCode() {
        Recording r = TestNetworks.run(RS.formatted("1 ms"));
        int[] expected = referenceCode(0.02, 0.2, -65, 8, 10, 3000);
        assertArrayEquals(expected, TestNetworks.spikeSteps(r, 0));
    }

    @Test
    void regularSpikingWithITenFiresAtAboutTwentyHertz() {
        Recording coarse = TestNetworks.run(RS.formatted("1 ms"));
        long late = java.util.Arrays.stream(TestNetworks.spikeSteps(coarse, 0)).filter(s -> s >= 1000).count();
        double rate = late / 2.0;
        assertTrue(rate >= 18 && rate <= 24, "RS at I = 10 after adaptation: " + rate + " Hz");

        Recording fine = TestNetworks.run(RS.formatted("0.1 ms"));
        long lateFine = java.util.Arrays.stream(TestNetworks.spikeSteps(fine, 0)).filter(s -> s >= 10000).count();
        double ode = odeRate(10, 1, 3);
        assertEquals(ode, lateFine / 2.0, 1.0, "at dt = 0.1 ms the rate is the ODE's (" + ode + " Hz)");
    }

    @Test
    void inputCurrentsAreReadInPicoampere() {
        Recording r = TestNetworks.run("""
                network N {
                  population rs[2] : izhikevich { tau_syn_E = 5 ms; }
                  stimulus drive : dc(amplitude = 10 pA) -> rs[0:1];
                  population src[1] : spike_times { times = [0 ms]; }
                  project kick : src -> rs[1:2] with all_to_all() { weight = 4 pA; }
                  probe v : state(v) of rs every 1 ms;
                  probe u : state(u) of rs every 1 ms;
                }
                simulate N { dt = 1 ms; duration = 1 s; }
                """);
        assertArrayEquals(referenceCode(0.02, 0.2, -65, 8, 10, 1000), TestNetworks.spikeSteps(r, 0),
                "a 10 pA dc is the paper's I = 10");
        // Neuron 1: the 4 pA current arrives at the start of step 1 (delay 1) and drives v from step 1 on.
        double v = -70;
        double u = -14;
        double[] current = {0, (float) 4e-12 * 1e12, (float) 4e-12 * 1e12 * Math.exp(-1e-3 / 5e-3),
            (float) 4e-12 * 1e12 * Math.exp(-2e-3 / 5e-3)};
        for (int t = 0; t < current.length; t++) {
            v = v + 0.5 * (0.04 * v * v + 5 * v + 140 - u + current[t]);
            v = v + 0.5 * (0.04 * v * v + 5 * v + 140 - u + current[t]);
            u = u + 0.02 * (0.2 * v - u);
            assertEquals(v * 1e-3, TestNetworks.probe(r, "v").value(t, 1), 1e-12, "v at step " + t);
            assertEquals(u, TestNetworks.probe(r, "u").value(t, 1), 1e-9, "u (mV) at step " + t);
        }
        assertEquals("mV", TestNetworks.probe(r, "u").unit());
    }
}
