package io.neuromap.compiler.ir;

/**
 * A half-open range {@code [from, to)} of population-local neuron indices: the part of a
 * population an endpoint such as {@code pyr[0:20]} or {@code cortex.RS} selects. Cell types of a
 * mix are contiguous blocks, so every endpoint is one range.
 */
public record IndexRange(int from, int to) {
    public IndexRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("bad index range [" + from + ", " + to + ")");
        }
    }

    public static IndexRange of(int size) {
        return new IndexRange(0, size);
    }

    public int size() {
        return to - from;
    }

    public boolean contains(int i) {
        return i >= from && i < to;
    }

    public boolean overlaps(IndexRange other) {
        return from < other.to && other.from < to;
    }

    @Override
    public String toString() {
        return "[" + from + ":" + to + ")";
    }
}
