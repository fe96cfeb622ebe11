package io.neuromap.cli;

import io.neuromap.compiler.pass.InternalCompilerError;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes what a maintainer needs to reproduce a crash (the command line, copies of the input
 * files, versions, the stack trace) into a fresh temporary directory, and tells the user where it
 * is. This is the only place a stack trace is written, and it goes to a file.
 */
final class Reproducer {
    /** Input files larger than this are listed but not copied. */
    static final long MAX_COPY_BYTES = 16L * 1024 * 1024;
    private static final Pattern SAFE_WORD = Pattern.compile("[A-Za-z0-9_./=:@%+,-]+");

    private Reproducer() {
    }

    /** Reports {@code failure} on {@code err} and writes the reproducer; always {@link ExitCode#INTERNAL_ERROR}. */
    static ExitCode report(Throwable failure, List<String> args, List<Path> inputs, PrintWriter err) {
        err.println("neuromap: " + headline(failure));
        err.println("This is a bug in neuromap, not a problem with your input.");
        try {
            Path dir = write(failure, args, inputs);
            err.println("A reproducer (command line, input files, stack trace"
                    + (failure instanceof InternalCompilerError ? ", the failing pass's input" : "") + ") was written to " + dir);
            err.println("Please attach that directory to a bug report.");
        } catch (IOException | RuntimeException e) {
            err.println("The reproducer could not be written (" + describe(e) + "); please report the command line: "
                    + commandLine(args));
        }
        err.flush();
        return ExitCode.INTERNAL_ERROR;
    }

    private static Path write(Throwable failure, List<String> args, List<Path> inputs) throws IOException {
        Path dir = Files.createTempDirectory("neuromap-bug-");
        StringWriter trace = new StringWriter();
        try (PrintWriter w = new PrintWriter(trace)) {
            failure.printStackTrace(w);
        }
        Files.writeString(dir.resolve("stacktrace.txt"), trace.toString(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("command.txt"), commandLine(args) + "\n", StandardCharsets.UTF_8);
        if (failure instanceof InternalCompilerError) {
            Files.writeString(dir.resolve("pass-input.txt"), ((InternalCompilerError) failure).reproducer(), StandardCharsets.UTF_8);
        }

        List<String> copied = new ArrayList<>();
        Path inputDir = dir.resolve("inputs");
        for (int i = 0; i < inputs.size(); i++) {
            Path input = inputs.get(i);
            String line = input + " (absolute: " + input.toAbsolutePath().normalize() + ")";
            if (Files.isRegularFile(input) && Files.size(input) <= MAX_COPY_BYTES) {
                Files.createDirectories(inputDir);
                Path fileName = input.getFileName();
                Path copy = inputDir.resolve(i + "-" + (fileName == null ? "input" : fileName.toString()));
                Files.copy(input, copy, StandardCopyOption.REPLACE_EXISTING);
                line += " -> inputs/" + copy.getFileName();
            } else {
                line += " (not copied: missing, not a regular file, or larger than " + (MAX_COPY_BYTES >> 20) + " MiB)";
            }
            copied.add(line);
        }

        StringBuilder readme = new StringBuilder()
                .append("neuromap crash reproducer\n\n")
                .append("neuromap: ").append(VersionProvider.version()).append('\n')
                .append("java:     ").append(System.getProperty("java.version")).append(" (")
                .append(System.getProperty("java.vm.name")).append(")\n")
                .append("os:       ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.arch")).append('\n')
                .append("cwd:      ").append(Path.of("").toAbsolutePath()).append("\n\n")
                .append("command:  ").append(commandLine(args)).append("\n\n")
                .append("failure:  ").append(headline(failure)).append("\n\n")
                .append("input files:\n");
        if (copied.isEmpty()) {
            readme.append("  (none)\n");
        }
        for (String line : copied) {
            readme.append("  ").append(line).append('\n');
        }
        readme.append("\nTo reproduce, run the command from the cwd above (or on the copies in inputs/).\n")
                .append("stacktrace.txt holds the stack trace")
                .append(failure instanceof InternalCompilerError
                        ? "; pass-input.txt the pipeline, the failing pass and the input it failed on.\n" : ".\n");
        Files.writeString(dir.resolve("README.txt"), readme.toString(), StandardCharsets.UTF_8);
        return dir;
    }

    /** The command as a shell line: {@code neuromap check 'my net.nmap'}. */
    static String commandLine(List<String> args) {
        StringBuilder b = new StringBuilder("neuromap");
        for (String a : args) {
            b.append(' ').append(SAFE_WORD.matcher(a).matches() ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return b.toString();
    }

    /** The first line: what failed. An internal compiler error already names the pass and pipeline. */
    private static String headline(Throwable failure) {
        return failure instanceof InternalCompilerError ? failure.getMessage() : "internal error: " + describe(failure);
    }

    private static String describe(Throwable t) {
        return t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
