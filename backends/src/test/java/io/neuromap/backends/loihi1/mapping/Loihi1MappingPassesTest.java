package io.neuromap.backends.loihi1.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.elaborate.ElaboratePass;
import io.neuromap.compiler.frontend.AnalysePass;
import io.neuromap.compiler.frontend.LoadPass;
import io.neuromap.compiler.mapping.MappedNetwork;
import io.neuromap.compiler.mapping.MappingIr;
import io.neuromap.compiler.mapping.PartitionOptions;
import io.neuromap.compiler.mapping.PartitionPass;
import io.neuromap.compiler.mapping.PlacePass;
import io.neuromap.compiler.mapping.PlacementOptions;
import io.neuromap.compiler.pass.PassManager;
import io.neuromap.compiler.pass.PassRecord;
import io.neuromap.compiler.pass.PassRegistry;
import io.neuromap.compiler.pass.PipelineResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The partition and place passes in a pipeline, with the mapping verifier run after each. */
class Loihi1MappingPassesTest {

    @Test
    void partitionAndPlaceRunAsVerifiedPasses() throws IOException {
        Path file = Files.createTempDirectory("neuromap-passes").resolve("net.nmap");
        Files.writeString(file, """
                network P {
                  population a[1500] : lif;
                  population b[700] : lif { tau_syn_I = 10 ms; }
                  project a -> b with fixed_prob(0.05) { weight = 0.1 nA; delay = 12 ms; }
                }
                simulate P { dt = 1 ms; }
                """);
        Loihi1ResourceModel model = Loihi1ResourceModel.of(Loihi1Limits.singleChip());
        PassRegistry registry = PassRegistry.builder().add(new LoadPass()).add(new AnalysePass())
                .add(new ElaboratePass()).add(new PartitionPass(model, PartitionOptions.defaults()))
                .add(new PlacePass(PlacementOptions.defaults())).build();
        Diagnostics diagnostics = new Diagnostics();
        PipelineResult result = PassManager.builder(registry.parse("load,analyse,elaborate,partition,place")).build()
                .run(file, diagnostics);
        assertFalse(diagnostics.hasErrors(), diagnostics.all()::toString);
        assertTrue(result.completed());
        MappedNetwork mapped = result.output(MappingIr.MAPPED).orElseThrow();
        // a fills 2 cores; b's 1400 compartments under 12-step delays (512 per core) take 3 more.
        assertEquals(5, mapped.partition().coreCount());
        assertEquals(1, mapped.placement().chipsUsed());
        PassRecord partition = result.records().stream().filter(r -> r.pass().equals("partition")).findFirst()
                .orElseThrow();
        assertEquals(5, partition.statistics().get("cores"));
        String dump = MappingIr.MAPPED.dump(mapped);
        assertTrue(dump.contains("core 4 @ chip 0"), dump);
        assertTrue(MappingIr.MAPPED.verify(mapped).isEmpty());
    }
}
