package io.neuromap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The shape of every subcommand: picocli parses the options into fields, {@link #call()} checks
 * what picocli cannot ({@link #validate()}, whose failures are command-line errors, exit code 2)
 * and then does the work ({@link #execute()}), which states its outcome as an {@link ExitCode}.
 * Output goes only through {@link #out()} and {@link #err()}, the writers the command line was
 * given, so that tests run commands in-process and read what they print.
 */
abstract class BaseCommand implements Callable<Integer> {
    // Injected by picocli, hence neither final nor set in a constructor.
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Override
    public final Integer call() {
        validate();
        try {
            return execute().code();
        } catch (Error e) {
            // picocli hands only Exceptions to the internal-error handler; wrap so that a stack
            // overflow, an exhausted heap or a failed static initialiser is reported the same way.
            throw new InternalFailure(e);
        }
    }

    /** Rejects option combinations that picocli cannot; throw {@link #usageError(String)} to do so. */
    protected void validate() {
    }

    /** Does the command's work; problems with the input are diagnostics and {@link ExitCode#INPUT_ERROR}. */
    protected abstract ExitCode execute();

    /** The files this invocation reads, copied into the reproducer if it fails with a bug. */
    List<Path> inputFiles() {
        return List.of();
    }

    protected final CommandSpec spec() {
        return spec;
    }

    /** Standard output: the command's results (reports, JSON, scripts). */
    protected final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Standard error: diagnostics and summaries. */
    protected final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A command-line error for this command, reported with a usage hint and exit code 2. */
    protected final ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** An {@link Error} thrown by a command, carried to the internal-error handler. */
    static final class InternalFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InternalFailure(Throwable cause) {
            super(cause.toString(), cause);
        }
    }
}
