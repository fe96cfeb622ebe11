package io.neuromap.cli;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.Loihi1CompileOptions;
import io.neuromap.backends.loihi1.Loihi1CompileResult;
import io.neuromap.backends.loihi1.Loihi1Compiler;
import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1Reports;
import io.neuromap.backends.loihi1.Loihi1System;
import io.neuromap.backends.loihi1.config.Loihi1Arithmetic;
import io.neuromap.backends.loihi1.config.Loihi1ConfigDescriptor;
import io.neuromap.backends.loihi1.config.Loihi1ConfigException;
import io.neuromap.backends.loihi1.config.Loihi1ConfigWriter;
import io.neuromap.backends.loihi1.lower.Heterogeneity;
import io.neuromap.backends.loihi1.lower.Loihi1LowerOptions;
import io.neuromap.backends.report.CompileReport;
import io.neuromap.backends.report.ReportWriters;
import io.neuromap.compiler.diag.DiagnosticRenderer;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.diag.Suggestions;
import io.neuromap.compiler.mapping.Violation;
import io.neuromap.compiler.pass.PassRegistry;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code neuromap compile FILE --target loihi1 -o DIR}: maps a network onto a chip and says
 * whether and how it fits. Always writes the reports ({@code report.txt}, {@code report.json},
 * {@code report.sarif}); writes the chip config ({@code config.json} and its sidecars) only when
 * every design rule holds. Exit code 0 when it fits, 1 when the spec is wrong or the network does
 * not fit, 2 for a wrong command line (an unknown target lists the targets).
 */
@Command(name = "compile",
        description = {
            "Map a network onto a chip: lower it to the chip's number formats, partition it into cores, place the "
                    + "cores on the mesh, route the axons and write the chip config.",
            "Writes DIR/report.txt, DIR/report.json and DIR/report.sarif in every case (each violation with its rule "
                    + "id, the DSL line, demand vs capacity and a fix), and DIR/config.json with its .npy sidecars "
                    + "only when the network fits. Violations also go to standard error."
        })
final class CompileCommand extends BaseCommand {
    private static final String LOIHI1 = "loihi1";

    private final Toolchain toolchain;

    @Parameters(index = "0", paramLabel = "FILE", description = "The .nmap file to compile.")
    private Path file;

    @Option(names = {"-t", "--target"}, required = true, paramLabel = "TARGET",
            description = "The chip to compile for (neuromap targets lists them): loihi1.")
    private String target;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Directory for the config and the reports (created if missing).")
    private Path output;

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

    private Loihi1CompileOptions options;

    CompileCommand(Toolchain toolchain) {
        this.toolchain = requireNonNull(toolchain, "toolchain is null");
    }

    @Override
    List<Path> inputFiles() {
        return file == null ? List.of() : List.of(file);
    }

    @Override
    protected void validate() {
        if (!LOIHI1.equals(target)) {
            List<String> names = TargetCatalog.names();
            String near = Suggestions.closest(target, names).map(n -> " (did you mean '" + n + "'?)").orElse("");
            String known = TargetCatalog.entries().stream().map(e -> e.name() + " (" + e.status() + ")")
                    .collect(Collectors.joining(", "));
            throw usageError((names.contains(target) ? "neuromap cannot compile for target '" + target + "' yet"
                    : "unknown target '" + target + "'" + near) + "; the targets are: " + known);
        }
        if (chips != null && system != null) {
            throw usageError("give either --chips or --system, not both");
        }
        Loihi1System sys = Loihi1System.SINGLE_CHIP;
        if (chips != null) {
            if (!Loihi1System.isValidChipCount(chips)) {
                throw usageError("--chips " + chips + ": a Loihi 1 system has 1 to " + Loihi1Limits.MAX_CHIPS + " chips");
            }
            sys = Loihi1System.ofChips(chips);
        } else if (system != null) {
            sys = Loihi1System.byName(system).orElseThrow(() -> usageError("--system " + system
                    + ": unknown system; the systems are: " + Loihi1System.named().stream().map(s -> s.name() + " ("
                            + s.chips() + " chips)").collect(Collectors.joining(", "))));
        }
        Loihi1Arithmetic a = Loihi1Arithmetic.fromJson(arithmetic.toLowerCase(Locale.ROOT)).orElseThrow(
                () -> usageError("--arithmetic " + arithmetic + ": expected nengo-loihi or lava"));
        Heterogeneity h = Heterogeneity.parse(heterogeneity).orElseThrow(
                () -> usageError("--heterogeneity " + heterogeneity + ": expected bin or spread"));
        double bound = parseFraction(maxBinError);
        Loihi1Limits limits = Loihi1Limits.of(sys).withSynapseFormats(compatFormats
                ? Loihi1Limits.SynapseFormatTable.COMPAT_7 : Loihi1Limits.SynapseFormatTable.FULL);
        options = Loihi1CompileOptions.defaults().withLimits(limits)
                .withLower(new Loihi1LowerOptions(h, bound, a));
        passes.problem(Loihi1Compiler.registry(options)).ifPresent(p -> {
            throw usageError(p);
        });
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw usageError("-o " + output + ": exists and is not a directory");
        }
    }

    /** {@code 0.05} or {@code 5%}, finite and >= 0. */
    private double parseFraction(String text) {
        String t = text.trim();
        boolean percent = t.endsWith("%");
        try {
            double v = Double.parseDouble(percent ? t.substring(0, t.length() - 1).trim() : t);
            if (percent) {
                v /= 100;
            }
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw usageError("--max-bin-error " + text + ": must be a finite number >= 0");
            }
            return v;
        } catch (NumberFormatException e) {
            throw usageError("--max-bin-error " + text + ": expected a fraction (0.05) or a percentage (5%)");
        }
    }

    @Override
    protected ExitCode execute() {
        PassRegistry registry = Loihi1Compiler.registry(options);
        Loihi1CompileResult result = toolchain.compileLoihi1(file, options,
                pipeline -> passes.passManager(pipeline, registry, err()));
        Diagnostics diagnostics = result.diagnostics();
        err().print(new DiagnosticRenderer(result.sources().files()).renderAll(diagnostics));
        if (result.checked().isEmpty()) {
            if (!diagnostics.hasErrors()) {
                throw new IllegalStateException("the compiler returned neither a mapping nor an error for " + file);
            }
            err().println(file + ": " + Text.count(diagnostics.errorCount(), "error") + ", "
                    + Text.count(diagnostics.warningCount(), "warning") + "; nothing written");
            return ExitCode.INPUT_ERROR;
        }
        for (Violation v : result.violations()) {
            err().println(v.span().location() + ": " + v.severity().label() + "[" + v.ruleId() + "]: " + v.message());
            err().println("  = " + v.resource() + ": demand " + v.actual() + " " + v.unit() + ", capacity " + v.limit()
                    + " " + v.unit());
            err().println("  help: " + v.fix());
        }
        CompileReport report = Loihi1Reports.of(VersionProvider.version(), sources(result), result, passes.timings());
        List<Path> written = new ArrayList<>();
        try {
            written.addAll(ReportWriters.writeAll(report, output));
        } catch (IOException e) {
            err().println(output + ": cannot write the reports: " + e.getMessage());
            return ExitCode.INPUT_ERROR;
        }
        if (result.feasible()) {
            try {
                written.add(0, Loihi1ConfigWriter.write(result.config().orElseThrow(), output));
            } catch (Loihi1ConfigException e) {
                err().println(e.getMessage());
                return ExitCode.INPUT_ERROR;
            }
        } else {
            removeStaleConfig();
        }
        long errors = result.violations().stream().filter(v -> v.severity() == Severity.ERROR).count();
        long warnings = result.violations().size() - errors;
        String mapping = report.bounds().map(b -> Text.count(b.coresAchieved(), "core") + " on "
                + Text.count(b.chipsUsed(), "chip") + " (lower bound " + b.coresLowerBound() + " cores)").orElse("");
        String files = written.stream().map(Path::toString).collect(Collectors.joining(", "));
        if (result.feasible()) {
            err().println(file + ": fits loihi1 (" + limitsName() + "): " + mapping + "; "
                    + Text.count(warnings, "warning") + "; wrote " + files);
            return ExitCode.OK;
        }
        err().println(file + ": does not fit loihi1 (" + limitsName() + "): " + Text.count(errors, "error") + ", "
                + Text.count(warnings, "warning") + "; wrote the reports (" + files + "), no config");
        return ExitCode.INPUT_ERROR;
    }

    private String limitsName() {
        Loihi1System s = options.limits().system();
        return s.name() + ", " + Text.count(s.chips(), "chip");
    }

    /** The files read, the root first. */
    private List<String> sources(Loihi1CompileResult result) {
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
    private void removeStaleConfig() {
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
            err().println(config + ": removed the config of an earlier compile");
        } catch (IOException e) {
            err().println(config + ": could not remove the config of an earlier compile: " + e.getMessage());
        }
    }
}
