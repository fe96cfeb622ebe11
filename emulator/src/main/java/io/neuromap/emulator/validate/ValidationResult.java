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
 */
public record ValidationResult(long steps, double dt, ValidationTolerances tolerances,
        List<PopulationComparison> populations) {

    public ValidationResult {
        requireNonNull(tolerances, "tolerances is null");
        populations = List.copyOf(requireNonNull(populations, "populations is null"));
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

    /** True when the divergence floor was measured (some population strayed beyond its van Rossum tolerance). */
    public boolean floorMeasured() {
        for (PopulationComparison p : populations) {
            if (p.divergenceFloor().isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The populations outside the tolerances. */
    public List<PopulationComparison> failures() {
        return populations.stream().filter(p -> !p.within(tolerances)).toList();
    }
}
