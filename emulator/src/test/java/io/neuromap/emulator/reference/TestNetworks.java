package io.neuromap.emulator.reference;

import static org.junit.jupiter.api.Assertions.fail;

import io.neuromap.compiler.Compiler;
import io.neuromap.compiler.diag.DiagnosticRenderer;
import io.neuromap.compiler.ir.Network;
import io.neuromap.emulator.record.ProbeRecorder;
import io.neuromap.emulator.record.Recording;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test support: elaborates .nmap text through the compiler's front door and runs the reference on it. */
final class TestNetworks {
    private TestNetworks() {
    }

    /** The network of {@code text}, which must compile. */
    static Network elaborate(String text) {
        try {
            Path dir = Files.createTempDirectory("neuromap-ref");
            Path file = dir.resolve("net.nmap");
            Files.writeString(file, text);
            Compiler.ElaborateResult r = Compiler.elaborate(file);
            if (r.network().isEmpty()) {
                fail("the test network does not compile:\n" + new DiagnosticRenderer(r.sources().files())
                        .renderAll(r.diagnostics()));
            }
            return r.network().get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
