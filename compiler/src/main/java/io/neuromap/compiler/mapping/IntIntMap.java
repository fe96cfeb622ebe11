package io.neuromap.compiler.mapping;

import java.util.Arrays;

/**
 * An open-addressing map from non-negative {@code int} keys to {@code int} counts, for the
 * per-core tallies the partitioner updates once per synapse (synapses per input row, per source
 * neuron, groups per projection). Linear probing with backward-shift deletion, so removals leave
 * no tombstones and a core that gains and loses neurons for hours stays as fast as a fresh one.
 * No boxing and no allocation except when the table grows. Iteration order depends only on the
 * keys inserted, so results are deterministic.
 */
final class IntIntMap {
    private static final int EMPTY = -1;
    private static final int MIN_CAPACITY = 8;

    private int[] keys;
    private int[] values;
    private int size;
    private int mask;

    IntIntMap() {
        this(MIN_CAPACITY);
    }

    IntIntMap(int expected) {
        int capacity = MIN_CAPACITY;
        while (capacity < expected * 2) {
            capacity <<= 1;
        }
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new int[capacity];
        values = new int[capacity];
        Arrays.fill(keys, EMPTY);
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    /** The count of {@code key}, 0 when absent. */
    int get(int key) {
        int i = slot(key);
        while (true) {
            int k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                return 0;
            }
            i = (i + 1) & mask;
        }
    }

    /** Adds {@code delta} to the count of {@code key} ({@code >= 0}) and returns the new count; a count of 0 removes the key. */
    int add(int key, int delta) {
        int i = slot(key);
        while (true) {
            int k = keys[i];
            if (k == key) {
                int v = values[i] + delta;
                if (v == 0) {
                    delete(i);
                } else {
                    values[i] = v;
                }
                return v;
            }
            if (k == EMPTY) {
                if (delta == 0) {
                    return 0;
                }
                keys[i] = key;
                values[i] = delta;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return delta;
            }
            i = (i + 1) & mask;
        }
    }

    /** Slots, for iteration with {@link #keyAt} and {@link #valueAt}. */
    int capacity() {
        return keys.length;
    }

    /** The key in slot {@code i}, or -1 when the slot is empty. */
    int keyAt(int i) {
        return keys[i];
    }

    int valueAt(int i) {
        return values[i];
    }

    void clear() {
        if (size > 0) {
            Arrays.fill(keys, EMPTY);
            size = 0;
        }
    }

    private int slot(int key) {
        int h = key * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    private void delete(int i) {
        // Backward-shift deletion: move later members of the probe run into the hole.
        int hole = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            int k = keys[j];
            if (k == EMPTY) {
                break;
            }
            int home = slot(k);
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                keys[hole] = k;
                values[hole] = values[j];
                hole = j;
            }
        }
        keys[hole] = EMPTY;
        size--;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldValues = values;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            int k = oldKeys[i];
            if (k != EMPTY) {
                int j = slot(k);
                while (keys[j] != EMPTY) {
                    j = (j + 1) & mask;
                }
                keys[j] = k;
                values[j] = oldValues[i];
            }
        }
    }
}
