package io.neuromap.compiler.pass;

import java.util.List;

/**
 * Checks the invariants of one kind of IR. Runs after every pass that produces that kind; a
 * problem found is a bug in the pass (never in the user's input, which passes report as
 * diagnostics), so each problem is a sentence for a developer: what is wrong and where.
 *
 * @param <T> the IR type
 */
@FunctionalInterface
public interface Verifier<T> {
    /** The problems found; empty when {@code ir} is valid. Must not change {@code ir}. */
    List<String> verify(T ir);

    /** A verifier for IR kinds without invariants beyond their constructors' checks. */
    static <T> Verifier<T> none() {
        return ir -> List.of();
    }
}
