package io.neuromap.compiler.units;

import static java.util.Objects.requireNonNull;

/** A value in SI base units with its dimension: 20 ms is {@code Quantity(0.02, TIME)}. */
public record Quantity(double si, Dimension dimension) {
    public Quantity {
        requireNonNull(dimension, "dimension is null");
    }

    public static Quantity of(double dimensionless) {
        return new Quantity(dimensionless, Dimension.NONE);
    }

    @Override
    public String toString() {
        return Units.format(si, dimension);
    }
}
