package io.neuromap.compiler.mapping;

import java.util.Locale;

/**
 * A mesh of identical chips in a rectangular chip grid, each chip a rectangular grid of routers
 * with a fixed number of cores per router: the shape of Loihi's tiled mesh, stated by the target
 * (nothing here knows a chip's numbers). Layouts use as few chip-grid rows and columns as hold
 * the chips needed, so a small network is placed on adjacent chips.
 */
public final class GridMesh implements Mesh {
    /** The widest exact chip grid (columns per row) preferred to a square one with a gap. */
    static final int MAX_ASPECT = 4;

    private final int chipRows;
    private final int chipColumns;
    private final int chipsAvailable;
    private final int routerColumns;
    private final int routerRows;
    private final int coresPerRouter;

    /**
     * @param chipRows rows of the system's chip grid
     * @param chipColumns columns of the system's chip grid
     * @param chipsAvailable chips in the system, at most {@code chipRows * chipColumns}
     */
    public GridMesh(int chipRows, int chipColumns, int chipsAvailable, int routerColumns, int routerRows,
            int coresPerRouter) {
        if (chipRows < 1 || chipColumns < 1 || chipsAvailable < 1 || chipsAvailable > (long) chipRows * chipColumns
                || routerColumns < 1 || routerRows < 1 || coresPerRouter < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "bad grid mesh: %d chips on %d x %d", chipsAvailable,
                    chipRows, chipColumns));
        }
        this.chipRows = chipRows;
        this.chipColumns = chipColumns;
        this.chipsAvailable = chipsAvailable;
        this.routerColumns = routerColumns;
        this.routerRows = routerRows;
        this.coresPerRouter = coresPerRouter;
    }

    /** A system of {@code chips} chips laid out as square as possible ({@code rows <= columns}). */
    public static GridMesh nearSquare(int chips, int routerColumns, int routerRows, int coresPerRouter) {
        int[] grid = nearSquareGrid(chips);
        return new GridMesh(grid[0], grid[1], chips, routerColumns, routerRows, coresPerRouter);
    }

    @Override
    public int coresPerChip() {
        return routerColumns * routerRows * coresPerRouter;
    }

    @Override
    public int chipsAvailable() {
        return chipsAvailable;
    }

    public int chipRows() {
        return chipRows;
    }

    public int chipColumns() {
        return chipColumns;
    }

    @Override
    public MeshLayout layout(int chips) {
        if (chips < 1) {
            throw new IllegalArgumentException("a layout needs at least one chip, got " + chips);
        }
        int rows;
        int columns;
        if (chips <= chipsAvailable) {
            // The smallest-perimeter sub-grid of the system's grid that holds the chips.
            int bestRows = -1;
            int bestColumns = -1;
            for (int r = 1; r <= chipRows; r++) {
                int c = (chips + r - 1) / r;
                if (c > chipColumns) {
                    continue;
                }
                if (bestRows < 0 || r + c < bestRows + bestColumns
                        || (r + c == bestRows + bestColumns && (long) r * c < (long) bestRows * bestColumns)) {
                    bestRows = r;
                    bestColumns = c;
                }
            }
            rows = bestRows;
            columns = bestColumns;
        } else {
            int[] grid = nearSquareGrid(chips);
            rows = grid[0];
            columns = grid[1];
        }
        return new MeshLayout(rows, columns, chips, routerColumns, routerRows, coresPerRouter);
    }

    /**
     * {@code {rows, columns}} with {@code rows <= columns}: an exact {@code rows x columns = n} when one is at most
     * {@value #MAX_ASPECT} times wider than high (32 chips: 4 x 8), else columns = ceil(sqrt(n))
     * and rows = ceil(n / columns) with the last row partly empty (7 chips: 3 x 3).
     */
    static int[] nearSquareGrid(int n) {
        for (int rows = (int) Math.sqrt(n); rows >= 1; rows--) {
            if (n % rows == 0) {
                if (n / rows <= MAX_ASPECT * rows) {
                    return new int[] {rows, n / rows};
                }
                break;
            }
        }
        int columns = (int) Math.ceil(Math.sqrt(n));
        while ((long) columns * columns < n) {
            columns++;
        }
        int rows = (n + columns - 1) / columns;
        return new int[] {rows, columns};
    }

    @Override
    public String toString() {
        return "GridMesh[" + chipsAvailable + " chips on " + chipRows + " x " + chipColumns + ", " + routerColumns + " x "
                + routerRows + " routers of " + coresPerRouter + " cores]";
    }
}
