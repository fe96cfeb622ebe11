package io.neuromap.backends.report;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * What lowering to the target's number formats did to one parameter of one population or
 * projection: how many values were quantized and their relative error, and, for heterogeneous
 * parameters binned into the core's few profiles, the extra error of the binning. This is how a
 * user learns what the chip's integers cost their model before running anything.
 *
 * <p>Relative error of one value: {@code |q - x| / |x|} with {@code q} the value the chip
 * represents, expressed back in the parameter's unit, unless the target measures it on another
 * scale (e.g. membrane potentials against the threshold distance), which {@code note} then says.
 *
 * @param kind population or projection
 * @param name the object's name as declared
 * @param parameter the parameter ({@code tau_m}, {@code weight})
 * @param unit the parameter's unit as the report prints it ({@code ms}, {@code nA}, empty if none)
 * @param values how many values were quantized (neurons or synapses)
 * @param maxRelativeError the largest relative error, {@code >= 0}
 * @param meanRelativeError the mean relative error, {@code >= 0}
 * @param binningError the largest relative error added by profile binning, when the parameter was binned
 * @param span where the parameter is set in the DSL (or the object's declaration)
 * @param note how the value is realized on the chip, or why it is exact; empty when there is nothing to say
 */
public record QuantizationRow(ObjectKind kind, String name, String parameter, String unit, long values,
        double maxRelativeError, double meanRelativeError, OptionalDouble binningError, SourceSpan span,
        String note) {

    /** The kind of IR object a parameter belongs to. */
    public enum ObjectKind {
        POPULATION("population"),
        PROJECTION("projection"),
        MODULATOR("modulator"),
        PATHWAY("pathway");

        private final String label;

        ObjectKind(String label) {
            this.label = label;
        }

        /** The word reports print. */
        public String label() {
            return label;
        }
    }

    public QuantizationRow {
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        requireNonNull(parameter, "parameter is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(binningError, "binningError is null");
        requireNonNull(span, "span is null");
        requireNonNull(note, "note is null");
        if (values < 0) {
            throw new IllegalArgumentException("values must be >= 0, got " + values);
        }
        if (!(maxRelativeError >= 0) || !(meanRelativeError >= 0) || meanRelativeError > maxRelativeError) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "bad quantization error for %s.%s: max %s, mean %s", name, parameter, maxRelativeError,
                    meanRelativeError));
        }
        if (binningError.isPresent() && !(binningError.getAsDouble() >= 0)) {
            throw new IllegalArgumentException("bad binning error for " + name + "." + parameter + ": "
                    + binningError.getAsDouble());
        }
    }
}
