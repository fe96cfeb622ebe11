package io.neuromap.compiler.pass;

/**
 * One step of a compilation: a typed input, a typed output, and nothing kept in between. A pass
 * states the IR kind it needs and the one it produces, so that a pipeline can be checked before
 * anything runs; it reports user-facing problems into {@link PassContext#diagnostics()}, counts
 * what it did in {@link PassContext#statistics()}, and returns new IR rather than changing its
 * input (STYLE.md items 6 and 7; MLIR's pass manager).
 *
 * <p>A pass that reported an error may return {@code null} when it has nothing meaningful to
 * return: the pass manager stops at the gate after it, so nothing reads the output. Returning
 * {@code null} without reporting an error is a bug the pass manager blames on the pass.
 *
 * @param <I> the input IR type
 * @param <O> the output IR type
 */
public interface Pass<I, O> {
    /** The name pipelines use: lower case, e.g. {@code analyse}. */
    String name();

    /** One line for {@code --help} and error messages: what the pass does. */
    String description();

    /** The IR kind of the input. */
    IrKind<I> requires();

    /** The IR kind of the output. */
    IrKind<O> provides();

    /** Runs the pass; must not change {@code input} and must keep no state between runs. */
    O run(I input, PassContext context);
}
