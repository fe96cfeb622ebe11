package io.neuromap.compiler.mapping;

import java.util.Arrays;
import java.util.Locale;

/**
 * Concrete core slots on a 2-D router mesh: slot {@code s} is core {@code s % coresPerChip} of
 * the layout's chip {@code s / coresPerChip}; every slot has router coordinates (x, y) in one
 * mesh spanning all chips, and a spike from one slot to another takes the Manhattan distance
 * between their routers in hops (0 between cores of one router). Immutable.
 */
public final class MeshLayout {
    private final int coresPerChip;
    private final int chips;
    private final int width;
    private final int height;
    private final int coresPerRouter;
    private final int[] x;
    private final int[] y;
    private final int[] chipRow;
    private final int[] chipColumn;
    private final int[] firstSlotAt;

    /**
     * @param chipRows rows of the chip grid holding the layout's chips
     * @param chipColumns columns of that grid; chips fill it row by row
     * @param chips chips in the layout, at most {@code chipRows * chipColumns}
     * @param routerColumns routers per chip along x
     * @param routerRows routers per chip along y
     * @param coresPerRouter cores sharing a router (Loihi 1: the 4 cores of a tile)
     */
    public MeshLayout(int chipRows, int chipColumns, int chips, int routerColumns, int routerRows, int coresPerRouter) {
        if (chipRows < 1 || chipColumns < 1 || chips < 1 || chips > chipRows * (long) chipColumns || routerColumns < 1
                || routerRows < 1 || coresPerRouter < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "bad mesh layout: %d chips on %d x %d, %d x %d routers of %d cores", chips, chipRows, chipColumns,
                    routerColumns, routerRows, coresPerRouter));
        }
        this.coresPerChip = routerColumns * routerRows * coresPerRouter;
        this.chips = chips;
        this.coresPerRouter = coresPerRouter;
        this.width = chipColumns * routerColumns;
        this.height = chipRows * routerRows;
        int slots = Math.multiplyExact(chips, coresPerChip);
        this.x = new int[slots];
        this.y = new int[slots];
        this.chipRow = new int[chips];
        this.chipColumn = new int[chips];
        this.firstSlotAt = new int[Math.multiplyExact(width, height)];
        Arrays.fill(firstSlotAt, -1);
        for (int chip = 0; chip < chips; chip++) {
            chipRow[chip] = chip / chipColumns;
            chipColumn[chip] = chip % chipColumns;
            for (int core = 0; core < coresPerChip; core++) {
                int slot = chip * coresPerChip + core;
                int router = core / coresPerRouter;
                x[slot] = chipColumn[chip] * routerColumns + router % routerColumns;
                y[slot] = chipRow[chip] * routerRows + router / routerColumns;
                int point = y[slot] * width + x[slot];
                if (firstSlotAt[point] < 0) {
                    firstSlotAt[point] = slot;
                }
            }
        }
    }

    public int chips() {
        return chips;
    }

    public int coresPerChip() {
        return coresPerChip;
    }

    /** Slots in the layout: chips times cores per chip. */
    public int slots() {
        return x.length;
    }

    public int chipOf(int slot) {
        return slot / coresPerChip;
    }

    public int coreOf(int slot) {
        return slot % coresPerChip;
    }

    /** Row of a chip in the chip grid. */
    public int chipRow(int chip) {
        return chipRow[chip];
    }

    /** Column of a chip in the chip grid. */
    public int chipColumn(int chip) {
        return chipColumn[chip];
    }

    public int x(int slot) {
        return x[slot];
    }

    public int y(int slot) {
        return y[slot];
    }

    /** Routers along x over all chips. */
    public int width() {
        return width;
    }

    /** Routers along y over all chips. */
    public int height() {
        return height;
    }

    public int coresPerRouter() {
        return coresPerRouter;
    }

    /** The first of the {@link #coresPerRouter()} consecutive slots at router (x, y), or -1 if no chip is there. */
    public int firstSlotAt(int px, int py) {
        if (px < 0 || py < 0 || px >= width || py >= height) {
            return -1;
        }
        return firstSlotAt[py * width + px];
    }

    /** Hops between two slots: Manhattan distance of their routers. */
    public int hops(int a, int b) {
        return Math.abs(x[a] - x[b]) + Math.abs(y[a] - y[b]);
    }

    @Override
    public String toString() {
        return "MeshLayout[" + chips + " chips, " + slots() + " slots, " + width + " x " + height + " routers]";
    }
}
