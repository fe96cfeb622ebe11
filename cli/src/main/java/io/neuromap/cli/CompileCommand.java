package io.neuromap.cli;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.Loihi1CompileOptions;
import io.neuromap.backends.loihi1.Loihi1CompileResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
    private final Toolchain toolchain;

    @Parameters(index = "0", paramLabel = "FILE", description = "The .nmap file to compile.")
    private Path file;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Directory for the config and the reports (created if missing).")
    private Path output;

    @Mixin
    private Loihi1CompileOptionsMixin compile = new Loihi1CompileOptionsMixin();

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
        options = compile.options(this::usageError);
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw usageError("-o " + output + ": exists and is not a directory");
        }
    }

    @Override
    protected ExitCode execute() {
        Loihi1CompileStep step = new Loihi1CompileStep(toolchain, err());
        Optional<Loihi1CompileResult> result = step.compile(file, options, compile.passes());
        if (result.isEmpty()) {
            return ExitCode.INPUT_ERROR;
        }
        return step.write(file, result.get(), options, compile.passes(), output);
    }
}
