package io.neuromap.cli;

import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/** What {@code emulate} and {@code run} write beyond spikes: how often probes record, and the plot. */
final class RecordingOptions {
    // Set by picocli.
    @Option(names = "--probe-every", paramLabel = "K",
            description = "Record every probe every K steps instead of the period the config gives.")
    private Integer probeEvery;

    @Option(names = "--no-plot", description = "Do not draw raster.png and raster.svg.")
    private boolean noPlot;

    /** A command-line problem with these values, if any. */
    Optional<String> problem() {
        if (probeEvery != null && probeEvery < 1) {
            return Optional.of("--probe-every must be >= 1, got " + probeEvery);
        }
        return Optional.empty();
    }

    /** The probe period asked for, if any. */
    OptionalInt probeEvery() {
        return probeEvery == null ? OptionalInt.empty() : OptionalInt.of(probeEvery);
    }

    /** Whether to draw the raster plot. */
    boolean plot() {
        return !noPlot;
    }
}
