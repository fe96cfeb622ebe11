package io.neuromap.emulator.loihi1;

import io.neuromap.backends.loihi1.config.Loihi1Arithmetic;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

/**
 * Single-threaded emulator throughput on a compiled config (issue 4's bench target): CPU time of
 * the stepping thread per compartment-step and synaptic events per CPU second, for the bare
 * emulator (no recorders) and for {@link Loihi1Emulation#run} (with the config's probes). Per-thread
 * CPU time, because the machine may be shared. Not a test: run its main.
 *
 * <pre>
 * ./neuromap compile samples/cuba_brette2007.nmap --target loihi1 -o /tmp/cuba
 * java -cp ... io.neuromap.emulator.loihi1.Loihi1ThroughputBench /tmp/cuba 10000 3
 * java -cp ... io.neuromap.emulator.loihi1.Loihi1ThroughputBench random 200 3
 * java -cp ... io.neuromap.emulator.loihi1.Loihi1ThroughputBench /tmp/cuba 10000 3 VECTORISED
 * </pre>
 *
 * The optional fourth argument names the {@link Loihi1Loops} of the bare emulator (default: the
 * emulator's default), so one run can set one loop against another.
 *
 * {@code random} runs {@link Loihi1RandomNetwork}'s 50,000-compartment network (the thread
 * invariance test's), which keeps spiking, to measure synaptic delivery.
 */
final class Loihi1ThroughputBench {

    private Loihi1ThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Loihi1Emulation emulation = args[0].equals("random")
                ? Loihi1Emulation.of(Loihi1RandomNetwork.generate(20240611L, Loihi1Arithmetic.NENGO_LOIHI, 50, 1000, 20,
                        steps, 100))
                : Loihi1Emulation.load(Path.of(args[0]));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Loihi1RunOptions one = new Loihi1RunOptions(1, false);
        Loihi1Loops loops = args.length > 3 ? Loihi1Loops.valueOf(args[3]) : Loihi1Loops.LANES;
        for (int rep = 0; rep < repeats; rep++) {
            try (Loihi1Emulator emulator = Loihi1Emulator.fromConfig(new Loihi1ValidatedConfig(emulation.config()),
                    one, loops)) {
                long cpu0 = mx.getCurrentThreadCpuTime();
                emulator.run(steps);
                long cpu = mx.getCurrentThreadCpuTime() - cpu0;
                report("emulator", steps, emulator.state().compartments(), emulator.synapticEvents(), cpu);
            }
            long cpu0 = mx.getCurrentThreadCpuTime();
            Loihi1RunResult result = emulation.run(steps, one);
            long cpu = mx.getCurrentThreadCpuTime() - cpu0;
            report("run     ", steps, (int) (result.compartmentUpdates() / steps), result.synapticEvents(), cpu);
            System.out.printf("          spikes %d%n", result.spikes().count());
        }
    }

    private static void report(String what, int steps, int compartments, long events, long cpuNanos) {
        double perCx = (double) cpuNanos / ((double) steps * compartments);
        System.out.printf("%s: %d steps x %d compartments, cpu %.3f s, %.3f ns/compartment-step, "
                + "%d synaptic events, %.1f M events/s%n", what, steps, compartments, cpuNanos / 1e9, perCx, events,
                events / (cpuNanos / 1e9) / 1e6);
    }
}
