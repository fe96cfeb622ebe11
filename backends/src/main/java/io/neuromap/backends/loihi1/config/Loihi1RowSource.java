package io.neuromap.backends.loihi1.config;

/** The rows of a model part, as the writer encodes them and the validator checks them. */
interface Loihi1RowSource {

    /** Number of rows. */
    int rows();

    /** Copies row {@code index} into {@code into} (one value per column). */
    void row(int index, long[] into);
}
