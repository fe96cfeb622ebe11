package io.neuromap.compiler.mapping;

/**
 * How hard placement works; the result always respects the mesh, these only trade time for
 * traffic × hops.
 *
 * @param improvementPasses passes of move/swap improvement after the greedy placement
 * @param candidates slots tried per core, nearest first, in both phases
 */
public record PlacementOptions(int improvementPasses, int candidates) {
    public PlacementOptions {
        if (improvementPasses < 0 || candidates < 1) {
            throw new IllegalArgumentException("bad placement options: passes " + improvementPasses + ", candidates "
                    + candidates);
        }
    }

    public static PlacementOptions defaults() {
        return new PlacementOptions(8, 12);
    }
}
