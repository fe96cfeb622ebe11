package io.neuromap.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The root command: global options only ({@code --help}, {@code --version}); all work is done by
 * the subcommands, one class each.
 */
@Command(name = "neuromap",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = {
            "Maps spiking networks with heterogeneous populations and neuromodulatory pathways onto "
                    + "neuromorphic chips, and tells you which hardware constraint each part violates and why.",
            "",
            "Networks are written in the neuromap language, in .nmap files.",
            "The language reference is docs/language.md in the neuromap repository."
        },
        commandListHeading = "%nCommands:%n",
        footer = {"", "Run 'neuromap COMMAND --help' for the options of a command."})
final class NeuromapCommand implements Callable<Integer> {
    // Injected by picocli.
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: give one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
