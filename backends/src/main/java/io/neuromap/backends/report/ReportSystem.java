package io.neuromap.backends.report;

import static java.util.Objects.requireNonNull;

/**
 * The machine a network was mapped onto, as a report names it: the system's name, how many chips
 * it has and how many cores each chip has (so a report can turn a core count into a chip count).
 *
 * @param name the system's name ({@code nahuku}, {@code custom})
 * @param chips chips the system has, {@code >= 1}
 * @param coresPerChip cores on one chip, {@code >= 1}
 */
public record ReportSystem(String name, int chips, int coresPerChip) {
    public ReportSystem {
        requireNonNull(name, "name is null");
        if (chips < 1) {
            throw new IllegalArgumentException("chips must be >= 1, got " + chips);
        }
        if (coresPerChip < 1) {
            throw new IllegalArgumentException("coresPerChip must be >= 1, got " + coresPerChip);
        }
    }

    /** Chips needed for {@code cores} cores: {@code ceil(cores / coresPerChip)}. */
    public long chipsFor(long cores) {
        if (cores <= 0) {
            return 0;
        }
        return (cores + coresPerChip - 1) / coresPerChip;
    }
}
