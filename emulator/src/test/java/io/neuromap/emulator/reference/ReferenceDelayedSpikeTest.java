package io.neuromap.emulator.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.ir.Network;
import io.neuromap.emulator.record.ProbeRecorder;
import io.neuromap.emulator.record.Recording;
import org.junit.jupiter.api.Test;

/** {@link ReferenceSimulator#delayNextSpike()}: one neuron spike, and only it, arrives one step late. */
class ReferenceDelayedSpikeTest {
    /** A source fires at 10 and 30 ms; relay a fires after each; b only listens, 1 ms (10 steps) later. */
    private static final String RELAY = """
            network N {
              population src[1] : spike_times { times = [10 ms, 30 ms]; }
              population a[1] : lif { tau_m = 20 ms; tau_syn_E = 1 ms; cm = 0.25 nF; tau_refrac = 2 ms; }
              population b[1] : lif { tau_m = 20 ms; tau_syn_E = 5 ms; v_thresh = 0 mV; }
              project in : src -> a with all_to_all() { weight = 20 nA; delay = 0.1 ms; }
              project ab : a -> b with all_to_all() { weight = 1 nA; delay = 1 ms; }
              probe ie : state(i_syn_e) of b;
            }
            simulate N { dt = 0.1 ms; duration = 50 ms; }
            """;

    @Test
    void theFirstNeuronSpikeArrivesOneStepLateAndNothingElseMoves() {
        Network network = TestNetworks.elaborate(RELAY);
        Recording normal = ReferenceSimulator.create(network).run();
        ReferenceSimulator simulator = ReferenceSimulator.create(network);
        simulator.delayNextSpike();
        assertTrue(simulator.delayedSpike().isEmpty(), "nothing fired yet");
        Recording delayed = simulator.run();

        int[] relay = TestNetworks.spikeSteps(normal, 1);
        assertEquals(2, relay.length, "a relays both source spikes");
        assertEquals(new ReferenceSimulator.DelayedSpike(1, relay[0]), simulator.delayedSpike().orElseThrow(),
                "the relay's first spike, not the source's (the host injects sources)");
        assertTrue(normal.spikes().sameSpikes(delayed.spikes()), "every neuron fires when it did: only an arrival moves");

        ProbeRecorder before = TestNetworks.probe(normal, "ie");
        ProbeRecorder after = TestNetworks.probe(delayed, "ie");
        int arrival = firstNonZero(before);
        assertEquals(relay[0] + 10, arrival, "1 ms delay");
        assertEquals(arrival + 1, firstNonZero(after), "one step late");
        assertEquals(before.value(arrival, 0), after.value(arrival + 1, 0), "the same spike, the same weight");
        // The second spike arrives on time: b's current jumps by the same amount in both runs.
        int second = relay[1] + 10;
        assertEquals(before.value(second, 0) - before.value(second - 1, 0) * decay(),
                after.value(second, 0) - after.value(second - 1, 0) * decay(), 1e-18);
    }

    @Test
    void onlyOneSpikeIsDelayedPerRun() {
        ReferenceSimulator simulator = ReferenceSimulator.create(TestNetworks.elaborate(RELAY));
        simulator.delayNextSpike();
        assertThrows(IllegalStateException.class, simulator::delayNextSpike);
    }

    /** The per-step decay of b's excitatory current (tau_syn_E = 5 ms, dt = 0.1 ms). */
    private static double decay() {
        return Math.exp(-0.1 / 5);
    }

    private static int firstNonZero(ProbeRecorder p) {
        for (int s = 0; s < p.sampleCount(); s++) {
            if (p.value(s, 0) != 0) {
                return p.sampleStep(s);
            }
        }
        throw new AssertionError("the current never rises");
    }
}
