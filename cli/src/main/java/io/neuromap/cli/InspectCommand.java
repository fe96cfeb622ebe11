package io.neuromap.cli;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.Compiler;
import io.neuromap.compiler.diag.DiagnosticRenderer;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.ir.Network;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code neuromap inspect FILE}: elaborate a network and show what was actually built, so that a
 * user can see the realised spread of every heterogeneous parameter, the synapse counts and
 * degrees a connector produced, and exactly which neurons or synapses each pathway reaches.
 */
@Command(name = "inspect",
        description = {
            "Elaborate a network and show what was built.",
            "Populations with neuron counts per cell type and the realised min/mean/max/sd of every parameter that "
                    + "differs between neurons; projections with synapse counts, fan-in, fan-out, weights and delays; "
                    + "modulators; and the neurons or synapses each pathway binds to. Values are in ms, mV, nA, ...",
            "Diagnostics go to standard error, the report to standard output."
        })
final class InspectCommand extends BaseCommand {
    private final Toolchain toolchain;

    @Parameters(index = "0", paramLabel = "FILE", description = "The .nmap file to inspect.")
    private Path file;

    @Option(names = "--json", description = "Print the report as one JSON document instead of text.")
    private boolean json;

    @Mixin
    private PassInstrumentOptions passes = new PassInstrumentOptions();

    InspectCommand(Toolchain toolchain) {
        this.toolchain = requireNonNull(toolchain, "toolchain is null");
    }

    @Override
    List<Path> inputFiles() {
        return file == null ? List.of() : List.of(file);
    }

    @Override
    protected void validate() {
        passes.problem().ifPresent(p -> {
            throw usageError(p);
        });
    }

    @Override
    protected ExitCode execute() {
        Compiler.ElaborateResult result = toolchain.elaborate(file, pipeline -> passes.passManager(pipeline, err()));
        Diagnostics diagnostics = result.diagnostics();
        err().print(new DiagnosticRenderer(result.sources().files()).renderAll(diagnostics));
        Optional<Network> network = result.network();
        if (network.isEmpty()) {
            if (!diagnostics.hasErrors()) {
                throw new IllegalStateException("the compiler returned neither a network nor an error for " + file);
            }
            err().println(file + ": " + Text.count(diagnostics.errorCount(), "error") + ", "
                    + Text.count(diagnostics.warningCount(), "warning"));
            return ExitCode.INPUT_ERROR;
        }
        NetworkReport report = NetworkReport.of(network.get(), file.toString(), result.sources().files());
        out().print(json ? InspectJson.render(report) + "\n" : InspectText.render(report));
        out().flush();
        return ExitCode.OK;
    }
}
