package io.neuromap.compiler.eval;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.Expr;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Quantity;
import java.util.Optional;

/**
 * What analysis knows about an expression without drawing any neuron: its dimension, the interval
 * of values it can take, and, when it depends on a per-neuron value ({@code let} variable, other
 * parameter, modulator concentration), the reference that makes it so.
 *
 * <p>An empty {@code dimension} marks an expression whose problem has already been reported
 * (unknown name, unit mismatch): checks that need the dimension skip it, so that one mistake
 * gives one diagnostic.
 *
 * @param dimension the dimension, or empty after a reported error
 * @param range every value the expression can take; a single point for a constant
 * @param dynamicCause the name or concentration that makes the value differ per neuron; empty for constants
 */
public record Typed(Optional<Dimension> dimension, Interval range, Optional<Expr> dynamicCause) {
    public Typed {
        requireNonNull(dimension, "dimension is null");
        requireNonNull(range, "range is null");
        requireNonNull(dynamicCause, "dynamicCause is null");
    }

    /** An expression whose problem has been reported. */
    public static Typed error() {
        return new Typed(Optional.empty(), Interval.ALL, Optional.empty());
    }

    public static Typed constant(Quantity q) {
        return new Typed(Optional.of(q.dimension()), Interval.point(q.si()), Optional.empty());
    }

    public static Typed dynamic(Dimension dimension, Interval range, Expr cause) {
        return new Typed(Optional.of(dimension), range, Optional.of(cause));
    }

    public boolean isError() {
        return dimension.isEmpty();
    }

    /** Known, and the same for every neuron. */
    public boolean isConstant() {
        return dimension.isPresent() && dynamicCause.isEmpty();
    }

    /** The value of a constant. */
    public Optional<Quantity> constantValue() {
        return isConstant() ? Optional.of(new Quantity(range.lo(), dimension.get())) : Optional.empty();
    }

    /** The same facts, blamed on another reference (the place where a per-neuron name is used). */
    public Typed causedBy(Expr cause) {
        return dynamicCause.isEmpty() ? this : new Typed(dimension, range, Optional.of(cause));
    }
}
