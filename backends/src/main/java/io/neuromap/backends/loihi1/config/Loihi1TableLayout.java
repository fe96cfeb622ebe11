package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.npy.NpyDtype;
import java.util.List;

/**
 * The fixed facts of one kind of config table: its name, its columns in order, the dtype the
 * writer uses for its sidecar, and whether it always goes to a sidecar (bulk tables) or only
 * above {@link Loihi1ConfigDescriptor#INLINE_MAX_ROWS} rows. Every table is a C-order
 * {@code [rows, columns]} array of integers; readers accept any integer dtype whose values pass
 * the table's range checks.
 *
 * @param name the table's name in messages and sidecar names
 * @param columns the column names, as {@code "columns"} must list them
 * @param dtype the dtype the writer uses
 * @param alwaysSidecar whether the writer puts even small tables in a sidecar
 */
public record Loihi1TableLayout(String name, List<String> columns, NpyDtype dtype, boolean alwaysSidecar) {

    public Loihi1TableLayout {
        requireNonNull(name, "name is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(dtype, "dtype is null");
        if (dtype.isFloating()) {
            throw new IllegalArgumentException("tables hold integers, not " + dtype.descr());
        }
    }

    /** Number of columns. */
    public int width() {
        return columns.size();
    }
}
