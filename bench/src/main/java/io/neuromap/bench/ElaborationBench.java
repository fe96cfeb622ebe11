package io.neuromap.bench;

import io.neuromap.compiler.Compiler;
import io.neuromap.compiler.StandardPasses;
import io.neuromap.compiler.diag.Diagnostic;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.ir.IrDigest;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.compiler.ir.SynapseMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.neuromap.compiler.pass.PassManager;
import io.neuromap.compiler.pass.PassOptions;
import io.neuromap.compiler.pass.PassRecord;
import io.neuromap.compiler.pass.PipelineResult;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Elaborates a large {@code fixed_prob} network end to end (write the .nmap text, then the
 * {@code check,elaborate} pipeline of {@link Compiler#elaborate}: load, analyse, elaborate, verify
 * the IR) and prints wall time per pass and heap use. The budget (issue 2): 1,000,000 neurons and 100,000,000 synapses in at most 30 s and
 * 3 GB of heap on a 2-core machine. {@code bench/elaborate.sh} runs it; {@code bench/README.md}
 * records the numbers.
 *
 * <pre>
 * usage: ElaborationBench [--neurons N] [--p P] [--weights random|constant] [--threads T] [--digest]
 * </pre>
 * {@code random} draws every weight (normal, clipped) and delay (uniform over 1..10 ms) and two
 * neuron parameters; {@code constant} uses one weight and the default delay, so synapses cost
 * only their target.
 */
public final class ElaborationBench {
    private ElaborationBench() {
    }

    public static void main(String[] args) throws IOException {
        int neurons = 1_000_000;
        double p = 1e-4;
        String weights = "random";
        int threads = Runtime.getRuntime().availableProcessors();
        boolean digest = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--neurons" -> neurons = Integer.parseInt(args[++i]);
                case "--p" -> p = Double.parseDouble(args[++i]);
                case "--weights" -> weights = args[++i];
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--digest" -> digest = true;
                default -> {
                    System.err.println("usage: ElaborationBench [--neurons N] [--p P] [--weights random|constant] "
                            + "[--threads T] [--digest]");
                    // A benchmark entry point, like the CLI's main: the exit code tells scripts it failed.
                    System.exit(2);
                }
            }
        }
        Path dir = Files.createTempDirectory("neuromap-bench");
        Path file = dir.resolve("bench.nmap");
        Files.writeString(file, program(neurons, p, weights));
        System.out.printf(Locale.ROOT, "network: %,d lif neurons, fixed_prob(%s), %s weights and delays, %d threads%n",
                neurons, p, weights, threads);

        try (HeapSampler heap = new HeapSampler(5)) {
            // The facade's pipeline (Compiler.elaborate runs the same one), with the thread count as an option.
            PassManager pm = PassManager.builder(StandardPasses.pipeline(StandardPasses.CHECK + ",elaborate"))
                    .options(PassOptions.of(Map.of("threads", Integer.toString(threads)))).build();
            Diagnostics diagnostics = new Diagnostics();
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            PipelineResult result = pm.run(file, diagnostics);
            long t1 = System.nanoTime();
            long cpu1 = processCpuNanos();
            Optional<Network> network = Compiler.ElaborateResult.of(diagnostics, result).network();
            if (network.isEmpty()) {
                fail(diagnostics);
            }
            String sha = digest ? IrDigest.sha256(network.get()) : null;
            long t2 = System.nanoTime();
            long peak = heap.peakUsed();
            long poolPeak = HeapSampler.poolPeakSum();

            Network n = network.get();
            Projection rec = n.projections().get(0);
            SynapseMatrix m = rec.synapses();
            long bytes = 4L * m.count() + 4L * (m.rows() + 1)
                    + (m.weights().isHomogeneous() ? 0 : 4L * m.count())
                    + (long) m.delays().bytesPerSynapse() * m.count();
            System.out.printf(Locale.ROOT, "synapses: %,d (mean fan-out %.2f), CSR %,d MB = %.2f B/synapse "
                            + "(weights %s, delays %d B each)%n",
                    m.count(), rec.fanOut().mean(), bytes >> 20, bytes / (double) m.count(),
                    m.weights().isHomogeneous() ? "constant" : "float", m.delays().bytesPerSynapse());
            long passes = 0;
            for (PassRecord r : result.records()) {
                System.out.printf(Locale.ROOT, "%-15s %8.2f s%n", r.pass() + ":", r.nanos() / 1e9);
                passes += r.nanos();
            }
            System.out.printf(Locale.ROOT, "%-15s %8.2f s%n", "verify IR:", (t1 - t0 - passes) / 1e9);
            System.out.printf(Locale.ROOT, "total:          %8.2f s (file to verified IR), %.2f s of CPU%n", (t1 - t0) / 1e9,
                    (cpu1 - cpu0) / 1e9);
            if (sha != null) {
                System.out.printf(Locale.ROOT, "digest:         %8.2f s  sha256 %s%n", (t2 - t1) / 1e9, sha);
            }
            System.out.printf(Locale.ROOT, "heap: peak in use %,d MB (polled), pool peaks %,d MB, retained %,d MB, "
                            + "max %,d MB; %s%n", peak >> 20, poolPeak >> 20, heap.retainedAfterGc() >> 20,
                    heap.maxHeap() >> 20, HeapSampler.gcSummary());
        }
    }

    private static void fail(Diagnostics diagnostics) {
        for (Diagnostic d : diagnostics.all()) {
            System.err.println(d.headline());
        }
        // A benchmark entry point, like the CLI's main: the exit code tells scripts it failed.
        System.exit(1);
    }

    /** CPU time of the whole process (all threads), ns; less disturbed than wall time on a shared machine. */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    static String program(int neurons, double p, String weights) {
        String neuronParams = "tau_m ~ gamma(k = 3, mean = 20 ms) clip [5 ms, 80 ms]; v_init ~ uniform(-65 mV, -55 mV);";
        String synapses = weights.equals("constant") ? "weight = 0.5 nA;"
                : "weight ~ normal(0.5 nA, 0.1 nA) clip [0 nA, 1 nA]; delay ~ uniform(1 ms, 10 ms);";
        return "network Bench {\n"
                + "  population cells[" + neurons + "] : lif { " + neuronParams + " }\n"
                + "  project rec : cells -> cells with fixed_prob(" + p + ") { " + synapses + " }\n"
                + "}\n"
                + "simulate Bench { dt = 1 ms; seed = 1; }\n";
    }
}
