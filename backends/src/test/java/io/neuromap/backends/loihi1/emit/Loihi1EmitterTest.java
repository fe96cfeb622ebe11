package io.neuromap.backends.loihi1.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.loihi1.Loihi1CompileOptions;
import io.neuromap.backends.loihi1.Loihi1CompileResult;
import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Specs;
import io.neuromap.backends.loihi1.config.Loihi1ChipConfig;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1ConfigReader;
import io.neuromap.backends.loihi1.config.Loihi1ConfigWriter;
import io.neuromap.backends.loihi1.config.Loihi1CoreConfig;
import io.neuromap.backends.loihi1.config.Loihi1CurrentStimuli;
import io.neuromap.backends.loihi1.config.Loihi1Probe;
import io.neuromap.backends.loihi1.config.Loihi1ProbeVariable;
import io.neuromap.backends.loihi1.config.Loihi1SpikeStimuli;
import io.neuromap.backends.loihi1.config.Loihi1StackOut;
import io.neuromap.backends.loihi1.config.Loihi1TreeEdges;
import io.neuromap.backends.loihi1.lower.Loihi1Lowering;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.PoissonSpikeTrains;
import io.neuromap.compiler.ir.Population;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What emission puts into the config: trees, stimuli, current injections, probes, origin; and that it round-trips. */
class Loihi1EmitterTest {
    @TempDir
    Path dir;

    private Loihi1CompileResult compile(String text) {
        Loihi1CompileResult r = Specs.compile(dir, text, Loihi1CompileOptions.defaults());
        assertTrue(r.feasible(), r.violations().toString());
        return r;
    }

    private static Loihi1CoreConfig onlyCore(Loihi1Config c) {
        assertEquals(1, c.chips().size());
        assertEquals(1, c.chips().get(0).cores().size());
        return c.chips().get(0).cores().get(0);
    }

    @Test
    void cubaNeuronsAreTwoCompartmentTreesWithOneEdgeEach() {
        Loihi1Config c = compile("""
                network N {
                  population e[20] : lif { tau_syn_E = 5 ms; tau_syn_I = 10 ms; }
                  population i[5] : lif { tau_syn_E = 5 ms; tau_syn_I = 10 ms; }
                  project e -> e with fixed_prob(0.2) { weight = 0.1 nA; receptor = exc; }
                  project i -> e with fixed_prob(0.5) { weight = -0.4 nA; receptor = inh; }
                  project e -> i with fixed_prob(0.2) { weight = 0.1 nA; receptor = exc; }
                }
                simulate N { dt = 1 ms; duration = 10 ms; seed = 2; }
                """).config().orElseThrow();
        Loihi1CoreConfig core = onlyCore(c);
        Loihi1TreeEdges edges = core.treeEdges();
        assertEquals(20, edges.count());
        for (int k = 0; k < edges.count(); k++) {
            assertEquals(edges.child()[k] + 1, edges.parent()[k]);
            assertEquals(Loihi1TreeEdges.PORT_A, edges.port()[k]);
            int profile = core.compartments().cxProfile()[edges.child()[k]];
            assertEquals(Loihi1StackOut.PUSH_U, core.compartmentProfiles().get(profile).stackOut());
        }
        // 20 neurons x 2 compartments + 5 x 1.
        assertEquals(45, core.compartmentCount());
        assertEquals(45, c.origin().count());
        assertEquals(2, core.thresholdProfiles().size());
    }

    @Test
    void hostSourcesSendTheirDrawnSpikesToEveryCoreTheyFeed() {
        Loihi1CompileResult r = compile("""
                network N {
                  population s[30] : poisson { rate = 50 Hz; }
                  population a[30] : lif;
                  project s -> a with all_to_all { weight = 0.05 nA; receptor = exc; }
                }
                simulate N { dt = 1 ms; duration = 200 ms; seed = 9; }
                """);
        Loihi1Config c = r.config().orElseThrow();
        Loihi1Lowering lowering = r.checked().orElseThrow().emitted().routed().placed().partitioned().lowering();
        Network net = lowering.network();
        Population s = net.populations().get(0);
        PoissonSpikeTrains trains = PoissonSpikeTrains.forPopulation(net, s);
        long expected = 0;
        for (int i = 0; i < s.size(); i++) {
            expected += trains.spikeSteps(i, 50, 0, 200).length;
        }
        Loihi1SpikeStimuli spikes = c.spikes();
        assertEquals(expected, spikes.count());
        for (int k = 1; k < spikes.count(); k++) {
            assertTrue(spikes.step()[k - 1] <= spikes.step()[k]);
        }
        assertEquals(30, onlyCore(c).inputAxonCount());
    }

    @Test
    void aWindowedDcHoldsTheCurrentExactlyForItsWindow() {
        Loihi1Config c = compile("""
                network N {
                  population a[2] : lif { tau_syn_E = 7 ms; }
                  stimulus step : dc(amplitude = 0.3 nA, start = 5 ms, duration = 10 ms) -> a;
                }
                simulate N { dt = 1 ms; duration = 30 ms; seed = 1; }
                """).config().orElseThrow();
        Loihi1CoreConfig core = onlyCore(c);
        Loihi1CurrentStimuli cur = c.current();
        int du = core.compartmentProfiles().get(core.compartments().cxProfile()[0]).decayU();
        long u = 0;
        long held = 0;
        int row = 0;
        for (int step = 0; step < 30; step++) {
            long q = 0;
            while (row < cur.count() && cur.step()[row] == step) {
                if (cur.compartment()[row] == 0) {
                    q += cur.value()[row];
                }
                row++;
            }
            long r = Loihi1Limits.DECAY_UNITY - (du + Loihi1Limits.DECAY_U_OFFSET);
            u = Long.signum(u) * ((Math.abs(u) * r) >> 12) + q;
            if (step == 5) {
                held = u;
                assertTrue(held > 0);
            }
            assertEquals(step >= 5 && step < 15 ? held : 0, u, "step " + step);
        }
    }

    @Test
    void probesNameTheCompartmentsOfTheirNeurons() {
        Loihi1Config c = compile("""
                network N {
                  population e[3] : poisson { rate = 10 Hz; }
                  population i[3] : poisson { rate = 10 Hz; }
                  population a[3] : lif { tau_syn_E = 5 ms; tau_syn_I = 10 ms; }
                  project e -> a with one_to_one { weight = 0.1 nA; receptor = exc; }
                  project i -> a with one_to_one { weight = -0.1 nA; receptor = inh; }
                  probe spikes of a;
                  probe v : state(v) of a[1:3] every 2 ms;
                  probe ii : state(i_syn_i) of a[0:1];
                }
                simulate N { dt = 1 ms; duration = 10 ms; seed = 1; }
                """).config().orElseThrow();
        Loihi1Probe spikes = c.probes().get(0);
        assertEquals(Loihi1ProbeVariable.SPIKES, spikes.variable());
        // Each neuron is [aux, soma]: somas at 1, 3, 5.
        assertEquals(1, spikes.compartment()[0]);
        assertEquals(5, spikes.compartment()[2]);
        Loihi1Probe v = c.probes().get(1);
        assertEquals(2, v.every());
        assertEquals(3, v.compartment()[0]);
        Loihi1Probe ii = c.probes().get(2);
        assertEquals(Loihi1ProbeVariable.CURRENT, ii.variable());
        assertEquals(0, ii.compartment()[0]);
    }

    @Test
    void theConfigRoundTripsThroughWriterAndReader() throws Exception {
        Loihi1Config c = compile("""
                network N {
                  population s[40] : poisson { rate = 20 Hz; }
                  population a[200] : lif { tau_m ~ uniform(10 ms, 30 ms); tau_syn_I = 10 ms; }
                  project s -> a with fixed_prob(0.2) { weight ~ uniform(0.1 nA, 0.5 nA); delay ~ uniform(1 ms, 8 ms); receptor = exc; }
                  project a -> a with fixed_prob(0.05) { weight = -0.3 nA; receptor = inh; }
                  stimulus step : dc(amplitude = 0.1 nA, start = 10 ms, duration = 10 ms) -> a[0:10];
                  probe spikes of a;
                }
                simulate N { dt = 1 ms; duration = 100 ms; seed = 4; }
                """).config().orElseThrow();
        Path out = dir.resolve("out");
        Loihi1ConfigWriter.write(c, out);
        Loihi1Config back = Loihi1ConfigReader.read(out);
        assertEquals(c.chips().size(), back.chips().size());
        for (int i = 0; i < c.chips().size(); i++) {
            Loihi1ChipConfig x = c.chips().get(i);
            Loihi1ChipConfig y = back.chips().get(i);
            assertEquals(x.cores().size(), y.cores().size());
            for (int k = 0; k < x.cores().size(); k++) {
                assertEquals(x.cores().get(k).synapses(), y.cores().get(k).synapses());
                assertEquals(x.cores().get(k).compartments(), y.cores().get(k).compartments());
                assertEquals(x.cores().get(k).compartmentProfiles(), y.cores().get(k).compartmentProfiles());
                assertEquals(x.cores().get(k).outputAxons(), y.cores().get(k).outputAxons());
            }
        }
        assertEquals(c.spikes(), back.spikes());
        assertEquals(c.current(), back.current());
        assertEquals(c.origin(), back.origin());
    }
}
