package io.neuromap.compiler.elaborate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.neuromap.compiler.ir.IrDigest;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Population;
import org.junit.jupiter.api.Test;

/**
 * Same input and seed give a byte-identical IR for any thread count, and draws are keyed per
 * object so that editing (or reseeding) one population leaves every other's values unchanged.
 */
class DeterminismTest {
    private static final String NETWORK = """
            celltype RS : izhikevich { let r ~ uniform(0, 1); c = -65 mV + 15 mV * r^2; d = 8 - 6 * r^2; receptor DAR binds DA; }
            celltype FS : izhikevich { let r ~ uniform(0, 1); a = 0.02 + 0.08 * r; b = 0.25 - 0.05 * r; d = 2; receptor DAR binds DA; }
            network Het {
              population cortex[3000] : mix { RS: 0.8, FS: 0.2 };
              population hid[2000] : lif {
                tau_m ~ gamma(k = 3, mean = 20 ms) clip [1 ms, 500 ms] redraw;
                tau_syn_E ~ lognormal(mean = 5 ms, sd = 2 ms);
                v_thresh ~ normal(-50 mV, 2 mV) clip [-55 mV, -45 mV] clamp;
                %s
              }
              population vta[10] : poisson { rate ~ uniform(1 Hz, 5 Hz); }
              project rec : cortex.RS -> cortex with fixed_outdegree(50) plasticity da_stdp { weight ~ uniform(0.5, 1); delay ~ uniform(1 ms, 20 ms); }
              project inh : cortex.FS -> cortex.RS with fixed_prob(0.1) { weight ~ exponential(1); delay = 1 ms; receptor = inh; }
              project ff : cortex -> hid with fixed_indegree(40) { let g ~ uniform(0, 1); weight = 0.2 nA + 0.1 nA * g; delay ~ choice([1 ms, 2 ms, 5 ms]); }
              project all : vta -> hid[0:100] with all_to_all { weight ~ normal(1 nA, 0.1 nA) clip [0.5 nA, 1.5 nA]; }
              modulator DA { source vta; release 0.5 per spike; decay 200 ms; }
              pathway reinforce : DA -> proj rec via DAR { effect learning_rate *= 1 + [DA]; }
              pathway ex : DA -> celltype RS via DAR { effect excitability += 2 pA * [DA] response hill(2, 0.3); }
              stimulus drive : poisson(rate = 1 Hz) -> cortex { weight ~ uniform(10, 20); }
              probe spikes of cortex;
            }
            simulate Het { dt = 0.5 ms; seed = %d; }
            """;

    /** One directory for all runs, so that spans (which name the file) agree between them. */
    private static final java.nio.file.Path DIR = Elaborate.tempDir();

    private static Network elaborate(String hidExtra, long seed, int threads) {
        return Elaborate.run(DIR, String.format(NETWORK, hidExtra, seed), ElaborationOptions.defaults().withThreads(threads))
                .network();
    }

    @Test
    void elaborationIsByteIdenticalForAnyThreadCount() {
        String one = IrDigest.sha256(elaborate("", 7, 1));
        assertEquals(one, IrDigest.sha256(elaborate("", 7, 1)), "two runs on one thread");
        assertEquals(one, IrDigest.sha256(elaborate("", 7, 2)), "two threads");
        assertEquals(one, IrDigest.sha256(elaborate("", 7, 3)), "three threads");
    }

    @Test
    void theSimulationSeedChangesTheValues() {
        assertNotEquals(IrDigest.sha256(elaborate("", 7, 2)), IrDigest.sha256(elaborate("", 8, 2)));
    }

    @Test
    void reseedingOnePopulationLeavesEveryOtherUnchanged() {
        Network base = elaborate("", 7, 2);
        Network reseeded = elaborate("seed = 12345;", 7, 2);
        Population hid = base.population("hid").orElseThrow();
        Population hid2 = reseeded.population("hid").orElseThrow();
        assertEquals(12345, hid2.seed());
        assertNotEquals(hid.parameter("tau_m"), hid2.parameter("tau_m"));
        assertNotEquals(hid.parameter("v_thresh"), hid2.parameter("v_thresh"));
        for (String other : new String[] {"cortex", "vta"}) {
            Population x = base.population(other).orElseThrow();
            Population y = reseeded.population(other).orElseThrow();
            assertEquals(x.parameters(), y.parameters(), other);
            assertEquals(x.seed(), y.seed(), other);
        }
        for (int i = 0; i < base.projections().size(); i++) {
            assertEquals(base.projections().get(i).synapses(), reseeded.projections().get(i).synapses(),
                    "projection " + base.projections().get(i).name() + " belongs to no population's seed");
        }
        assertEquals(base.stimuli().get(0).weight(), reseeded.stimuli().get(0).weight());
    }

    @Test
    void aPopulationSeedEqualToTheSimulationSeedChangesNothing() {
        Network base = elaborate("", 7, 2);
        Network same = elaborate("seed = 7;", 7, 2);
        assertEquals(base.population("hid").orElseThrow().parameters(), same.population("hid").orElseThrow().parameters());
    }

    @Test
    void addingAPopulationOrABindingDoesNotShiftOtherDraws() {
        Network base = Elaborate.network("""
                network N {
                  population a[500] : lif { tau_m ~ uniform(10 ms, 30 ms); }
                  population b[500] : lif { tau_m ~ uniform(10 ms, 30 ms); v_init ~ normal(-65 mV, 2 mV); }
                }
                """);
        Network edited = Elaborate.network("""
                network N {
                  population new[77] : lif { tau_m ~ uniform(1 ms, 3 ms); }
                  population a[500] : lif { tau_m ~ uniform(10 ms, 30 ms); }
                  population b[500] : lif { i_offset ~ uniform(0 nA, 1 nA); tau_m ~ uniform(10 ms, 30 ms); v_init ~ normal(-65 mV, 2 mV); }
                }
                """);
        assertEquals(base.population("a").orElseThrow().parameters(), edited.population("a").orElseThrow().parameters());
        Population b = base.population("b").orElseThrow();
        Population b2 = edited.population("b").orElseThrow();
        assertEquals(b.parameter("tau_m"), b2.parameter("tau_m"));
        assertEquals(b.parameter("v_init"), b2.parameter("v_init"));
        assertNotEquals(base.population("a").orElseThrow().parameter("tau_m"), b.parameter("tau_m"),
                "equal bindings in different populations draw different values");
    }

    @Test
    void equalNamesOfDifferentKindsDrawFromDifferentStreams() {
        Network n = Elaborate.network("""
                network N {
                  population x[100] : lif { let g ~ uniform(0, 1); i_offset = g * 1 nA; }
                  project x : x -> x with one_to_one { let g ~ uniform(0, 1); weight = g * 1 nA; }
                  stimulus x : poisson(rate = 1 Hz) -> x { let g ~ uniform(0, 1); weight = g * 1 nA; }
                }
                """);
        double neuron = n.population("x").orElseThrow().parameter("i_offset").orElseThrow().get(0) / 1e-9;
        double synapse = n.projection("x").orElseThrow().synapses().weight(0) / 1e-9;
        double stimulus = n.stimuli().get(0).weight().orElseThrow().get(0) / 1e-9;
        assertNotEquals(neuron, synapse, 1e-6);
        assertNotEquals(neuron, stimulus, 1e-6);
        assertNotEquals(synapse, stimulus, 1e-6);
    }
}
