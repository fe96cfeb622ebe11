package io.neuromap.emulator.loihi1;

/**
 * Which compartment loops an emulator runs. Every choice computes the same integers; the slower
 * ones exist so tests can compare the fast loops against the plain reading of the spec.
 */
enum Loihi1Loops {
    /**
     * Every tree core through the general tree loop, every other core through the plain loop; the
     * learning engine runs every rule on every synapse (no weight lookups).
     */
    GENERAL,
    /** Cores cut into plain, ADD-pair and general runs ({@link Loihi1CoreRuns}), scalar loops. */
    SPECIALISED,
    /**
     * As {@link #SPECIALISED}, with spans of plain and pair runs in the profile's branch-free loop
     * where it has one (nengo-loihi's, {@link Loihi1NengoLoihiKernel}).
     */
    VECTORISED,
    /**
     * As {@link #VECTORISED}, with groups made only of auxiliary + soma pairs that share their
     * registers updated in pair lanes ({@link Loihi1PairLanes}); the default.
     */
    LANES;

    /** Whether plain and pair runs take the profile's branch-free loops. */
    boolean vectorised() {
        return this == VECTORISED || this == LANES;
    }
}
