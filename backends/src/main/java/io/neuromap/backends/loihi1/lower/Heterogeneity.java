package io.neuromap.backends.loihi1.lower;

import java.util.Locale;
import java.util.Optional;

/**
 * What the lowering does with a population whose neurons need more distinct compartment profiles
 * than one core's table holds ({@code --heterogeneity}). Loihi 1 shares decays and refractory
 * delays per core in a 32-entry table (loihi1.md §1.6), so a population whose time constants are
 * drawn per neuron either gives up some precision or some density.
 */
public enum Heterogeneity {
    /**
     * Bin the population's distinct (decay, refractory) tuples into as many profiles as a core
     * holds (k-means in the quantized domain) and report the error; if the error exceeds
     * {@code --max-bin-error}, use more bins (the population then spreads over more cores)
     * until it does not. The default.
     */
    BIN("bin"),
    /** Never bin: every neuron keeps its own quantized values; the partitioner spreads the population. */
    SPREAD("spread");

    private final String word;

    Heterogeneity(String word) {
        this.word = word;
    }

    /** The spelling on the command line. */
    public String word() {
        return word;
    }

    /** The mode spelled {@code text} (case-insensitive), if any. */
    public static Optional<Heterogeneity> parse(String text) {
        for (Heterogeneity h : values()) {
            if (h.word.equalsIgnoreCase(text.trim())) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return word.toLowerCase(Locale.ROOT);
    }
}
