package io.neuromap.cli;

import io.neuromap.compiler.diag.Suggestions;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code neuromap targets [NAME]}: what neuromap knows about each chip, so that a user can see the
 * limits a network will be checked against before writing it: without a name, the targets and
 * their status; with one, its per-system, per-chip and per-core limits with sources, number
 * formats, systems, how each neuron model maps onto it, and its design rules.
 */
@Command(name = "targets",
        description = {
            "List the targets, or show one target's limits, number formats, systems, neuron models and design rules.",
            "Every limit names its source (spec section, paper, upstream code)."
        })
final class TargetsCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME",
            description = "The target to show (e.g. loihi1); without it, list the targets.")
    private String name;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Override
    protected void validate() {
        if (name != null && !TargetCatalog.names().contains(name)) {
            String near = Suggestions.closest(name, TargetCatalog.names()).map(n -> " (did you mean '" + n + "'?)")
                    .orElse("");
            String known = TargetCatalog.entries().stream().map(e -> e.name() + " (" + e.status() + ")")
                    .collect(java.util.stream.Collectors.joining(", "));
            throw usageError("unknown target '" + name + "'" + near + "; the targets are: " + known);
        }
    }

    @Override
    protected ExitCode execute() {
        if (name == null) {
            out().print(json ? TargetsJson.list(TargetCatalog.entries()) : TargetsText.list(TargetCatalog.entries()));
            out().flush();
            return ExitCode.OK;
        }
        Optional<TargetSheet> sheet = TargetCatalog.sheet(name);
        if (sheet.isPresent()) {
            out().print(json ? TargetsJson.sheet(sheet.get()) : TargetsText.sheet(sheet.get()));
        } else {
            TargetSheet.Entry entry = TargetCatalog.entries().stream().filter(e -> e.name().equals(name)).findFirst()
                    .orElseThrow();
            out().print(json ? TargetsJson.list(java.util.List.of(entry))
                    : name + " (" + entry.status() + "): " + entry.summary() + "\n");
        }
        out().flush();
        return ExitCode.OK;
    }
}
