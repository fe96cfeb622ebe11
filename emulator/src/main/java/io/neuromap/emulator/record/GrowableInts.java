package io.neuromap.emulator.record;

import java.util.Arrays;

/**
 * An append-only list of {@code int} in fixed-size chunks: appending never copies what is already
 * stored, so a recorder holding a billion spikes grows without a 4 GB array copy, and only one
 * append in {@value #CHUNK} allocates.
 */
final class GrowableInts {
    static final int CHUNK_BITS = 16;
    static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;

    private int[][] chunks = new int[4][];
    private long size;

    void add(int value) {
        int c = (int) (size >>> CHUNK_BITS);
        if (c == chunks.length) {
            chunks = Arrays.copyOf(chunks, c * 2);
        }
        int[] chunk = chunks[c];
        if (chunk == null) {
            chunk = new int[CHUNK];
            chunks[c] = chunk;
        }
        chunk[(int) (size & MASK)] = value;
        size++;
    }

    int get(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " out of bounds for " + size);
        }
        return chunks[(int) (index >>> CHUNK_BITS)][(int) (index & MASK)];
    }

    long size() {
        return size;
    }
}
