package io.neuromap.cli;

import io.neuromap.backends.loihi1.Loihi1CompileOptions;
import io.neuromap.backends.loihi1.Loihi1Compiler;
import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1System;
import io.neuromap.backends.loihi1.config.Loihi1Arithmetic;
import io.neuromap.backends.loihi1.lower.Heterogeneity;
import io.neuromap.backends.loihi1.lower.Loihi1LowerOptions;
import io.neuromap.compiler.diag.Suggestions;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options of every command that compiles for a chip ({@code compile}, {@code run},
 * {@code validate}): the target, the system, the arithmetic, how heterogeneity is lowered, and
 * the pass instruments. One class, so the three commands accept the same options with the same
 * checks and messages.
 */
final class Loihi1CompileOptionsMixin {
    private static final String LOIHI1 = "loihi1";

    // Set by picocli.
    @Option(names = {"-t", "--target"}, required = true, paramLabel = "TARGET",
            description = "The chip to compile for (neuromap targets lists them): loihi1.")
    private String target;

    @Option(names = "--chips", paramLabel = "N", description = "Map onto a system of N chips (1 to 16384).")
    private Integer chips;

    @Option(names = "--system", paramLabel = "NAME",
            description = "Map onto a named system: single-chip (default), kapoho-bay, nahuku, pohoiki-springs.")
    private String system;

    @Option(names = "--arithmetic", paramLabel = "PROFILE", defaultValue = "nengo-loihi",
            description = "Whose fixed-point arithmetic the config asks the emulator for: nengo-loihi (default) or lava.")
    private String arithmetic;

    @Option(names = "--heterogeneity", paramLabel = "MODE", defaultValue = "bin",
            description = "bin (default): merge a population's distinct time constants into the profiles a core "
                    + "holds, within --max-bin-error; spread: never merge, use more cores.")
    private String heterogeneity;

    @Option(names = "--max-bin-error", paramLabel = "X", defaultValue = "5%",
            description = "Largest relative error binning may add to a time constant, as a fraction or a percentage "
                    + "(default 5%%); beyond it a population gets more profiles and spreads over more cores.")
    private String maxBinError;

    @Option(names = "--compat-synapse-formats",
            description = "Use only the 7 synapse formats per core that nengo-loihi and NxSDK use (default: all 15).")
    private boolean compatFormats;

    @Mixin
    private PassInstrumentOptions passes = new PassInstrumentOptions();

    /**
     * The compile options the command line gives.
     *
     * @param usageError makes the command's usage error (exit code 2) from a message
     * @throws ParameterException for an unknown target, system, arithmetic or heterogeneity mode,
     *     a bad number, or a pass instrument that names no pass
     */
    Loihi1CompileOptions options(Function<String, ParameterException> usageError) {
        if (!LOIHI1.equals(target)) {
            List<String> names = TargetCatalog.names();
            String near = Suggestions.closest(target, names).map(n -> " (did you mean '" + n + "'?)").orElse("");
            String known = TargetCatalog.entries().stream().map(e -> e.name() + " (" + e.status() + ")")
                    .collect(Collectors.joining(", "));
            throw usageError.apply((names.contains(target) ? "neuromap cannot compile for target '" + target + "' yet"
                    : "unknown target '" + target + "'" + near) + "; the targets are: " + known);
        }
        if (chips != null && system != null) {
            throw usageError.apply("give either --chips or --system, not both");
        }
        Loihi1System sys = Loihi1System.SINGLE_CHIP;
        if (chips != null) {
            if (!Loihi1System.isValidChipCount(chips)) {
                throw usageError.apply("--chips " + chips + ": a Loihi 1 system has 1 to " + Loihi1Limits.MAX_CHIPS
                        + " chips");
            }
            sys = Loihi1System.ofChips(chips);
        } else if (system != null) {
            sys = Loihi1System.byName(system).orElseThrow(() -> usageError.apply("--system " + system
                    + ": unknown system; the systems are: " + Loihi1System.named().stream().map(s -> s.name() + " ("
                            + s.chips() + " chips)").collect(Collectors.joining(", "))));
        }
        Loihi1Arithmetic a = Loihi1Arithmetic.fromJson(arithmetic.toLowerCase(Locale.ROOT)).orElseThrow(
                () -> usageError.apply("--arithmetic " + arithmetic + ": expected nengo-loihi or lava"));
        Heterogeneity h = Heterogeneity.parse(heterogeneity).orElseThrow(
                () -> usageError.apply("--heterogeneity " + heterogeneity + ": expected bin or spread"));
        double bound = parseFraction(maxBinError, usageError);
        Loihi1Limits limits = Loihi1Limits.of(sys).withSynapseFormats(compatFormats
                ? Loihi1Limits.SynapseFormatTable.COMPAT_7 : Loihi1Limits.SynapseFormatTable.FULL);
        Loihi1CompileOptions options = Loihi1CompileOptions.defaults().withLimits(limits)
                .withLower(new Loihi1LowerOptions(h, bound, a));
        passes.problem(Loihi1Compiler.registry(options)).ifPresent(p -> {
            throw usageError.apply(p);
        });
        return options;
    }

    /** The pass instruments. */
    PassInstrumentOptions passes() {
        return passes;
    }

    /** {@code 0.05} or {@code 5%}, finite and >= 0. */
    private static double parseFraction(String text, Function<String, ParameterException> usageError) {
        String t = text.trim();
        boolean percent = t.endsWith("%");
        try {
            double v = Double.parseDouble(percent ? t.substring(0, t.length() - 1).trim() : t);
            if (percent) {
                v /= 100;
            }
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw usageError.apply("--max-bin-error " + text + ": must be a finite number >= 0");
            }
            return v;
        } catch (NumberFormatException e) {
            throw usageError.apply("--max-bin-error " + text + ": expected a fraction (0.05) or a percentage (5%)");
        }
    }
}
