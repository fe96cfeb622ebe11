package io.neuromap.compiler.pass;

/**
 * Observes a pipeline run from outside the passes (MLIR's pass instrumentation): printing IR,
 * statistics, timing. Instruments see IR but must not change it. All methods default to doing
 * nothing.
 */
public interface PassInstrument {
    /** Before {@code pass} runs on {@code input}. */
    default void beforePass(Pass<?, ?> pass, Object input) {
    }

    /** After {@code pass} produced {@code output} (verified), whether or not it reported errors. */
    default void afterPass(Pass<?, ?> pass, Object output, PassRecord record) {
    }

    /**
     * After {@code pass} failed: it reported errors, threw, or its output failed verification.
     * {@code output} is null when it produced none.
     */
    default void afterFailure(Pass<?, ?> pass, Object input, Object output, String why) {
    }

    /** After the run ended, normally or at a gate (not after an internal error). */
    default void afterPipeline(PipelineResult result) {
    }
}
