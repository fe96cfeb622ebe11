package io.neuromap.cli;

import io.neuromap.backends.loihi1.Loihi1CompileOptions;
import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1System;
import io.neuromap.backends.loihi1.config.Loihi1Arithmetic;
import io.neuromap.backends.loihi1.lower.Heterogeneity;
import io.neuromap.backends.loihi1.lower.Loihi1LowerOptions;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The Loihi 1 compile options of the commands that compile before they emulate ({@code run},
 * {@code validate}): the system, the arithmetic the config asks for, and how heterogeneity is
 * lowered.
 */
final class Loihi1CompileMixin {
    /** What the target option accepts. */
    enum Target { loihi1 }

    // Set by picocli.
    @Option(names = "--target", paramLabel = "TARGET", required = true,
            description = "The chip to compile for: ${COMPLETION-CANDIDATES}.")
    private Target target;

    @Option(names = "--chips", paramLabel = "N", description = "Map onto a system of N chips (default: one chip).")
    private Integer chips;

    @Option(names = "--system", paramLabel = "NAME",
            description = "Map onto a named system: single-chip, kapoho-bay, nahuku, pohoiki-springs.")
    private String system;

    @Option(names = "--arithmetic", paramLabel = "PROFILE", defaultValue = "nengo-loihi",
            description = "Whose fixed-point arithmetic the config asks the emulator for: nengo-loihi or lava "
                    + "(default: ${DEFAULT-VALUE}).")
    private String arithmetic = "nengo-loihi";

    @Option(names = "--heterogeneity", paramLabel = "MODE", defaultValue = "bin",
            description = "Per-neuron time constants: bin them into the core's profile table, or spread the population "
                    + "over more cores (default: ${DEFAULT-VALUE}).")
    private String heterogeneity = "bin";

    @Option(names = "--max-bin-error", paramLabel = "X",
            description = "Largest relative error binning may put on a time constant (default: 0.05).")
    private Double maxBinError;

    /** A command-line problem with these values, if any. */
    Optional<String> problem() {
        if (chips != null && system != null) {
            return Optional.of("--chips and --system both name the system; give one");
        }
        if (chips != null && !Loihi1System.isValidChipCount(chips)) {
            return Optional.of("--chips must be 1.." + Loihi1Limits.MAX_CHIPS + ", got " + chips);
        }
        if (system != null && Loihi1System.byName(system).isEmpty()) {
            return Optional.of("--system: unknown system '" + system + "'; known: single-chip, kapoho-bay, nahuku, "
                    + "pohoiki-springs");
        }
        if (Loihi1Arithmetic.fromJson(arithmetic).isEmpty()) {
            return Optional.of("--arithmetic must be nengo-loihi or lava, got '" + arithmetic + "'");
        }
        if (heterogeneity(heterogeneity) == null) {
            return Optional.of("--heterogeneity must be bin or spread, got '" + heterogeneity + "'");
        }
        if (maxBinError != null && (!(maxBinError >= 0) || maxBinError.isInfinite())) {
            return Optional.of("--max-bin-error must be a finite number >= 0, got " + maxBinError);
        }
        return Optional.empty();
    }

    /** The compile options (call after {@link #problem()} found none). */
    Loihi1CompileOptions options() {
        Loihi1System s = chips != null ? Loihi1System.ofChips(chips)
                : system != null ? Loihi1System.byName(system).orElseThrow() : Loihi1System.SINGLE_CHIP;
        Loihi1LowerOptions lower = Loihi1LowerOptions.defaults()
                .withArithmetic(Loihi1Arithmetic.fromJson(arithmetic).orElseThrow())
                .withHeterogeneity(heterogeneity(heterogeneity));
        if (maxBinError != null) {
            lower = lower.withMaxBinError(maxBinError);
        }
        return Loihi1CompileOptions.defaults().withLimits(Loihi1Limits.of(s)).withLower(lower);
    }

    private static Heterogeneity heterogeneity(String word) {
        for (Heterogeneity h : Heterogeneity.values()) {
            if (h.word().equals(word)) {
                return h;
            }
        }
        return null;
    }
}
