package io.neuromap.backends.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neuromap.backends.TestNmap;
import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.cost.Loihi1Activity;
import io.neuromap.backends.loihi1.cost.Loihi1CostModel;
import io.neuromap.backends.loihi1.mapping.Loihi1ResourceModel;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.mapping.Partition;
import io.neuromap.compiler.mapping.PartitionOptions;
import io.neuromap.compiler.mapping.Partitioner;
import io.neuromap.compiler.mapping.Placement;
import io.neuromap.compiler.mapping.PlacementOptions;
import io.neuromap.compiler.mapping.Placer;
import io.neuromap.compiler.mapping.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report filled from a real elaboration and mapping, written in all three forms. */
class ReportFromMappingTest {
    @TempDir
    Path dir;

    private CompileReport report(String text) throws IOException {
        Network network = TestNmap.elaborate(dir, text);
        Path file = dir.resolve(TestNmap.FILE_NAME);
        Loihi1Limits limits = Loihi1Limits.singleChip();
        Loihi1ResourceModel model = Loihi1ResourceModel.of(limits);
        Partition partition = Partitioner.partition(network, model, PartitionOptions.defaults());
        Placement placement = Placer.place(network, partition, PlacementOptions.defaults());
        ReportSystem system = new ReportSystem(limits.system().name(), limits.chips(), Loihi1Limits.CORES_PER_CHIP);
        List<Violation> violations = new ArrayList<>(partition.violations());
        violations.addAll(placement.violations());
        return CompileReport.builder("test", model.target(), system)
                .source(file.toString())
                .violations(violations)
                .cores(ReportMapping.cores(network, partition, placement))
                .bounds(ReportMapping.bounds(partition, placement, system))
                .traffic(ReportMapping.traffic(partition, placement))
                .estimate(Loihi1CostModel.estimate(Loihi1Activity.of(network, partition, placement,
                        PartitionOptions.DEFAULT_RATE_HZ)))
                .build();
    }

    @Test
    void feasibleNetworkReportsCoresBoundsTrafficAndEstimate() throws IOException {
        CompileReport r = report("""
                network N {
                  population src[100] : poisson { rate = 20 Hz; }
                  population exc[3000] : lif;
                  project src -> exc with fixed_prob(0.1) { weight = 0.5 nA; receptor = exc; }
                  project exc -> exc with fixed_prob(0.01) { weight = 0.1 nA; receptor = exc; }
                }
                simulate N { dt = 1 ms; duration = 1 s; seed = 3; }
                """);
        assertTrue(r.feasible(), r.violations().toString());
        MappingBounds b = r.bounds().orElseThrow();
        assertEquals(r.cores().size(), b.coresAchieved());
        assertTrue(b.coresLowerBound() >= 3 && b.coresAchieved() >= b.coresLowerBound(), b.toString());
        assertEquals("compartments", b.bindingResource().orElseThrow());
        long neurons = r.cores().stream().mapToLong(CoreReport::neurons).sum();
        assertEquals(3000, neurons);
        assertEquals("exc", r.cores().get(0).slices().get(0).population());
        assertTrue(r.traffic().orElseThrow().hostInput() > 0);
        StepEstimate e = r.estimate().orElseThrow();
        assertTrue(e.energyJoules().low() > 0 && e.energyJoules().high() > e.energyJoules().low());
        String text = new TextReportWriter().text(r);
        assertTrue(text.contains("result:  fits\n"), text);
        assertTrue(text.contains("because of compartments"), text);
        List<Path> written = ReportWriters.writeAll(r, dir.resolve("out"));
        assertEquals(List.of(), SarifReportWriterTest.validate(Files.readAllBytes(written.get(2))));
        // Same network, same seed: the same bytes.
        CompileReport again = report(Files.readString(dir.resolve("net.nmap")));
        assertArrayEquals(new JsonReportWriter().render(r), new JsonReportWriter().render(again));
        assertArrayEquals(new TextReportWriter().render(r), new TextReportWriter().render(again));
    }

    @Test
    void infeasibleNetworkStillGetsTheFullReport() throws IOException {
        CompileReport r = report("""
                network N {
                  population a[5000] : lif;
                  population b[4] : lif;
                  project a -> b with all_to_all { weight = 0.1 nA; receptor = exc; }
                }
                simulate N { dt = 1 ms; duration = 1 s; seed = 3; }
                """);
        assertFalse(r.feasible());
        assertTrue(r.violatedRuleIds().contains("LOIHI1-AXIN-001"), r.violatedRuleIds().toString());
        Violation axin = r.violations().stream().filter(v -> v.ruleId().equals("LOIHI1-AXIN-001")).findFirst()
                .orElseThrow();
        assertEquals(5000, axin.actual());
        assertEquals(4096, axin.limit());
        assertEquals(3, axin.span().line());
        assertFalse(r.cores().isEmpty());
        byte[] sarif = new SarifReportWriter(dir).render(r);
        assertEquals(List.of(), SarifReportWriterTest.validate(sarif));
        JsonNode result = new ObjectMapper().readTree(sarif).at("/runs/0/results/0");
        assertEquals("LOIHI1-AXIN-001", result.get("ruleId").asText());
        assertEquals("net.nmap", result.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(3, result.at("/locations/0/physicalLocation/region/startLine").asInt());
        String text = new TextReportWriter().text(r);
        assertTrue(text.contains("error[LOIHI1-AXIN-001]"), text);
        assertTrue(text.contains("= input axons: demand 5000 axons, capacity 4096 axons"), text);
    }
}
