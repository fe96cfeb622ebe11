package io.neuromap.backends.loihi1.config;

/**
 * Builds a model part from checked rows, in order. Created for a known row count (the sidecar's
 * shape or the inline array's length), so it allocates its primitive arrays exactly once.
 *
 * @param <T> the model part built
 */
interface Loihi1RowSink<T> {

    /** Takes row {@code index}; rows arrive in order and have passed their checks. */
    void accept(int index, long[] row);

    /** The model part, after all rows. */
    T build();
}
