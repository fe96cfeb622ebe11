package io.neuromap.cli;

/**
 * The exit codes of every neuromap command, kept apart the way PMD keeps them apart, so that
 * scripts and CI can tell a bad network from a bad invocation from a bug in neuromap.
 */
public enum ExitCode {
    /** The command did what was asked (warnings allowed). */
    OK(0, "success"),
    /** The input is wrong (spec, config or data file), or the network does not fit or validate. */
    INPUT_ERROR(1, "the input is wrong (spec, config or data file), or the network does not fit or validate"),
    /** The command line is wrong: unknown option, missing argument, bad value. */
    USAGE_ERROR(2, "the command line is wrong"),
    /** A bug in neuromap; the message says where the reproducer was written. */
    INTERNAL_ERROR(3, "internal error: a bug in neuromap (the message says where the reproducer was written)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The process exit status. */
    public int code() {
        return code;
    }

    /** One line for the exit-code section of {@code --help}. */
    public String meaning() {
        return meaning;
    }
}
