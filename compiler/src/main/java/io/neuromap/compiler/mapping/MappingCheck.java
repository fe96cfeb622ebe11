package io.neuromap.compiler.mapping;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What {@link MappingVerifier} found. {@code problems} are inconsistencies in the mapping itself
 * (a neuron on two cores, a synapse on no core, usage that does not match a recount): compiler
 * bugs. {@code violations} are hardware limits the network breaks under this mapping, recomputed
 * from scratch: the user's to fix.
 *
 * @param usage each core's usage as recounted, indexed like the model's resources
 */
public record MappingCheck(List<String> problems, List<Violation> violations, long[][] usage) {
    public MappingCheck {
        problems = List.copyOf(requireNonNull(problems, "problems is null"));
        violations = List.copyOf(requireNonNull(violations, "violations is null"));
        requireNonNull(usage, "usage is null");
    }

    /** True when the mapping is consistent (whether or not it fits the hardware). */
    public boolean consistent() {
        return problems.isEmpty();
    }

    /** True when the mapping is consistent and breaks no limit. */
    public boolean valid() {
        return problems.isEmpty() && violations.isEmpty();
    }
}
