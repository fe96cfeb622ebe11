package io.neuromap.compiler.units;

import static java.util.Objects.requireNonNull;

/** A unit symbol the language accepts: {@code 1 symbol = factor} SI base units of {@code dimension}. */
public record Unit(String symbol, double factor, Dimension dimension) {
    public Unit {
        requireNonNull(symbol, "symbol is null");
        requireNonNull(dimension, "dimension is null");
    }
}
