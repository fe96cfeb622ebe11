package io.neuromap.backends.loihi1.config;

/** The rows of a model part, as the writer encodes them and the validator checks them. */
interface Loihi1RowSource {

    /** Number of rows. */
    int rows();

    /** Copies row {@code index} into {@code into} (one value per column). */
    void row(int index, long[] into);

    /**
     * The rows of a table stored as one {@code int[]} per column, given in column order (column c
     * of row i is {@code columns[c][i]}); all columns have the same length.
     */
    static Loihi1RowSource ofColumns(int[]... columns) {
        int[][] cols = columns.clone();
        int rows = cols[0].length;
        return new Loihi1RowSource() {
            @Override
            public int rows() {
                return rows;
            }

            @Override
            public void row(int index, long[] into) {
                for (int c = 0; c < cols.length; c++) {
                    into[c] = cols[c][index];
                }
            }
        };
    }
}
