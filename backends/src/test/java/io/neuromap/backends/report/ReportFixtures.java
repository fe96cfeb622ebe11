package io.neuromap.backends.report;

import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Resource;
import io.neuromap.compiler.mapping.ResourceKind;
import io.neuromap.compiler.mapping.Utilization;
import io.neuromap.compiler.mapping.Violation;
import io.neuromap.compiler.source.SourceSpan;
import java.util.List;
import java.util.OptionalDouble;

/** Synthetic reports for the writer tests: every section filled, violations of every severity. */
final class ReportFixtures {
    static final Resource COMPARTMENTS = new Resource("compartments", "compartments", ResourceKind.NEURON_SUM, 1024,
            "TEST-CX-001", "test", "split `%s`");
    static final Resource AXONS = new Resource("input axons", "axons", ResourceKind.INPUT_SOURCES, 4096,
            "TEST-AXIN-001", "test", "lower the fan-in of `%s`");

    private ReportFixtures() {
    }

    static SourceSpan span(String file, int start, int end, int line, int column, int endLine, int endColumn) {
        return new SourceSpan(file, start, end, line, column, endLine, endColumn);
    }

    static Violation axonViolation() {
        return new Violation("TEST-AXIN-001", Severity.ERROR, span("nets/net.nmap", 120, 160, 7, 3, 7, 43),
                "input axons", 5000, 4096, "axons", "population `exc` needs more input axons than a core holds",
                "split population `exc` into >= 2 cores");
    }

    static Violation chipViolation() {
        return new Violation("TEST-CHIP-001", Severity.ERROR, span("nets/net.nmap", 0, 300, 1, 1, 12, 2), "chips",
                3, 2, "chips", "the network needs 3 chips, the system has 2", "use --chips 3 or a larger system");
    }

    static Violation warning() {
        return new Violation("TEST-VTH-002", Severity.WARNING, span("nets/lib dir/cells.nmap", 40, 52, 3, 5, 4, 6),
                "threshold profiles", 9, 8, "profiles", "celltype `D1` has 9 distinct thresholds",
                "bin thresholds of `D1` (--heterogeneity bin)");
    }

    static Violation note() {
        return new Violation("TEST-FMT-003", Severity.NOTE, span("nets/net.nmap", 200, 210, 9, 1, 9, 11),
                "synapse formats", 7, 15, "formats", "projection `ff` uses the dense format",
                "nothing to do");
    }

    static CoreReport core(int index, long compartments, long axons, long synapses) {
        return new CoreReport(index, 0, index, List.of(new PopulationSlice("exc", index * 512, index * 512 + 512)),
                compartments, synapses, new Utilization(List.of(new Utilization.Row(COMPARTMENTS, compartments, 1024),
                        new Utilization.Row(AXONS, axons, 4096))));
    }

    /** An infeasible report with every section filled; violations given out of order on purpose. */
    static CompileReport infeasible() {
        return CompileReport.builder("0.1.0-test", "test1", new ReportSystem("kapoho-bay", 2, 128))
                .source("nets/net.nmap")
                .source("nets/lib dir/cells.nmap")
                .violation(note())
                .violation(warning())
                .violation(chipViolation())
                .violation(axonViolation())
                .rule(new RuleInfo("TEST-AXIN-001", "InputAxonsWithinCoreLimit",
                        "A core receives spikes from at most 4096 presynaptic sources.",
                        "Split the population over more cores or lower its fan-in."))
                .core(core(0, 512, 5000, 40000))
                .core(core(1, 512, 1200, 30000))
                .core(core(2, 100, 300, 500))
                .bounds(new MappingBounds(3, 2, java.util.Optional.of("input axons"), 1, 1, 2,
                        List.of(new ResourceBound("compartments", "compartments", 1124, 2,
                                "sum per neuron over the capacity of a core it can share"),
                                new ResourceBound("input axons", "axons", 6500, 2,
                                        "one per source with targets, over the per-core capacity"))))
                .traffic(new TrafficReport(1250.5, 2, 700, 3200, 1250.5, 2501, 0, 0,
                        List.of(new TrafficEdge(0, 1, 1000.5, 1), new TrafficEdge(1, 2, 250, 0))))
                .quantization(new QuantizationRow(QuantizationRow.ObjectKind.POPULATION, "exc", "tau_m", "ms", 1024,
                        1.5e-3, 4.25e-4, OptionalDouble.of(2.5e-2), span("nets/net.nmap", 130, 150, 8, 5, 8, 25),
                        "decay du in 12 bits"))
                .quantization(new QuantizationRow(QuantizationRow.ObjectKind.PROJECTION, "ff", "weight", "nA", 40000,
                        3.9e-3, 1.0e-3, OptionalDouble.empty(), span("nets/net.nmap", 200, 210, 9, 1, 9, 11), ""))
                .estimate(new StepEstimate(new Band(1.0e-6, 1.5e-6, 2.25e-6), new Band(2.0e-6, 3.5e-6, 5.0e-6),
                        List.of(new EstimateTerm("synaptic op", 40000, new Band(9.44e-7, 9.6e-7, 1.42e-6),
                                "Davies18 Table 2; SANA-FE")),
                        List.of("non-source neurons fire at 1 Hz"), List.of("Davies18 Table 2")))
                .note("spike sources run on the host")
                .build();
    }

    /** A feasible report with no violations and no mapping sections. */
    static CompileReport feasibleMinimal() {
        return CompileReport.builder("0.1.0-test", "test1", new ReportSystem("single-chip", 1, 128))
                .source("net.nmap")
                .build();
    }
}
