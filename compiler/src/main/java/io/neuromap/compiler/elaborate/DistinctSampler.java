package io.neuromap.compiler.elaborate;

import io.neuromap.compiler.ir.KeyedRandom;
import java.util.Arrays;

/**
 * Draws k distinct integers from {@code [0, n)}, optionally never one excluded value, and writes
 * them ascending: the partners of one row of {@code fixed_indegree} / {@code fixed_outdegree}.
 * Sparse draws use Floyd's algorithm with a small open-addressing set (O(k log k) with the sort);
 * dense ones use selection sampling (Knuth's algorithm S, O(n), already sorted). Both give every
 * k-subset the same probability. Reusable and allocation-free after warm-up; one per thread.
 */
final class DistinctSampler {
    private int[] table = new int[64];

    /**
     * @param exclude a value in {@code [0, n)} never to draw, or -1
     * @param k at most the number of candidates ({@code n}, or {@code n - 1} with an exclusion)
     */
    void sample(KeyedRandom rng, int n, int k, int exclude, int[] out, int offset) {
        int m = exclude >= 0 ? n - 1 : n;
        if (k < 0 || k > m) {
            throw new IllegalArgumentException("cannot draw " + k + " distinct values from " + m);
        }
        if (k == 0) {
            return;
        }
        if ((long) k * 4 >= m) {
            int chosen = 0;
            for (int t = 0; t < m && chosen < k; t++) {
                if ((m - t) * rng.nextDouble() < k - chosen) {
                    out[offset + chosen++] = t;
                }
            }
        } else {
            floyd(rng, m, k, out, offset);
            Arrays.sort(out, offset, offset + k);
        }
        if (exclude >= 0) {
            for (int i = offset; i < offset + k; i++) {
                if (out[i] >= exclude) {
                    out[i]++;
                }
            }
        }
    }

    private void floyd(KeyedRandom rng, int m, int k, int[] out, int offset) {
        int capacity = Integer.highestOneBit(Math.max(16, k * 2 - 1)) << 1;
        if (table.length < capacity) {
            table = new int[capacity];
        }
        int shift = 32 - Integer.numberOfTrailingZeros(capacity);
        int written = 0;
        for (int j = m - k; j < m; j++) {
            int t = rng.nextInt(j + 1);
            int v = t;
            if (!insert(t, shift, capacity - 1)) {
                // t was drawn before; j cannot have been (every earlier value is < j).
                insert(j, shift, capacity - 1);
                v = j;
            }
            out[offset + written++] = v;
        }
        Arrays.fill(table, 0, capacity, 0);
    }

    /** Adds v; false if it was already present. Slots hold v + 1 so that 0 means empty. */
    private boolean insert(int v, int shift, int mask) {
        int i = (v * 0x9E3779B1) >>> shift;
        while (true) {
            int slot = table[i];
            if (slot == 0) {
                table[i] = v + 1;
                return true;
            }
            if (slot == v + 1) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }
}
