package io.neuromap.emulator.reference;

import io.neuromap.backends.TestNmap;
import io.neuromap.compiler.ir.Network;
import io.neuromap.emulator.record.ProbeRecorder;
import io.neuromap.emulator.record.Recording;

/** Test support: elaborates .nmap text through the compiler's front door and runs the reference on it. */
final class TestNetworks {
    private TestNetworks() {
    }

    /** The network of {@code text}, which must compile. */
    static Network elaborate(String text) {
        return TestNmap.elaborate(text);
    }

    /** Elaborates and runs {@code text} for its simulate duration. */
    static Recording run(String text) {
        return ReferenceSimulator.create(elaborate(text)).run();
    }

    static ProbeRecorder probe(Recording r, String name) {
        return r.probe(name).orElseThrow(() -> new AssertionError("no probe " + name));
    }

    /** The steps at which global neuron {@code neuron} spiked. */
    static int[] spikeSteps(Recording r, int neuron) {
        return r.spikes().spikeSteps(neuron);
    }
}
