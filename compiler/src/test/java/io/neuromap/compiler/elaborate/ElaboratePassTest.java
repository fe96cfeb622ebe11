package io.neuromap.compiler.elaborate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.Compiler;
import io.neuromap.compiler.StandardPasses;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.ir.IrDigest;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.pass.PassManager;
import io.neuromap.compiler.pass.PassOptions;
import io.neuromap.compiler.pass.PipelineResult;
import io.neuromap.compiler.pass.PrintIrAfter;
import io.neuromap.compiler.testing.Parsing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code elaborate} through the pass manager: every test program elaborates and verifies; stats and dump. */
class ElaboratePassTest {
    private static final Path STRIATUM = Parsing.testResource("programs/striatum.nmap");

    @Test
    void everyTestProgramElaboratesOrReportsLocatedErrors() {
        // The parser's test programs exercise syntax; some are not meant to be valid networks
        // (column.nmap names a missing synapse list). Elaboration must never throw on them.
        List<String> elaborated = new ArrayList<>();
        for (Path file : Parsing.nmapFiles(Parsing.testResource("programs"))) {
            if (Compiler.check(file).program().isEmpty()) {
                continue;
            }
            Compiler.ElaborateResult r = Compiler.elaborate(file);
            if (r.network().isPresent()) {
                elaborated.add(file.getFileName().toString());
            } else {
                assertTrue(r.diagnostics().hasErrors());
                r.diagnostics().all().forEach(d -> assertTrue(d.span().line() >= 1 && !d.span().file().isEmpty()));
            }
        }
        assertTrue(elaborated.contains("striatum.nmap"), elaborated.toString());
    }

    @Test
    void theNorthStarProgramElaborates() {
        Network n = Compiler.elaborate(STRIATUM).network().orElseThrow();
        assertEquals(1240, n.neuronCount());
        assertEquals(400 * 800 * 0.1, n.synapseCount(), 4 * Math.sqrt(400 * 800 * 0.1 * 0.9));
        assertEquals(List.of("D1", "D2"), n.population("msn").orElseThrow().cellTypes().stream().map(c -> c.name()).toList());
        assertEquals(List.of("tau_m"), n.population("msn").orElseThrow().heterogeneousParameters());
        // `effect threshold += 0.1 * [DA]`: a plain threshold offset is read in mV.
        io.neuromap.compiler.ir.EffectBinding threshold = n.pathways().get(1).effects().get(0);
        assertEquals(io.neuromap.compiler.units.Dimension.VOLTAGE, threshold.valueDimension());
        assertEquals(1e-4, threshold.value().affine().orElseThrow().slope(), 1e-18);
        // `weight ~ uniform(0.1, 0.5)`: plain weights are read in nA.
        assertTrue(n.projections().get(0).synapses().weights().summary().max() <= 0.5e-9 * 1.001);
    }

    @Test
    void statisticsAndTheDumpDescribeTheNetwork() {
        List<String> printed = new ArrayList<>();
        PassManager pm = PassManager.builder(StandardPasses.pipeline("check,elaborate"))
                .options(PassOptions.of(Map.of("threads", "1")))
                .instrument(PrintIrAfter.parse("elaborate", StandardPasses.registry(), printed::add)).build();
        Diagnostics diagnostics = new Diagnostics();
        PipelineResult result = pm.run(STRIATUM, diagnostics);
        assertTrue(result.completed(), Elaborate.render(diagnostics));
        Map<String, Long> stats = result.records().get(2).statistics();
        assertEquals(1240L, stats.get("neurons"));
        assertEquals(1L, stats.get("heterogeneous parameters"));
        String dump = printed.get(0);
        assertTrue(dump.contains("population msn[800] : lif, neurons 440..1239, seed 7"), dump);
        assertTrue(dump.contains("cell type D1 [0:400), receptor D1R binds DA on soma"), dump);
        assertTrue(dump.contains("pathway d2: DA via D2R -> msn[400:800).soma"), dump);
        assertTrue(dump.contains("tau_m ~ min "), dump);
        assertEquals(IrDigest.sha256(result.output(io.neuromap.compiler.ir.NetworkIr.NETWORK).orElseThrow()),
                IrDigest.sha256(Compiler.elaborate(STRIATUM).network().orElseThrow()), "threads=1 and the default agree");
    }
}
