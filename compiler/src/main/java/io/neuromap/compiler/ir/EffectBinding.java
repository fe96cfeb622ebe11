package io.neuromap.compiler.ir;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import io.neuromap.compiler.units.Dimension;
import java.util.Locale;
import java.util.Optional;

/**
 * One effect of a pathway: {@code effect threshold += 2 mV * [DA] response sigmoid(4, 0.5);}.
 * The response function transforms the pathway's modulator concentration, and the value
 * expression sees the transformed concentration wherever it reads that modulator.
 *
 * @param kind the effect kind ({@code gain}, {@code threshold}, ..., see the catalog)
 * @param subject the parameter of {@code tau(p)} and {@code param(p)}
 * @param value the value, SI, as a function of concentrations
 * @param valueDimension the dimension of {@code value}
 */
public record EffectBinding(String kind, Optional<String> subject, Op op, IrExpr value, Dimension valueDimension,
        ResponseFunction response, SourceSpan span) {
    public EffectBinding {
        requireNonNull(kind, "kind is null");
        requireNonNull(subject, "subject is null");
        requireNonNull(op, "op is null");
        requireNonNull(value, "value is null");
        requireNonNull(valueDimension, "valueDimension is null");
        requireNonNull(response, "response is null");
        requireNonNull(span, "span is null");
    }

    /**
     * The value given raw concentrations: {@code modulator}'s entry is passed through the response
     * function first. {@code concentrations} is not modified.
     */
    public double evaluate(double[] concentrations, int modulator) {
        if (response.kind() == ResponseFunction.Kind.LINEAR) {
            return value.evaluate(concentrations);
        }
        double[] c = concentrations.clone();
        c[modulator] = response.apply(c[modulator]);
        return value.evaluate(c);
    }

    /** How the value combines with the target's quantity. */
    public enum Op {
        SET("="), ADD("+="), SUBTRACT("-="), MULTIPLY("*=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** The quantity after the effect, given its value before and the effect's value. */
        public double apply(double before, double value) {
            return switch (this) {
                case SET -> value;
                case ADD -> before + value;
                case SUBTRACT -> before - value;
                case MULTIPLY -> before * value;
            };
        }

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public String toString() {
        return "effect " + kind + subject.map(s -> "(" + s + ")").orElse("") + " " + op.symbol() + " " + value
                + (response.kind() == ResponseFunction.Kind.LINEAR ? "" : " response " + response);
    }
}
