package io.neuromap.compiler.mapping;

/**
 * A stable merge sort of a range of an {@code int[]} with a primitive comparator: orders
 * millions of neuron indices by their profile keys without boxing them.
 */
final class IndexSort {
    /** Compares two ints. */
    @FunctionalInterface
    interface IntComparator {
        int compare(int a, int b);
    }

    private IndexSort() {
    }

    /** Sorts {@code values[from, to)} stably by {@code comparator}. */
    static void sort(int[] values, int from, int to, IntComparator comparator) {
        int n = to - from;
        if (n < 2) {
            return;
        }
        int[] buffer = new int[n];
        int[] src = new int[n];
        System.arraycopy(values, from, src, 0, n);
        int[] dst = buffer;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    dst[k++] = comparator.compare(src[j], src[i]) < 0 ? src[j++] : src[i++];
                }
                while (i < mid) {
                    dst[k++] = src[i++];
                }
                while (j < hi) {
                    dst[k++] = src[j++];
                }
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        System.arraycopy(src, 0, values, from, n);
    }
}
