package io.neuromap.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;

/**
 * {@code neuromap completion}: prints a bash (and zsh, through bashcompinit) completion script
 * generated from the same command model that parses the command line, so it never goes stale.
 */
@Command(name = "completion",
        description = "Print a bash completion script for neuromap on standard output.",
        footer = {"", "Enable it for this shell:   source <(neuromap completion)",
            "Enable it for good:         neuromap completion > ~/.local/share/bash-completion/completions/neuromap",
            "zsh: run 'autoload -U +X bashcompinit && bashcompinit' first."})
final class CompletionCommand extends BaseCommand {
    @Override
    protected ExitCode execute() {
        out().print(AutoComplete.bash("neuromap", spec().root().commandLine()));
        out().flush();
        return ExitCode.OK;
    }
}
