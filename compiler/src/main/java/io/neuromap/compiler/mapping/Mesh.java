package io.neuromap.compiler.mapping;

/**
 * The shape of a target's machine as placement sees it: chips of equal size, each a grid of
 * routers with some cores per router, chips tiled side by side so that the routers form one 2-D
 * mesh. Placement minimises traffic times hops on it.
 */
public interface Mesh {
    /** Cores on one chip. */
    int coresPerChip();

    /** Chips the system has ({@code --chips N}, or the named system's). */
    int chipsAvailable();

    /**
     * The slots of {@code chips} chips, chosen compactly from the system's chip grid when they fit
     * in it; when {@code chips > chipsAvailable()}, a virtual grid with that many chips, so that a
     * network that does not fit is still placed and reported.
     */
    MeshLayout layout(int chips);
}
