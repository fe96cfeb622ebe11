package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A config that cannot be read or written: every problem found, each located (a JSON pointer
 * inside {@code config.json}, a sidecar row, or a file offset). Its message lists them one per
 * line and is meant to be printed as is; the CLI turns it into exit code 1. It never wraps a
 * stack trace the user would have to read.
 */
public final class Loihi1ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    /** At most this many problems are spelled out in the message; all are in {@link #problems()}. */
    public static final int MAX_LISTED = 50;

    private final transient List<Loihi1ConfigProblem> problems;

    public Loihi1ConfigException(List<Loihi1ConfigProblem> problems) {
        super(message(requireNonNull(problems, "problems is null")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a config exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** A single problem. */
    public Loihi1ConfigException(Loihi1ConfigProblem problem) {
        this(List.of(requireNonNull(problem, "problem is null")));
    }

    /** Every problem, in the order found. */
    public List<Loihi1ConfigProblem> problems() {
        return problems;
    }

    private static String message(List<Loihi1ConfigProblem> problems) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < problems.size() && i < MAX_LISTED; i++) {
            text.append(i == 0 ? "" : "\n").append(problems.get(i).message());
        }
        if (problems.size() > MAX_LISTED) {
            text.append("\n... and ").append(problems.size() - MAX_LISTED).append(" more problems");
        }
        return text.toString();
    }
}
