package io.neuromap.backends.loihi1.config;

import java.util.function.Function;

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

    /**
     * Collects {@code width} int columns of {@code rows} rows (each value narrowed with
     * {@link Loihi1RowChecks#narrow}) and builds the part from them, indexed by column.
     */
    static <T> Loihi1RowSink<T> ofColumns(int width, int rows, Function<int[][], T> build) {
        int[][] columns = new int[width][rows];
        return new Loihi1RowSink<>() {
            @Override
            public void accept(int index, long[] row) {
                for (int c = 0; c < columns.length; c++) {
                    columns[c][index] = Loihi1RowChecks.narrow(row[c]);
                }
            }

            @Override
            public T build() {
                return build.apply(columns);
            }
        };
    }
}
