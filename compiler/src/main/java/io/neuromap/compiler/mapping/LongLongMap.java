package io.neuromap.compiler.mapping;

import java.util.Arrays;

/**
 * An open-addressing map from {@code long} keys to {@code long} values: distinct profile keys
 * per core with their multiplicities, and core-to-core traffic keyed by the packed pair. Linear
 * probing with backward-shift deletion; {@link Long#MIN_VALUE} marks an empty slot and is not a
 * valid key. No boxing; deterministic iteration order for a given sequence of insertions.
 */
final class LongLongMap {
    /** The one value that cannot be a key. */
    static final long EMPTY = Long.MIN_VALUE;
    private static final int MIN_CAPACITY = 8;

    private long[] keys;
    private long[] values;
    private int size;
    private int mask;

    LongLongMap() {
        this(MIN_CAPACITY);
    }

    LongLongMap(int expected) {
        int capacity = MIN_CAPACITY;
        while (capacity < expected * 2L) {
            capacity <<= 1;
        }
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new long[capacity];
        Arrays.fill(keys, EMPTY);
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    /** The value of {@code key}, 0 when absent. */
    long get(long key) {
        int i = slot(key);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                return 0;
            }
            i = (i + 1) & mask;
        }
    }

    /** Adds {@code delta} to the value of {@code key} and returns the new value; a value of 0 removes the key. */
    long add(long key, long delta) {
        if (key == EMPTY) {
            throw new IllegalArgumentException("Long.MIN_VALUE is not a valid key");
        }
        int i = slot(key);
        while (true) {
            long k = keys[i];
            if (k == key) {
                long v = values[i] + delta;
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

    /** The key in slot {@code i}, or {@link #EMPTY}. */
    long keyAt(int i) {
        return keys[i];
    }

    long valueAt(int i) {
        return values[i];
    }

    /** The largest key, or {@code fallback} when the map is empty. */
    long maxKey(long fallback) {
        long max = fallback;
        boolean any = false;
        for (long k : keys) {
            if (k != EMPTY && (!any || k > max)) {
                max = k;
                any = true;
            }
        }
        return max;
    }

    /** The keys in increasing order, for deterministic output. */
    long[] sortedKeys() {
        long[] out = new long[size];
        int n = 0;
        for (long k : keys) {
            if (k != EMPTY) {
                out[n++] = k;
            }
        }
        Arrays.sort(out);
        return out;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32) ^ (h >>> 17)) & mask;
    }

    private void delete(int i) {
        int hole = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            long k = keys[j];
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
        long[] oldKeys = keys;
        long[] oldValues = values;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            long k = oldKeys[i];
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
