package io.neuromap.backends.loihi1.emit;

import java.util.Arrays;

/** An append-only {@code int} list without boxing, for tables whose length is known only at the end. */
final class GrowableInts {
    private int[] values;
    private int size;

    GrowableInts(int capacity) {
        values = new int[Math.max(4, capacity)];
    }

    void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = v;
    }

    int get(int i) {
        return values[i];
    }

    int size() {
        return size;
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
