package io.neuromap.emulator.validate;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What {@code validate} found: every compared population, and the tolerances it was judged by.
 *
 * @param steps steps compared
 * @param dt the step, s
 * @param tolerances the tolerances
 * @param populations one comparison per population the emulation runs, in network order
 * @param floorRuns the perturbations of the divergence floor's runs that were made, in order
 *     ({@link FloorRun#perturbation()}); empty when the floor was not measured
 */
public record ValidationResult(long steps, double dt, ValidationTolerances tolerances,
        List<PopulationComparison> populations, List<String> floorRuns) {

    public ValidationResult {
        requireNonNull(tolerances, "tolerances is null");
        populations = List.copyOf(requireNonNull(populations, "populations is null"));
        floorRuns = List.copyOf(requireNonNull(floorRuns, "floorRuns is null"));
    }

    /** True when every population is within the tolerances. */
    public boolean passed() {
        for (PopulationComparison p : populations) {
            if (!p.within(tolerances)) {
                return false;
            }
        }
        return true;
    }

    /** True when the divergence floor was measured (some population strayed beyond its rate or van Rossum tolerance). */
    public boolean floorMeasured() {
        return !floorRuns.isEmpty();
    }

    /** The populations outside the tolerances. */
    public List<PopulationComparison> failures() {
        return populations.stream().filter(p -> !p.within(tolerances)).toList();
    }
}
