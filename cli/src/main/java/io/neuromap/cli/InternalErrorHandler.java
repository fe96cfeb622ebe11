package io.neuromap.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Any exception that escapes a command is a bug in neuromap (bad input is reported as
 * diagnostics, never thrown): write a reproducer, say so plainly, exit 3. Never a stack trace on
 * the terminal; it goes into the reproducer.
 */
final class InternalErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        Throwable failure = ex instanceof BaseCommand.InternalFailure ? ex.getCause() : ex;
        List<Path> inputs = commandLine.getCommand() instanceof BaseCommand
                ? ((BaseCommand) commandLine.getCommand()).inputFiles() : List.of();
        List<String> args = parseResult.originalArgs();
        return Reproducer.report(failure, args, inputs, commandLine.getErr()).code();
    }
}
