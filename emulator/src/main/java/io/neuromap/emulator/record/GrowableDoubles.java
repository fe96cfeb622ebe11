package io.neuromap.emulator.record;

import java.util.Arrays;

/** The {@code double} twin of {@link GrowableInts}: append-only, chunked, no copy on growth. */
final class GrowableDoubles {
    private static final int CHUNK_BITS = GrowableInts.CHUNK_BITS;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;

    private double[][] chunks = new double[4][];
    private long size;

    void add(double value) {
        int c = (int) (size >>> CHUNK_BITS);
        if (c == chunks.length) {
            chunks = Arrays.copyOf(chunks, c * 2);
        }
        double[] chunk = chunks[c];
        if (chunk == null) {
            chunk = new double[CHUNK];
            chunks[c] = chunk;
        }
        chunk[(int) (size & MASK)] = value;
        size++;
    }

    double get(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " out of bounds for " + size);
        }
        return chunks[(int) (index >>> CHUNK_BITS)][(int) (index & MASK)];
    }

    long size() {
        return size;
    }
}
