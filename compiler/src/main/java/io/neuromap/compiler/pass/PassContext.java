package io.neuromap.compiler.pass;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.diag.Diagnostics;

/**
 * What a pass may use besides its input: the diagnostics sink of the compilation, the run's
 * options, and its own statistics. A new context per pass run, made by the {@link PassManager}.
 */
public final class PassContext {
    private final String passName;
    private final Diagnostics diagnostics;
    private final PassOptions options;
    private final Statistics statistics;

    public PassContext(String passName, Diagnostics diagnostics, PassOptions options, Statistics statistics) {
        this.passName = requireNonNull(passName, "passName is null");
        this.diagnostics = requireNonNull(diagnostics, "diagnostics is null");
        this.options = requireNonNull(options, "options is null");
        this.statistics = requireNonNull(statistics, "statistics is null");
    }

    /** A context for running one pass alone, as unit tests do. */
    public static PassContext standalone(String passName, Diagnostics diagnostics) {
        return new PassContext(passName, diagnostics, PassOptions.empty(), new Statistics());
    }

    public String passName() {
        return passName;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public PassOptions options() {
        return options;
    }

    public Statistics statistics() {
        return statistics;
    }
}
