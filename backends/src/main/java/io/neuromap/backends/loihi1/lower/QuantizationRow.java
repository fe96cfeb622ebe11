package io.neuromap.backends.loihi1.lower;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * One line of the quantization-error table: how far the chip's integers put one parameter of one
 * population or projection from the value the network asked for, as the max and mean relative
 * error over its neurons or synapses. Relative error is {@code |realized - ideal| / |ideal|} for
 * time constants, currents and weights; for membrane potentials it is measured against the
 * threshold distance {@code v_thresh - v_reset}, the scale the chip quantizes them on; see
 * {@code docs/config-loihi1.md}.
 *
 * @param kind {@code population} or {@code projection}
 * @param object the population's or projection's name
 * @param parameter the model parameter ({@code tau_m}, {@code weight}, ...)
 * @param max the largest relative error
 * @param mean the mean relative error
 * @param count over how many neurons or synapses
 * @param note how the value is realized, or why it is exact or unused
 */
public record QuantizationRow(String kind, String object, String parameter, double max, double mean, long count,
        String note) {
    public QuantizationRow {
        requireNonNull(kind, "kind is null");
        requireNonNull(object, "object is null");
        requireNonNull(parameter, "parameter is null");
        requireNonNull(note, "note is null");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %s.%s: max %.3g, mean %.3g over %d (%s)", kind, object, parameter, max,
                mean, count, note);
    }
}
