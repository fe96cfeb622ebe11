package io.neuromap.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A wrong command line: picocli's message, a "did you mean" when picocli has one, the synopsis,
 * and where to find the full help; exit code 2. The full help is not dumped, so the message that
 * matters stays on screen.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("neuromap: " + ex.getMessage());
        UnmatchedArgumentException.printSuggestions(ex, err);
        CommandLine.Help help = cl.getHelp();
        err.print(help.synopsisHeading());
        err.print(help.synopsis(0));
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCode.USAGE_ERROR.code();
    }
}
