package io.neuromap.emulator.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Population;
import io.neuromap.emulator.record.ProbeRecorder;
import io.neuromap.emulator.record.Recording;
import org.junit.jupiter.api.Test;

/** Same network, same results: across runs, and whatever the order of declarations. */
class ReferenceDeterminismTest {
    private static final String BODY_SRC = "population src[200] : poisson { rate = 15 Hz; }\n";
    private static final String BODY_EXC = "population exc[300] : lif { tau_m ~ uniform(10 ms, 30 ms); v_init ~ uniform(-65 mV, -50 mV); "
            + "receptor R1 binds DA; }\n";
    private static final String BODY_INH = "population inh[80] : izhikevich { a = 0.1; d = 2; }\n";
    private static final String P_SRC = "project ff : src -> exc with fixed_prob(0.1) plasticity stdp() { weight ~ uniform(0.5 nA, 1.5 nA); "
            + "delay ~ uniform(1 ms, 5 ms); }\n";
    private static final String P_EI = "project ei : exc -> inh with fixed_indegree(20) { weight = 20 pA; delay = 2 ms; }\n";
    private static final String P_IE = "project ie : inh -> exc with fixed_prob(0.2) { weight = 0.5 nA; receptor = inh; }\n";
    private static final String REST = """
            modulator DA { source inh; release 0.05 per spike; decay 100 ms; }
            pathway p : DA -> exc via R1 { effect excitability += 0.3 nA * [DA] response hill(2, 0.5); effect tau(tau_m) *= 1 + [DA]; }
            stimulus drive : poisson(rate = 40 Hz) -> inh { weight = 30 pA; }
            probe v : state(v) of exc[0:20] every 2 ms;
            probe m : modulator(DA) of exc[0:1];
            probe w : weights of exc[0:3] every 50 ms;
            """;

    private static Network network(String... parts) {
        return TestNetworks.elaborate("network N {\n" + String.join("", parts) + REST
                + "}\nsimulate N { dt = 0.5 ms; duration = 500 ms; seed = 42; }\n");
    }

    @Test
    void twoRunsRecordTheSameBits() {
        Network n = network(BODY_SRC, BODY_EXC, BODY_INH, P_SRC, P_EI, P_IE);
        Recording a = ReferenceSimulator.create(n).run();
        Recording b = ReferenceSimulator.create(n).run();
        assertTrue(a.spikes().count() > 1000, "the network is active: " + a.spikes().count());
        assertTrue(a.spikes().sameSpikes(b.spikes()));
        for (ProbeRecorder p : a.probes()) {
            ProbeRecorder q = b.probe(p.name()).orElseThrow();
            for (int s = 0; s < p.sampleCount(); s++) {
                for (int c = 0; c < p.columnCount(); c++) {
                    assertEquals(Double.doubleToLongBits(p.value(s, c)), Double.doubleToLongBits(q.value(s, c)), p.name());
                }
            }
        }
        assertEquals(a.summary().synapticEvents(), b.summary().synapticEvents());
    }

    @Test
    void resultsDoNotDependOnTheOrderOfDeclarations() {
        Network forward = network(BODY_SRC, BODY_EXC, BODY_INH, P_SRC, P_EI, P_IE);
        Network backward = network(BODY_INH, BODY_EXC, BODY_SRC, P_IE, P_SRC, P_EI);
        Recording a = ReferenceSimulator.create(forward).run();
        Recording b = ReferenceSimulator.create(backward).run();
        for (Population p : forward.populations()) {
            Population q = backward.population(p.name()).orElseThrow();
            assertEquals(p.size(), q.size());
            for (int i = 0; i < p.size(); i++) {
                assertArrayEquals(TestNetworks.spikeSteps(a, p.offset() + i), TestNetworks.spikeSteps(b, q.offset() + i),
                        p.name() + "[" + i + "]");
            }
        }
        ProbeRecorder va = TestNetworks.probe(a, "v");
        ProbeRecorder vb = TestNetworks.probe(b, "v");
        for (int s = 0; s < va.sampleCount(); s++) {
            for (int c = 0; c < va.columnCount(); c++) {
                assertEquals(va.value(s, c), vb.value(s, c), 0);
            }
        }
    }
}
