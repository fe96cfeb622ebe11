package io.neuromap.cli;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.Compiler;
import io.neuromap.compiler.diag.Diagnostic;
import io.neuromap.compiler.diag.DiagnosticRenderer;
import io.neuromap.compiler.diag.Diagnostics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code neuromap check FILE...}: parse and analyse each file and report every problem, located
 * and with a fix where one is known. The fast inner loop of writing a network.
 */
@Command(name = "check",
        description = {
            "Check .nmap files and report every problem, located, with a fix where one is known.",
            "Each diagnostic gives file:line:col, a stable code (NM-Exxxx errors, NM-Wxxxx warnings), "
                    + "the source line with a caret under the problem, and a help line.",
            "Diagnostics and a summary go to standard error; with --format json an array of diagnostics goes to standard output."
        })
final class CheckCommand extends BaseCommand {
    /** How diagnostics are printed. */
    enum Format { text, json }

    private final Toolchain toolchain;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .nmap files to check (each with its imports).")
    private List<Path> files = List.of();

    @Option(names = "--werror", description = "Treat warnings as errors: exit code 1 if there is any warning.")
    private boolean werror;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Format format = Format.text;

    @Mixin
    private PassInstrumentOptions passes = new PassInstrumentOptions();

    CheckCommand(Toolchain toolchain) {
        this.toolchain = requireNonNull(toolchain, "toolchain is null");
    }

    @Override
    List<Path> inputFiles() {
        return files;
    }

    @Override
    protected void validate() {
        passes.problem().ifPresent(p -> {
            throw usageError(p);
        });
    }

    @Override
    protected ExitCode execute() {
        List<Diagnostic> all = new ArrayList<>();
        int errors = 0;
        int warnings = 0;
        for (Path file : files) {
            Compiler.CheckResult result = toolchain.check(file, pipeline -> passes.passManager(pipeline, err()));
            Diagnostics diagnostics = result.diagnostics();
            if (result.program().isEmpty() && !diagnostics.hasErrors()) {
                throw new IllegalStateException("the compiler returned neither a program nor an error for " + file);
            }
            errors += diagnostics.errorCount();
            warnings += diagnostics.warningCount();
            if (format == Format.json) {
                all.addAll(diagnostics.sorted());
            } else {
                err().print(new DiagnosticRenderer(result.sources().files()).renderAll(diagnostics));
                err().println(summary(file.toString(), diagnostics.errorCount(), diagnostics.warningCount()));
            }
        }
        if (format == Format.json) {
            out().println(DiagnosticJson.toJson(all));
        } else if (files.size() > 1) {
            err().println("checked " + Text.count(files.size(), "file") + ": "
                    + Text.count(errors, "error") + ", " + Text.count(warnings, "warning"));
        }
        boolean failed = errors > 0 || (werror && warnings > 0);
        return failed ? ExitCode.INPUT_ERROR : ExitCode.OK;
    }

    private String summary(String file, int errors, int warnings) {
        if (errors == 0 && warnings == 0) {
            return "ok: " + file;
        }
        if (errors == 0 && !werror) {
            return "ok: " + file + " (" + Text.count(warnings, "warning") + ")";
        }
        String counts = errors == 0 ? Text.count(warnings, "warning")
                : Text.count(errors, "error") + ", " + Text.count(warnings, "warning");
        return file + ": " + counts + (errors == 0 ? " (treated as errors: --werror)" : "");
    }
}
