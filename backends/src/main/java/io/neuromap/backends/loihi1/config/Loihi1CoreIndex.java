package io.neuromap.backends.loihi1.config;

import java.util.HashMap;
import java.util.Map;

/**
 * Which (chip, core) pairs a config uses and their sizes, so that routing targets, stimuli,
 * probes and origin rows can be checked in constant time each, whatever the number of cores.
 */
final class Loihi1CoreIndex {

    private final Map<Long, int[]> cores = new HashMap<>();

    /** Records core {@code core} of chip {@code chip}; false if it was already there. */
    boolean add(int chip, int core, int compartments, int inputAxons) {
        return cores.putIfAbsent(key(chip, core), new int[] {compartments, inputAxons}) == null;
    }

    /** Compartments of the core, or -1 if the config has no such core. */
    int compartments(long chip, long core) {
        int[] sizes = find(chip, core);
        return sizes == null ? -1 : sizes[0];
    }

    /** Input axons of the core, or -1 if the config has no such core. */
    int inputAxons(long chip, long core) {
        int[] sizes = find(chip, core);
        return sizes == null ? -1 : sizes[1];
    }

    private int[] find(long chip, long core) {
        if (chip < 0 || chip > Integer.MAX_VALUE || core < 0 || core > Integer.MAX_VALUE) {
            return null;
        }
        return cores.get(key((int) chip, (int) core));
    }

    private static long key(int chip, int core) {
        return ((long) chip << Integer.SIZE) | core;
    }

    /** {@code "chip 2, core 5 is not in the config"}. */
    static String missing(long chip, long core) {
        return "chip " + chip + ", core " + core + " is not in the config";
    }

    /**
     * Checks that (chip, core) exists and that {@code index} is below the core's size as
     * {@code sizeOf} gives it; null when fine.
     */
    String checkTarget(long chip, long core, String column, long index, boolean axons) {
        int size = axons ? inputAxons(chip, core) : compartments(chip, core);
        if (size < 0) {
            return missing(chip, core);
        }
        return Loihi1RowChecks.range(column, index, 0, size - 1L);
    }
}
