package io.neuromap.bench;

import io.neuromap.backends.loihi1.Loihi1CompileOptions;
import io.neuromap.backends.loihi1.Loihi1CompileResult;
import io.neuromap.backends.loihi1.Loihi1Compiler;
import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1Reports;
import io.neuromap.backends.loihi1.Loihi1System;
import io.neuromap.backends.loihi1.config.Loihi1ConfigException;
import io.neuromap.backends.loihi1.config.Loihi1ConfigWriter;
import io.neuromap.backends.loihi1.emit.Loihi1Placed;
import io.neuromap.backends.loihi1.rules.Loihi1Checked;
import io.neuromap.backends.report.CompileReport;
import io.neuromap.backends.report.ReportWriters;
import io.neuromap.compiler.diag.Diagnostic;
import io.neuromap.compiler.mapping.LowerBound;
import io.neuromap.compiler.mapping.Partition;
import io.neuromap.compiler.mapping.PartitionOptions;
import io.neuromap.compiler.mapping.Placement;
import io.neuromap.compiler.mapping.SpikeRates;
import io.neuromap.compiler.mapping.Violation;
import io.neuromap.compiler.pass.IrKind;
import io.neuromap.compiler.pass.Pass;
import io.neuromap.compiler.pass.PassInstrument;
import io.neuromap.compiler.pass.PassManager;
import io.neuromap.compiler.pass.PassRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Compiles a large column-structured network to Loihi 1 end to end, as {@code neuromap compile}
 * does: the .nmap text goes through {@link Loihi1Compiler#compile} (load, analyse, elaborate,
 * lower, partition, place, route, emit, rules, with the verifier after every pass), then the
 * reports and the config with its sidecars are written to disk. Prints wall and CPU time per
 * pass and per verifier, peak heap, cores against the lower bound, and inter-core and inter-chip
 * traffic. Budget (issue 3): 1,000,000 neurons and 100,000,000 synapses in at most 60 s and
 * 6 GB of heap, with at most 1.1 times the lower bound's cores. {@code bench/compile.sh} runs it;
 * {@code bench/README.md} records the numbers.
 *
 * <pre>
 * usage: CompileBench [--columns C] [--size N] [--local K] [--neighbour K] [--delays D]
 *                     [--chips N] [-o DIR]
 * </pre>
 * The network is {@link PartitionBench}'s ring of C columns of N LIF neurons. Without {@code -o}
 * the output goes to the temporary directory of the .nmap text, which is deleted at the end.
 */
public final class CompileBench {
    private CompileBench() {
    }

    public static void main(String[] args) throws IOException {
        int columns = 1000;
        int size = 1000;
        double local = 80;
        double neighbour = 10;
        int delays = 1;
        int chips = Loihi1Limits.NAHUKU_CHIPS;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--columns" -> columns = Integer.parseInt(args[++i]);
                case "--size" -> size = Integer.parseInt(args[++i]);
                case "--local" -> local = Double.parseDouble(args[++i]);
                case "--neighbour" -> neighbour = Double.parseDouble(args[++i]);
                case "--delays" -> delays = Integer.parseInt(args[++i]);
                case "--chips" -> chips = Integer.parseInt(args[++i]);
                case "-o" -> out = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: CompileBench [--columns C] [--size N] [--local K] [--neighbour K] "
                            + "[--delays D] [--chips N] [-o DIR]");
                    // A benchmark entry point, like the CLI's main: the exit code tells scripts it failed.
                    System.exit(2);
                }
            }
        }
        Path dir = Files.createTempDirectory("neuromap-bench");
        Path file = dir.resolve("columns.nmap");
        Files.writeString(file, PartitionBench.program(columns, size, local / size, neighbour / size, delays));
        Path output = out == null ? dir.resolve("out") : out;
        System.out.printf(Locale.ROOT, "network: %,d columns x %,d lif neurons (ring), ~%.0f synapses per neuron into "
                + "its column and ~%.0f into each neighbour, delays 1..%d steps; loihi1 with %d chips; output %s%n",
                columns, size, local, neighbour, delays, chips, output);
        Loihi1CompileOptions options = Loihi1CompileOptions.defaults()
                .withLimits(Loihi1Limits.of(Loihi1System.ofChips(chips)));

        try (HeapSampler heap = new HeapSampler(5)) {
            PassClock clock = new PassClock();
            long cpu0 = ElaborationBench.processCpuNanos();
            long t0 = System.nanoTime();
            Loihi1CompileResult result = Loihi1Compiler.compile(file, options,
                    p -> PassManager.builder(p).verifyEach(false).instrument(clock).build());
            long t1 = System.nanoTime();
            long cpu1 = ElaborationBench.processCpuNanos();
            if (result.checked().isEmpty()) {
                for (Diagnostic d : result.diagnostics().all()) {
                    System.err.println(d.headline());
                }
                System.exit(1);
            }
            Loihi1Checked checked = result.checked().get();
            CompileReport report = Loihi1Reports.of("bench", List.of(file.toString()), result, true);
            List<Path> written = new ArrayList<>(ReportWriters.writeAll(report, output));
            long t2 = System.nanoTime();
            long cpu2 = ElaborationBench.processCpuNanos();
            if (result.feasible()) {
                try {
                    written.add(Loihi1ConfigWriter.write(result.config().orElseThrow(), output));
                } catch (Loihi1ConfigException e) {
                    System.err.println(e.getMessage());
                    System.exit(1);
                }
            }
            long t3 = System.nanoTime();
            long cpu3 = ElaborationBench.processCpuNanos();
            long peak = heap.peakUsed();

            Loihi1Placed placed = checked.emitted().routed().placed();
            Partition partition = placed.partitioned().partition();
            Placement placement = placed.placement();
            System.out.printf(Locale.ROOT, "compiled: %,d neurons, %,d synapses%n",
                    placed.partitioned().lowering().network().neuronCount(),
                    placed.partitioned().lowering().network().synapseCount());
            System.out.printf(Locale.ROOT, "%-12s %8s %8s %10s %10s%n", "pass", "wall s", "CPU s", "verify s",
                    "verify CPU");
            for (PassClock.Row r : clock.rows()) {
                System.out.printf(Locale.ROOT, "%-12s %8.2f %8.2f %10.2f %10.2f%n", r.pass(), r.nanos() / 1e9,
                        r.cpuNanos() / 1e9, r.verifyNanos() / 1e9, r.verifyCpuNanos() / 1e9);
            }
            System.out.printf(Locale.ROOT, "%-12s %8.2f %8.2f%n", "reports", (t2 - t1) / 1e9, (cpu2 - cpu1) / 1e9);
            System.out.printf(Locale.ROOT, "%-12s %8.2f %8.2f%s%n", "config", (t3 - t2) / 1e9, (cpu3 - cpu2) / 1e9,
                    result.feasible() ? "" : "  (infeasible: not written)");
            System.out.printf(Locale.ROOT, "%-12s %8.2f %8.2f  (file to config and reports on disk; compile %.2f s)%n",
                    "total", (t3 - t0) / 1e9, (cpu3 - cpu0) / 1e9, (t1 - t0) / 1e9);
            long bound = partition.lowerBounds().cores();
            System.out.printf(Locale.ROOT, "cores: %,d; lower bound %,d (%s); ratio %.3f%n", partition.coreCount(), bound,
                    partition.lowerBounds().binding().map(b -> b.resource().name()).orElse("-"),
                    partition.coreCount() / (double) Math.max(1, bound));
            for (LowerBound b : partition.lowerBounds().rows()) {
                System.out.printf(Locale.ROOT, "  bound %-22s %,8d cores (demand %,.0f %s)%n", b.resource().name(),
                        b.cores(), b.demand(), b.resource().unit());
            }
            double scale = SpikeRates.SCALE;
            System.out.printf(Locale.ROOT, "inter-core traffic: %,.0f spikes/s at %.0f Hz per neuron; %,d core pairs; "
                    + "%,d remote output axons%n", partition.traffic().interCore() / scale,
                    PartitionOptions.DEFAULT_RATE_HZ, partition.traffic().edgeCount(), partition.traffic().remoteFanout());
            System.out.printf(Locale.ROOT, "chips: %d used of %d; traffic x hops %,.0f spike-hops/s; inter-chip traffic "
                    + "%,.0f spikes/s%n", placement.chipsUsed(), placement.chipsAvailable(),
                    placement.trafficHops() / scale, placement.interChipTraffic() / scale);
            for (Violation v : checked.violations()) {
                System.out.println("violation: " + v);
            }
            long[] files = filesAndBytes(output);
            System.out.printf(Locale.ROOT, "wrote %s into %s: %,d files, %,d MB%n", written.stream()
                    .map(f -> f.getFileName().toString()).toList(), output, files[0], files[1] >> 20);
            System.out.printf(Locale.ROOT, "heap: peak in use %,d MB (polled), pool peaks %,d MB, max %,d MB; %s%n",
                    peak >> 20, HeapSampler.poolPeakSum() >> 20, heap.maxHeap() >> 20, HeapSampler.gcSummary());
        } finally {
            // The .nmap text, and the output unless -o put it elsewhere.
            deleteTree(dir);
        }
    }

    /** {files, bytes} in {@code dir}: the reports, config.json and its .npy sidecars. */
    private static long[] filesAndBytes(Path dir) throws IOException {
        long[] out = new long[2];
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                out[0]++;
                out[1] += Files.size(f);
            }
        }
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /**
     * Wall and process CPU time of every pass and of its verifier. The pass manager runs with
     * its own verification off and this instrument runs the same verifier
     * ({@code provides().verify}) in {@code afterPass}, so the two are timed apart; a
     * verifier problem fails the run as the pass manager would.
     */
    private static final class PassClock implements PassInstrument {
        record Row(String pass, long nanos, long cpuNanos, long verifyNanos, long verifyCpuNanos) {
        }

        private final List<Row> rows = new ArrayList<>();
        private long cpu0;

        @Override
        public void beforePass(Pass<?, ?> pass, Object input) {
            cpu0 = ElaborationBench.processCpuNanos();
        }

        @Override
        public void afterPass(Pass<?, ?> pass, Object output, PassRecord record) {
            long cpu1 = ElaborationBench.processCpuNanos();
            long t1 = System.nanoTime();
            List<String> problems = verify(pass.provides(), output);
            long t2 = System.nanoTime();
            long cpu2 = ElaborationBench.processCpuNanos();
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the verifier after " + pass.name() + " failed: " + problems);
            }
            rows.add(new Row(record.pass(), record.nanos(), cpu1 - cpu0, t2 - t1, cpu2 - cpu1));
        }

        private static <T> List<String> verify(IrKind<T> kind, Object output) {
            return kind.verify(kind.type().cast(output));
        }

        List<Row> rows() {
            return rows;
        }
    }
}
