package io.neuromap.cli;

import io.neuromap.backends.loihi1.config.Loihi1ConfigException;
import io.neuromap.backends.loihi1.rules.Loihi1Rules;
import io.neuromap.compiler.mapping.Violation;
import io.neuromap.emulator.loihi1.Loihi1Emulation;
import io.neuromap.emulator.loihi1.Loihi1EmulationException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code neuromap emulate CONFIG --steps N -o run/}: runs a chip config (never the DSL, so any
 * config runs, hand-written ones included) on the bit-accurate emulator and writes spikes, probes,
 * a summary and a raster plot. The config is checked against its schema and the target's rules
 * before anything runs; a bad one is reported, located, and nothing is written.
 */
@Command(name = "emulate",
        description = {
            "Run a chip config on the bit-accurate Loihi 1 emulator and write what it recorded.",
            "CONFIG is a directory holding config.json and its .npy sidecars (as `neuromap compile` writes it), "
                    + "or the config.json file itself. It is checked against its schema and the chip's rules first; "
                    + "a bad config is reported with its location and nothing is written.",
            "Writes into the output directory: spikes.npy and spikes.csv (step, neuron, population), "
                    + "probe_<name>.npy per probe, summary.json, raster.png and raster.svg. "
                    + "A short summary goes to standard error."
        })
final class EmulateCommand extends BaseCommand {
    private final boolean terminal;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "The config directory (or its config.json).")
    private Path config;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "run",
            description = "Where to write the run (default: ${DEFAULT-VALUE}); created if missing, files replaced.")
    private Path output = Path.of("run");

    @Mixin
    private EmulationOptions emulation = new EmulationOptions();

    @Mixin
    private RecordingOptions recording = new RecordingOptions();

    EmulateCommand(boolean terminal) {
        this.terminal = terminal;
    }

    @Override
    List<Path> inputFiles() {
        return List.of(config);
    }

    @Override
    protected void validate() {
        emulation.problem().or(recording::problem).ifPresent(p -> {
            throw usageError(p);
        });
    }

    @Override
    protected ExitCode execute() {
        Loihi1Emulation loaded;
        try {
            loaded = Loihi1Emulation.load(config);
        } catch (Loihi1ConfigException e) {
            ConfigErrors.print(e, config, err());
            return ExitCode.INPUT_ERROR;
        }
        if (!Loihi1Rules.hasErrors(loaded.violations())) {
            // Warnings do not stop the run (errors do, and the runner prints them); run and
            // validate compiled the config themselves and printed its warnings already.
            for (Violation warning : loaded.violations()) {
                err().println(Loihi1EmulationException.render(warning));
            }
        }
        return new EmulationRunner(err(), terminal).runAndWrite(loaded, emulation, recording, output, config.toString());
    }
}
