package io.neuromap.cli;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.Loihi1CompileOptions;
import io.neuromap.backends.loihi1.Loihi1CompileResult;
import io.neuromap.backends.loihi1.Loihi1Compiler;
import io.neuromap.compiler.diag.DiagnosticRenderer;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The compile step of {@code run} and {@code validate}: compiles a file for Loihi 1 and prints
 * what the user must see (language diagnostics, rendered with their source lines; design-rule
 * violations, errors and warnings) on standard error. A network that does not compile or does
 * not fit yields nothing, and the command exits with {@link ExitCode#INPUT_ERROR}.
 */
final class Loihi1Build {
    private final PrintWriter err;

    Loihi1Build(PrintWriter err) {
        this.err = requireNonNull(err, "err is null");
    }

    /** The result of compiling {@code file}, when it compiled and fits; otherwise empty (reported). */
    Optional<Loihi1CompileResult> compile(Path file, Loihi1CompileOptions options) {
        Loihi1CompileResult result = Loihi1Compiler.compile(file, options);
        err.print(new DiagnosticRenderer(result.sources().files()).renderAll(result.diagnostics()));
        if (result.diagnostics().hasErrors()) {
            err.println(file + ": " + Text.count(result.diagnostics().errorCount(), "error") + "; nothing was compiled");
            return Optional.empty();
        }
        if (result.checked().isEmpty()) {
            throw new IllegalStateException("the Loihi 1 compiler returned neither a network nor an error for " + file);
        }
        int errors = 0;
        for (Violation v : result.violations()) {
            err.println(render(v));
            errors += v.severity() == Severity.ERROR ? 1 : 0;
        }
        if (!result.feasible()) {
            err.println(file + ": does not fit loihi1 (" + Text.count(errors, "violation") + "); nothing was run");
            return Optional.empty();
        }
        return Optional.of(result);
    }

    /** {@code file:line:col: error[RULE]: message (resource: actual > limit unit)} and a help line. */
    static String render(Violation v) {
        return v.span().location() + ": " + v.severity().label() + "[" + v.ruleId() + "]: " + v.message() + " ("
                + v.resource() + ": " + v.actual() + " > " + v.limit() + " " + v.unit() + ")\n  help: " + v.fix();
    }
}
