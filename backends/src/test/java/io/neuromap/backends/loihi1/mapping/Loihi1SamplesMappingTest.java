package io.neuromap.backends.loihi1.mapping;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.compiler.Compiler;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.mapping.MappingCheck;
import io.neuromap.compiler.mapping.MappingVerifier;
import io.neuromap.compiler.mapping.Partition;
import io.neuromap.compiler.mapping.PartitionOptions;
import io.neuromap.compiler.mapping.Partitioner;
import io.neuromap.compiler.mapping.Placement;
import io.neuromap.compiler.mapping.PlacementOptions;
import io.neuromap.compiler.mapping.Placer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every sample maps onto one Loihi 1 chip consistently (whether or not its models can run there:
 * that is the lowering's verdict), with every core within every limit.
 */
class Loihi1SamplesMappingTest {

    @Test
    void everySampleMapsConsistentlyWithinEveryLimit() throws IOException {
        Path samples = Path.of(System.getProperty("neuromap.root", "..")).resolve("samples");
        List<Path> files;
        try (Stream<Path> s = Files.list(samples)) {
            files = s.filter(p -> p.toString().endsWith(".nmap")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no samples in " + samples);
        Loihi1ResourceModel model = Loihi1ResourceModel.of(Loihi1Limits.singleChip());
        for (Path file : files) {
            Compiler.ElaborateResult result = Compiler.elaborate(file);
            assertTrue(result.network().isPresent(), () -> file + ": " + result.diagnostics().all());
            Network net = result.network().get();
            Partition part = Partitioner.partition(net, model, PartitionOptions.defaults());
            Placement place = Placer.place(net, part, PlacementOptions.defaults());
            MappingCheck check = MappingVerifier.verify(net, part, place);
            assertTrue(check.valid(), () -> file + ": " + check.problems() + " " + check.violations() + "\n"
                    + part.summary());
        }
    }
}
