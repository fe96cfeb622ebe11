package io.neuromap.emulator.reference;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.neuromap.compiler.Compiler;
import io.neuromap.compiler.diag.DiagnosticRenderer;
import io.neuromap.compiler.ir.Network;
import io.neuromap.emulator.record.Recording;
import io.neuromap.emulator.record.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every sample in {@code samples/} runs in the float reference, deterministically, and is active. */
class ReferenceSamplesTest {
    private static final long STEPS = 300;

    private static Path samples() {
        Path root = Path.of(System.getProperty("neuromap.root", ".."));
        Path dir = root.resolve("samples");
        return Files.isDirectory(dir) ? dir : Path.of("..", "samples");
    }

    @TestFactory
    Stream<DynamicTest> everySampleRuns() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(samples())) {
            files = s.filter(p -> p.toString().endsWith(".nmap")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "samples found in " + samples());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Compiler.ElaborateResult r = Compiler.elaborate(f);
            if (r.network().isEmpty()) {
                fail(new DiagnosticRenderer(r.sources().files()).renderAll(r.diagnostics()));
            }
            Network n = r.network().get();
            ReferenceOptions options = ReferenceOptions.defaults().withSteps(STEPS);
            Recording a = ReferenceSimulator.create(n, options).run();
            Recording b = ReferenceSimulator.create(n, options).run();
            assertTrue(a.spikes().sameSpikes(b.spikes()), "deterministic");
            assertTrue(a.spikes().count() > 0, "something fires in " + STEPS + " steps");
            for (RunSummary.PopulationSummary p : a.summary().populations()) {
                assertTrue(Double.isFinite(p.meanRate(a.summary().duration())), p.name());
            }
        }));
    }
}
