package io.neuromap.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The entry point: builds the command line (root command plus one class per subcommand), runs
 * it, and turns the outcome into the process exit code. The only place that calls
 * {@link System#exit}.
 */
public final class Main {
    /** Deeply nested input is rejected by the parser, but later passes recurse over expressions; give them room. */
    private static final long STACK_BYTES = 64L * 1024 * 1024;

    private Main() {
    }

    public static void main(String[] args) {
        int[] status = {ExitCode.INTERNAL_ERROR.code()};
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        // The raster plot draws with Java2D; a display is never needed.
        System.setProperty("java.awt.headless", "true");
        boolean terminal = System.console() != null;
        Thread worker = new Thread(null, () -> status[0] = run(Toolchain.COMPILER, terminal, out, err, args), "neuromap",
                STACK_BYTES);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.flush();
        err.flush();
        System.exit(status[0]);
    }

    /** Runs the command line in-process and returns the exit code; everything printed goes to {@code out} and {@code err}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(Toolchain.COMPILER, out, err, args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)} with another compiler behind the commands (tests). */
    static int run(Toolchain toolchain, PrintWriter out, PrintWriter err, String... args) {
        return run(toolchain, false, out, err, args);
    }

    /**
     * As {@link #run(Toolchain, PrintWriter, PrintWriter, String...)}; {@code terminal} says that
     * standard error is a terminal, where long emulations show a progress bar.
     */
    static int run(Toolchain toolchain, boolean terminal, PrintWriter out, PrintWriter err, String... args) {
        requireNonNull(args, "args is null");
        try {
            return commandLine(toolchain, terminal, out, err).execute(args);
        } catch (Throwable e) {
            // Reached only if picocli itself fails; commands' own failures go through InternalErrorHandler.
            return Reproducer.report(e, Arrays.asList(args), List.of(), err).code();
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The full command hierarchy, printing to {@code out} and {@code err}. */
    static CommandLine commandLine(Toolchain toolchain, PrintWriter out, PrintWriter err) {
        return commandLine(toolchain, false, out, err);
    }

    /** The full command hierarchy; {@code terminal}: standard error is a terminal. */
    static CommandLine commandLine(Toolchain toolchain, boolean terminal, PrintWriter out, PrintWriter err) {
        CommandLine root = new CommandLine(new NeuromapCommand());
        root.addSubcommand(new CheckCommand(toolchain));
        root.addSubcommand(new InspectCommand(toolchain));
        root.addSubcommand(new CompileCommand(toolchain));
        root.addSubcommand(new EmulateCommand(terminal));
        root.addSubcommand(new RunCommand(toolchain, terminal));
        root.addSubcommand(new ValidateCommand(toolchain, terminal));
        root.addSubcommand(new TargetsCommand());
        root.addSubcommand(new CompletionCommand());
        root.setOut(requireNonNull(out, "out is null"));
        root.setErr(requireNonNull(err, "err is null"));
        root.setCaseInsensitiveEnumValuesAllowed(true);
        root.setParameterExceptionHandler(new UsageErrorHandler());
        root.setExecutionExceptionHandler(new InternalErrorHandler());
        documentExitCodes(root);
        return root;
    }

    private static void documentExitCodes(CommandLine command) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) {
            codes.put(" " + code.code(), code.meaning());
        }
        command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        for (CommandLine sub : command.getSubcommands().values()) {
            documentExitCodes(sub);
        }
    }
}
