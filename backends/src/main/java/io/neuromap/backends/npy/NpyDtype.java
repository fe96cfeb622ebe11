package io.neuromap.backends.npy;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The element types neuromap reads and writes: little-endian signed integers of 1, 2, 4 and 8
 * bytes, unsigned bytes, and IEEE floats of 4 and 8 bytes, in C order. numpy spells one-byte
 * types with {@code |} (no byte order); {@code <i1} and {@code <u1} are accepted as synonyms.
 * Big-endian data is refused rather than swapped: every tool that produces these files writes
 * little-endian on the machines it runs on, so a {@code >} usually means a file from elsewhere.
 */
public enum NpyDtype {
    /** {@code int8}. */
    INT8("|i1", 1, false, Byte.MIN_VALUE, Byte.MAX_VALUE),
    /** {@code uint8}. */
    UINT8("|u1", 1, false, 0, 255),
    /** {@code int16}. */
    INT16("<i2", 2, false, Short.MIN_VALUE, Short.MAX_VALUE),
    /** {@code int32}. */
    INT32("<i4", 4, false, Integer.MIN_VALUE, Integer.MAX_VALUE),
    /** {@code int64}. */
    INT64("<i8", 8, false, Long.MIN_VALUE, Long.MAX_VALUE),
    /** {@code float32}. */
    FLOAT32("<f4", 4, true, Long.MIN_VALUE, Long.MAX_VALUE),
    /** {@code float64}. */
    FLOAT64("<f8", 8, true, Long.MIN_VALUE, Long.MAX_VALUE);

    private final String descr;
    private final int size;
    private final boolean floating;
    private final long min;
    private final long max;

    NpyDtype(String descr, int size, boolean floating, long min, long max) {
        this.descr = descr;
        this.size = size;
        this.floating = floating;
        this.min = min;
        this.max = max;
    }

    /** The {@code descr} string numpy writes for this type, e.g. {@code <i4}. */
    public String descr() {
        return descr;
    }

    /** Bytes per element. */
    public int size() {
        return size;
    }

    /** Whether the elements are IEEE floats. */
    public boolean isFloating() {
        return floating;
    }

    /** Smallest integer value an element holds (integer types only). */
    public long min() {
        return min;
    }

    /** Largest integer value an element holds (integer types only). */
    public long max() {
        return max;
    }

    /** Whether an integer {@code value} fits this (integer) type. */
    public boolean holds(long value) {
        return !floating && value >= min && value <= max;
    }

    /**
     * The type a {@code descr} string names, accepting numpy's spellings: {@code |i1} or
     * {@code <i1}, {@code |u1} or {@code <u1}, {@code <i2}, {@code <i4}, {@code <i8}, {@code <f4},
     * {@code <f8}.
     */
    public static Optional<NpyDtype> fromDescr(String descr) {
        requireNonNull(descr, "descr is null");
        switch (descr) {
            case "|i1":
            case "<i1":
                return Optional.of(INT8);
            case "|u1":
            case "<u1":
                return Optional.of(UINT8);
            case "<i2":
                return Optional.of(INT16);
            case "<i4":
                return Optional.of(INT32);
            case "<i8":
                return Optional.of(INT64);
            case "<f4":
                return Optional.of(FLOAT32);
            case "<f8":
                return Optional.of(FLOAT64);
            default:
                return Optional.empty();
        }
    }

    /** The accepted {@code descr} spellings, for messages. */
    public static String acceptedDescrs() {
        return "'|i1' ('<i1'), '|u1' ('<u1'), '<i2', '<i4', '<i8', '<f4', '<f8'";
    }
}
