package io.neuromap.cli;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.Loihi1CompileOptions;
import io.neuromap.backends.loihi1.Loihi1CompileResult;
import io.neuromap.backends.loihi1.Loihi1Compiler;
import io.neuromap.backends.loihi1.Loihi1Reports;
import io.neuromap.backends.loihi1.Loihi1System;
import io.neuromap.backends.loihi1.config.Loihi1ConfigDescriptor;
import io.neuromap.backends.loihi1.config.Loihi1ConfigException;
import io.neuromap.backends.loihi1.config.Loihi1ConfigWriter;
import io.neuromap.backends.report.CompileReport;
import io.neuromap.backends.report.ReportWriters;
import io.neuromap.compiler.diag.DiagnosticRenderer;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import io.neuromap.compiler.pass.PassRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compiling for Loihi 1 as the command line does it, shared by {@code compile}, {@code run} and
 * {@code validate}: compile through the toolchain with the pass instruments, print the language
 * diagnostics and every design-rule violation on standard error, and write the reports (always)
 * and the config (only when the network fits).
 */
final class Loihi1CompileStep {
    private final Toolchain toolchain;
    private final PrintWriter err;

    Loihi1CompileStep(Toolchain toolchain, PrintWriter err) {
        this.toolchain = requireNonNull(toolchain, "toolchain is null");
        this.err = requireNonNull(err, "err is null");
    }

    /**
     * Compiles {@code file} and prints its diagnostics and violations.
     *
     * @return the result when the front end succeeded (feasible or not); empty after language
     *     errors (reported)
     */
    Optional<Loihi1CompileResult> compile(Path file, Loihi1CompileOptions options, PassInstrumentOptions passes) {
        PassRegistry registry = Loihi1Compiler.registry(options);
        Loihi1CompileResult result = toolchain.compileLoihi1(file, options,
                pipeline -> passes.passManager(pipeline, registry, err));
        Diagnostics diagnostics = result.diagnostics();
        err.print(new DiagnosticRenderer(result.sources().files()).renderAll(diagnostics));
        if (result.checked().isEmpty()) {
            if (!diagnostics.hasErrors()) {
                throw new IllegalStateException("the compiler returned neither a mapping nor an error for " + file);
            }
            err.println(file + ": " + Text.count(diagnostics.errorCount(), "error") + ", "
                    + Text.count(diagnostics.warningCount(), "warning") + "; nothing written");
            return Optional.empty();
        }
        for (Violation v : result.violations()) {
            err.println(v.span().location() + ": " + v.severity().label() + "[" + v.ruleId() + "]: " + v.message());
            err.println("  = " + v.resource() + ": demand " + v.actual() + " " + v.unit() + ", capacity " + v.limit()
                    + " " + v.unit());
            err.println("  help: " + v.fix());
        }
        return Optional.of(result);
    }

    /**
     * Writes the reports of {@code result} into {@code output} and, when it fits, its config; an
     * infeasible compile removes the config of an earlier one. Prints the one-line outcome.
     *
     * @return {@link ExitCode#OK} when the network fits and everything was written
     */
    ExitCode write(Path file, Loihi1CompileResult result, Loihi1CompileOptions options, PassInstrumentOptions passes,
            Path output) {
        CompileReport report = Loihi1Reports.of(VersionProvider.version(), sources(file, result), result,
                passes.timings());
        List<Path> written = new ArrayList<>();
        try {
            written.addAll(ReportWriters.writeAll(report, output));
        } catch (IOException e) {
            err.println(output + ": cannot write the reports: " + e.getMessage());
            return ExitCode.INPUT_ERROR;
        }
        if (result.feasible()) {
            try {
                Loihi1ConfigWriter.write(result.config().orElseThrow(), output);
                written.add(0, output.resolve(Loihi1ConfigDescriptor.CONFIG_FILE));
            } catch (Loihi1ConfigException e) {
                err.println(e.getMessage());
                return ExitCode.INPUT_ERROR;
            }
        } else {
            removeStaleConfig(output);
        }
        long errors = result.violations().stream().filter(v -> v.severity() == Severity.ERROR).count();
        long warnings = result.violations().size() - errors;
        String mapping = report.bounds().map(b -> Text.count(b.coresAchieved(), "core") + " on "
                + Text.count(b.chipsUsed(), "chip") + " (lower bound " + b.coresLowerBound() + " cores)").orElse("");
        String files = written.stream().map(Path::toString).collect(Collectors.joining(", "));
        if (result.feasible()) {
            err.println(file + ": fits loihi1 (" + systemName(options) + "): " + mapping + "; "
                    + Text.count(warnings, "warning") + "; wrote " + files);
            return ExitCode.OK;
        }
        err.println(file + ": does not fit loihi1 (" + systemName(options) + "): " + Text.count(errors, "error") + ", "
                + Text.count(warnings, "warning") + "; wrote the reports (" + files + "), no config");
        return ExitCode.INPUT_ERROR;
    }

    /** Says that a network that does not fit was not emulated ({@code validate}, which writes no reports). */
    void refuse(Path file, Loihi1CompileResult result, Loihi1CompileOptions options) {
        long errors = result.violations().stream().filter(v -> v.severity() == Severity.ERROR).count();
        err.println(file + ": does not fit loihi1 (" + systemName(options) + "): " + Text.count(errors, "error")
                + "; nothing was emulated");
    }

    private static String systemName(Loihi1CompileOptions options) {
        Loihi1System s = options.limits().system();
        return s.name() + ", " + Text.count(s.chips(), "chip");
    }

    /** The files read, the root first. */
    private static List<String> sources(Path file, Loihi1CompileResult result) {
        String root = file.toString();
        List<String> out = new ArrayList<>();
        out.add(root);
        for (String name : new TreeSet<>(result.sources().files().keySet())) {
            if (!name.equals(root)) {
                out.add(name);
            }
        }
        return out;
    }

    /**
     * A config from an earlier run must not survive an infeasible one: removes {@code config.json}
     * and the sidecars the config writer names ({@code *.npy} it could have written).
     */
    private void removeStaleConfig(Path output) {
        Path config = output.resolve(Loihi1ConfigDescriptor.CONFIG_FILE);
        if (!Files.exists(config)) {
            return;
        }
        try {
            Files.delete(config);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(output, "*.npy")) {
                for (Path f : files) {
                    String name = f.getFileName().toString();
                    if (Arrays.asList("origin.npy", "stimuli_spikes.npy", "stimuli_current.npy").contains(name)
                            || name.matches("chip\\d+_core\\d+_\\w+\\.npy") || name.matches("probe_.*_targets\\.npy")) {
                        Files.delete(f);
                    }
                }
            }
            err.println(config + ": removed the config of an earlier compile");
        } catch (IOException e) {
            err.println(config + ": could not remove the config of an earlier compile: " + e.getMessage());
        }
    }
}
