package io.neuromap.compiler.pass;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A bug, caught by the pass manager and blamed on the pass that caused it: the pass threw, it
 * returned no output without reporting an error, or the verifier rejected what it produced. Never
 * a problem with the user's input (those are diagnostics). Carries what a reproducer needs: the
 * pipeline text, the failing pass, and the printed form of that pass's input.
 */
public final class InternalCompilerError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong inside the pass. */
    public enum Reason {
        THREW("threw an exception"),
        NO_OUTPUT("returned no output without reporting an error"),
        WRONG_OUTPUT_TYPE("returned output of the wrong type"),
        VERIFIER_FAILED("produced IR that fails verification");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private final String pass;
    private final String pipeline;
    private final Reason reason;
    private final List<String> problems;
    private final String inputDump;

    InternalCompilerError(String pass, String pipeline, Reason reason, List<String> problems, String inputDump, Throwable cause) {
        super(message(pass, pipeline, reason, problems), cause);
        this.pass = requireNonNull(pass, "pass is null");
        this.pipeline = requireNonNull(pipeline, "pipeline is null");
        this.reason = requireNonNull(reason, "reason is null");
        this.problems = List.copyOf(problems);
        this.inputDump = requireNonNull(inputDump, "inputDump is null");
    }

    private static String message(String pass, String pipeline, Reason reason, List<String> problems) {
        StringBuilder m = new StringBuilder("internal error (a bug in neuromap): pass `").append(pass).append("` ")
                .append(reason.text()).append(" in pipeline `").append(pipeline).append('`');
        for (String p : problems) {
            m.append("\n  - ").append(p);
        }
        return m.toString();
    }

    /** The pass blamed. */
    public String pass() {
        return pass;
    }

    /** The pipeline as text, e.g. {@code load,analyse}. */
    public String pipeline() {
        return pipeline;
    }

    public Reason reason() {
        return reason;
    }

    /** The verifier's problems, or the exception's message. */
    public List<String> problems() {
        return problems;
    }

    /**
     * A reproducer: the pipeline, the failing pass, and the printed input of that pass, so that
     * running just that pass on it shows the bug again.
     */
    public String reproducer() {
        return "// neuromap reproducer\n// pipeline: " + pipeline + "\n// failing pass: " + pass + " (" + reason.text() + ")\n"
                + problems.stream().map(p -> "//   " + p.replace("\n", "\n//   ") + "\n").reduce("", String::concat)
                + "// input of `" + pass + "`:\n" + inputDump;
    }
}
