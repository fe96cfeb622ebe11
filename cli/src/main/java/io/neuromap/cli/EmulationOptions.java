package io.neuromap.cli;

import io.neuromap.emulator.loihi1.Loihi1RunOptions;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/**
 * The options of every command that emulates ({@code emulate}, {@code run}, {@code validate}):
 * how long, on how many threads, and how strictly.
 */
final class EmulationOptions {
    // Set by picocli.
    @Option(names = "--steps", paramLabel = "N",
            description = "Steps to run (default: the config's steps, i.e. the network's simulate duration / dt).")
    private Integer steps;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads stepping the cores (default: all processors, at most one per 50,000 compartments, "
                    + "since a smaller share costs more to synchronise than it saves). Results are identical for every T.")
    private Integer threads;

    @Option(names = "--strict",
            description = "Stop at the first fixed-point overflow and report its step, core and compartment (exit code 1). "
                    + "Without it overflows wrap as on the chip and are counted in summary.json.")
    private boolean strict;

    /** A command-line problem with these values, if any. */
    Optional<String> problem() {
        if (steps != null && steps < 0) {
            return Optional.of("--steps must be >= 0, got " + steps);
        }
        if (threads != null && threads < 1) {
            return Optional.of("--threads must be >= 1, got " + threads);
        }
        return Optional.empty();
    }

    /** The steps asked for, if any. */
    OptionalInt steps() {
        return steps == null ? OptionalInt.empty() : OptionalInt.of(steps);
    }

    /** Threads and strictness for the emulator. */
    Loihi1RunOptions runOptions() {
        Loihi1RunOptions options = Loihi1RunOptions.defaults().withStrict(strict);
        return threads == null ? options : options.withThreads(threads);
    }
}
