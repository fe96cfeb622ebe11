package io.neuromap.compiler.pass;

/**
 * A pipeline or instrument that cannot be built as written: an unknown pass name, passes whose
 * IR kinds do not chain, an empty pipeline. It is the command line that is wrong (exit code 2),
 * and the message says what to write instead.
 */
public final class PipelineException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public PipelineException(String message) {
        super(message);
    }
}
