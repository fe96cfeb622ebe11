package io.neuromap.cli;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.Loihi1CompileOptions;
import io.neuromap.backends.loihi1.Loihi1CompileResult;
import io.neuromap.backends.loihi1.config.Loihi1ConfigException;
import io.neuromap.emulator.loihi1.Loihi1Emulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code neuromap run FILE --target loihi1}: compile, then emulate what was written, in one
 * command: {@code OUT/config/} is exactly what {@code neuromap compile} writes and {@code OUT/run/}
 * exactly what {@code neuromap emulate OUT/config -o OUT/run} writes. The emulation loads the
 * written config, so a {@code run} exercises the same files a later {@code emulate} would read.
 */
@Command(name = "run",
        description = {
            "Compile a network for a chip and run it on the bit-accurate emulator: compile + emulate in one command.",
            "Writes OUT/config/ (config.json, its .npy sidecars and the reports, as `neuromap compile` writes them) "
                    + "and OUT/run/ "
                    + "(spikes.npy, spikes.csv, probe_<name>.npy, summary.json, raster.png, raster.svg, as "
                    + "`neuromap emulate` writes them). Diagnostics, violations and a summary go to standard error."
        })
final class RunCommand extends BaseCommand {
    private final Toolchain toolchain;
    private final boolean terminal;

    @Parameters(index = "0", paramLabel = "FILE", description = "The .nmap file to compile and run.")
    private Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", defaultValue = "out",
            description = "Where to write config/ and run/ (default: ${DEFAULT-VALUE}).")
    private Path output = Path.of("out");

    @Mixin
    private Loihi1CompileOptionsMixin compile = new Loihi1CompileOptionsMixin();

    @Mixin
    private EmulationOptions emulation = new EmulationOptions();

    @Mixin
    private RecordingOptions recording = new RecordingOptions();

    private Loihi1CompileOptions options;

    RunCommand(Toolchain toolchain, boolean terminal) {
        this.toolchain = requireNonNull(toolchain, "toolchain is null");
        this.terminal = terminal;
    }

    @Override
    List<Path> inputFiles() {
        return List.of(file);
    }

    @Override
    protected void validate() {
        options = compile.options(this::usageError);
        emulation.problem().or(recording::problem).ifPresent(p -> {
            throw usageError(p);
        });
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw usageError("-o " + output + ": exists and is not a directory");
        }
    }

    @Override
    protected ExitCode execute() {
        Loihi1CompileStep step = new Loihi1CompileStep(toolchain, err());
        Optional<Loihi1CompileResult> compiled = step.compile(file, options, compile.passes());
        if (compiled.isEmpty()) {
            return ExitCode.INPUT_ERROR;
        }
        Path configDir = output.resolve("config");
        ExitCode written = step.write(file, compiled.get(), options, compile.passes(), configDir);
        if (written != ExitCode.OK) {
            return written;
        }
        Loihi1Emulation loaded;
        try {
            loaded = Loihi1Emulation.load(configDir);
        } catch (Loihi1ConfigException e) {
            ConfigErrors.print(e, configDir, err());
            return ExitCode.INPUT_ERROR;
        }
        return new EmulationRunner(err(), terminal).runAndWrite(loaded, emulation, recording, output.resolve("run"),
                configDir.toString());
    }
}
