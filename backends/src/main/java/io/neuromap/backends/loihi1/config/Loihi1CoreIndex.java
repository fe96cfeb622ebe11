package io.neuromap.backends.loihi1.config;

import java.util.Arrays;

/**
 * Which (chip, core) pairs a config uses and their sizes, so that routing targets, stimuli,
 * probes and origin rows can be checked in constant time each, whatever the number of cores.
 */
final class Loihi1CoreIndex {
    private static final long EMPTY = -1L;

    // Open addressing over (chip, core) keys with linear probing: output-axon and stimulus rows
    // look a core up once each (millions of rows), so no boxed keys and no entry objects.
    private long[] keys = newKeys(16);
    private int[] compartments = new int[16];
    private int[] inputAxons = new int[16];
    private int size;

    /** Records core {@code core} of chip {@code chip}; false if it was already there. */
    boolean add(int chip, int core, int compartmentCount, int inputAxonCount) {
        if (chip < 0 || core < 0) {
            // Reported by the validator; such a core can never be found either.
            return true;
        }
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        long key = key(chip, core);
        int i = slot(key, keys.length);
        while (keys[i] != EMPTY) {
            if (keys[i] == key) {
                return false;
            }
            i = (i + 1) & (keys.length - 1);
        }
        keys[i] = key;
        compartments[i] = compartmentCount;
        inputAxons[i] = inputAxonCount;
        size++;
        return true;
    }

    /** Compartments of the core, or -1 if the config has no such core. */
    int compartments(long chip, long core) {
        int i = find(chip, core);
        return i < 0 ? -1 : compartments[i];
    }

    /** Input axons of the core, or -1 if the config has no such core. */
    int inputAxons(long chip, long core) {
        int i = find(chip, core);
        return i < 0 ? -1 : inputAxons[i];
    }

    private int find(long chip, long core) {
        if (chip < 0 || chip > Integer.MAX_VALUE || core < 0 || core > Integer.MAX_VALUE) {
            return -1;
        }
        long key = key((int) chip, (int) core);
        int i = slot(key, keys.length);
        while (keys[i] != EMPTY) {
            if (keys[i] == key) {
                return i;
            }
            i = (i + 1) & (keys.length - 1);
        }
        return -1;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCompartments = compartments;
        int[] oldAxons = inputAxons;
        keys = newKeys(oldKeys.length * 2);
        compartments = new int[keys.length];
        inputAxons = new int[keys.length];
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = slot(oldKeys[j], keys.length);
                while (keys[i] != EMPTY) {
                    i = (i + 1) & (keys.length - 1);
                }
                keys[i] = oldKeys[j];
                compartments[i] = oldCompartments[j];
                inputAxons[i] = oldAxons[j];
            }
        }
    }

    private static long[] newKeys(int capacity) {
        long[] k = new long[capacity];
        Arrays.fill(k, EMPTY);
        return k;
    }

    /** A slot of a power-of-two table: the key's bits mixed (Murmur3's finalizer), then masked. */
    private static int slot(long key, int capacity) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) h & (capacity - 1);
    }

    /** Both non-negative, so a key is never {@link #EMPTY}. */
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
