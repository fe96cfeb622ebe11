package io.neuromap.backends.loihi1.mapping;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1System;
import io.neuromap.compiler.mapping.GridMesh;

/**
 * The mesh of a Loihi 1 system: each chip an 8 x 4 mesh of tiles with 4 cores per tile, chips
 * tiled side by side so that their meshes join (the mesh extends across chips, Davies18 p. 86).
 * Pohoiki Springs is its published 12 x 64 chip mesh; other systems are laid out as square as
 * possible (Kapoho Bay 1 x 2, Nahuku 4 x 8: INFERRED, the boards' wiring is not public).
 *
 * @see "loihi1.md §1.1 (tiles), §1.5 (systems); SANA-FE arch/loihi.yaml"
 */
public final class Loihi1Mesh {
    private Loihi1Mesh() {
    }

    /** The mesh of {@code system}. */
    public static GridMesh of(Loihi1System system) {
        if (system.chips() == Loihi1Limits.POHOIKI_SPRINGS_CHIPS) {
            return new GridMesh(Loihi1Limits.POHOIKI_SPRINGS_CHIP_ROWS, Loihi1Limits.POHOIKI_SPRINGS_CHIP_COLUMNS,
                    system.chips(), Loihi1Limits.TILE_MESH_COLUMNS, Loihi1Limits.TILE_MESH_ROWS,
                    Loihi1Limits.CORES_PER_TILE);
        }
        return GridMesh.nearSquare(system.chips(), Loihi1Limits.TILE_MESH_COLUMNS, Loihi1Limits.TILE_MESH_ROWS,
                Loihi1Limits.CORES_PER_TILE);
    }
}
