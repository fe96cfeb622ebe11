package io.neuromap.cli;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.lower.Loihi1Lowering;
import io.neuromap.backends.loihi1.lower.QuantizationRow;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of the quantization-error table {@code validate} prints beside its metrics, taken
 * from the compile's lowering: what the chip's integers did to one parameter.
 *
 * @param kind {@code population} or {@code projection}
 * @param object its name
 * @param parameter the parameter
 * @param max the largest relative error
 * @param mean the mean relative error
 * @param count over how many neurons or synapses
 * @param note how the value is realized
 */
record QuantizationLine(String kind, String object, String parameter, double max, double mean, long count, String note) {
    QuantizationLine {
        requireNonNull(kind, "kind is null");
        requireNonNull(object, "object is null");
        requireNonNull(parameter, "parameter is null");
        requireNonNull(note, "note is null");
    }

    /** The table of {@code lowering}, in its order. */
    static List<QuantizationLine> of(Loihi1Lowering lowering) {
        List<QuantizationLine> out = new ArrayList<>();
        for (QuantizationRow r : lowering.quantization()) {
            out.add(new QuantizationLine(r.kind(), r.object(), r.parameter(), r.max(), r.mean(), r.count(), r.note()));
        }
        return out;
    }
}
