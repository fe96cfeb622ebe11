package io.neuromap.compiler.ir;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.Locale;

/**
 * The dose-response curve that wraps a modulator's concentration before an effect's value sees it
 * ({@code response sigmoid(4, 0.5)}): receptors saturate, and the curve says how.
 *
 * @param a {@code k} of sigmoid, {@code n} of hill; unused by linear
 * @param b {@code half} of sigmoid, {@code K} of hill; unused by linear
 * @param span the {@code response} call, or the effect when it has none (linear)
 */
public record ResponseFunction(Kind kind, double a, double b, SourceSpan span) {
    public ResponseFunction {
        requireNonNull(kind, "kind is null");
        requireNonNull(span, "span is null");
    }

    public static ResponseFunction linear(SourceSpan span) {
        return new ResponseFunction(Kind.LINEAR, 0, 0, span);
    }

    /** The response to concentration {@code c}. */
    public double apply(double c) {
        return switch (kind) {
            case LINEAR -> c;
            case SIGMOID -> 1.0 / (1.0 + StrictMath.exp(-a * (c - b)));
            case HILL -> {
                if (c <= 0) {
                    yield 0;
                }
                double cn = StrictMath.pow(c, a);
                yield cn / (StrictMath.pow(b, a) + cn);
            }
        };
    }

    public enum Kind {
        /** the concentration itself */
        LINEAR,
        /** {@code 1 / (1 + exp(-k (c - half)))} */
        SIGMOID,
        /** {@code c^n / (K^n + c^n)} */
        HILL;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case LINEAR -> "linear";
            case SIGMOID -> "sigmoid(k = " + a + ", half = " + b + ")";
            case HILL -> "hill(n = " + a + ", K = " + b + ")";
        };
    }
}
