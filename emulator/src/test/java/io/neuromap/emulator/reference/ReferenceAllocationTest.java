package io.neuromap.emulator.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The step loop allocates nothing: no boxing, no per-spike or per-synapse objects. */
class ReferenceAllocationTest {
    @Test
    void steppingAllocatesNothing() {
        ReferenceSimulator sim = ReferenceSimulator.create(TestNetworks.elaborate("""
                network N {
                  population src[100] : poisson { rate = 30 Hz; }
                  population exc[200] : lif { tau_m ~ uniform(10 ms, 30 ms); receptor R1 binds DA; }
                  population inh[50] : izhikevich { a = 0.1; d = 2; }
                  population ad[20] : adex;
                  population tc[20] : two_comp { receptor R2 binds DA on dendrite; }
                  project ff : src -> exc with fixed_prob(0.2) plasticity stdp() { weight ~ uniform(0.5 nA, 1 nA); delay ~ uniform(1 ms, 5 ms); }
                  project ei : exc -> inh with fixed_indegree(20) { weight = 20 pA; }
                  project ie : inh -> exc with fixed_prob(0.2) { weight = 0.5 nA; receptor = inh; }
                  project ea : exc -> ad with fixed_prob(0.1) { weight = 0.3 nA; }
                  project et : exc -> tc.dendrite with fixed_prob(0.1) { weight = 0.3 nA; }
                  modulator DA { source inh; release 0.05 per spike; decay 100 ms; delay 3 ms; }
                  pathway p : DA -> exc via R1 { effect excitability += 0.3 nA * [DA] response sigmoid(4, 0.5); effect tau(tau_m) *= 1 + [DA]; }
                  pathway q : DA -> tc.dendrite via R2 { effect gain *= 1 + [DA]; }
                  stimulus drive : poisson(rate = 40 Hz) -> inh { weight = 30 pA; }
                  stimulus bias : dc(amplitude = 0.2 nA, start = 10 ms) -> ad;
                }
                simulate N { dt = 0.5 ms; duration = 10 s; seed = 4; }
                """), ReferenceOptions.defaults().withSpikes(ReferenceOptions.SpikeScope.PROBED));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported(), "the JVM measures allocation");
        sim.advance(4000);
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        sim.advance(4000);
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(sim.recording().summary().totalSpikes() > 1000, "the network is active");
        assertTrue(allocated < 4096, "4000 steps allocated " + allocated + " bytes");
    }
}
