package io.neuromap.compiler.model;

/**
 * What an argument of a connector, distribution, rule, stimulus or response function must be.
 * {@code LIKE_TARGET} means "the dimension of the parameter being bound": the arguments of
 * {@code uniform(10 ms, 30 ms)} for {@code tau_m} must be times.
 */
public enum ArgKind {
    DIMENSIONLESS("a dimensionless number"),
    PROBABILITY("a probability in [0, 1]"),
    COUNT("a non-negative whole number"),
    TIME("a time"),
    FREQUENCY("a frequency"),
    CURRENT("a current"),
    LIKE_TARGET("a value in the parameter's unit"),
    LIST_LIKE_TARGET("a list of values in the parameter's unit"),
    LIST_DIMENSIONLESS("a list of dimensionless numbers"),
    LIST_TIME("a list of times"),
    STRING("a string"),
    WORD("a word");

    private final String description;

    ArgKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
