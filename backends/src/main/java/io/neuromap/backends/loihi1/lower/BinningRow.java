package io.neuromap.backends.loihi1.lower;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * What heterogeneity handling did to one compartment role of one population: how many distinct
 * profile tuples (decays, refractory delay) its neurons had after quantization, how many remain,
 * and the error the merging introduced (relative, largest component, against each neuron's own
 * quantized tuple).
 *
 * @param population the population
 * @param role the compartment role ({@code soma}, {@code aux}, ...)
 * @param distinct distinct quantized tuples
 * @param bins tuples after binning (equal to {@code distinct} when nothing was merged)
 * @param budget the bins the core's profile table allowed this role
 * @param maxError largest binning error
 * @param meanError mean binning error
 * @param outcome {@code exact}, {@code binned}, {@code binned+spread} (more bins than one core
 *     holds, to keep the error under the bound) or {@code spread} (never binned)
 */
public record BinningRow(String population, String role, int distinct, int bins, int budget, double maxError,
        double meanError, String outcome) {
    public BinningRow {
        requireNonNull(population, "population is null");
        requireNonNull(role, "role is null");
        requireNonNull(outcome, "outcome is null");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s.%s: %d distinct -> %d bins (budget %d), max error %.3g, mean %.3g, %s",
                population, role, distinct, bins, budget, maxError, meanError, outcome);
    }
}
