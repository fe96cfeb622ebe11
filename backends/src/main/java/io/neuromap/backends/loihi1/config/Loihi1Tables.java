package io.neuromap.backends.loihi1.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuromap.backends.npy.NpyDtype;
import io.neuromap.backends.npy.NpyException;
import io.neuromap.backends.npy.NpyReader;
import io.neuromap.backends.npy.NpyWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.IntFunction;

/**
 * Reads and writes config tables in either form (inline {@code "rows"} or a {@code .npy}
 * sidecar), checking every row while it streams by and reporting problems with their location:
 * {@code /chips/0/cores/1/synapses/rows/3} for inline rows, {@code sidecar x.npy: row 1042} for
 * sidecar rows. Only a table without problems is handed to its sink, so a model is never built
 * from bad rows.
 */
final class Loihi1Tables {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Loihi1Tables() {
    }

    /**
     * Reads one table.
     *
     * @param node the table's JSON object
     * @param pointer its JSON pointer
     * @param layout its layout
     * @param expectedRows the row count it must have, or -1 for any
     * @param check the row check
     * @param sinks makes the sink for a known row count
     * @param dir the config directory sidecars are relative to
     * @param problems where problems go
     * @return the model part, or null if the table has problems
     */
    static <T> T read(JsonNode node, String pointer, Loihi1TableLayout layout, int expectedRows, Loihi1RowCheck check,
            IntFunction<Loihi1RowSink<T>> sinks, Path dir, Loihi1ConfigProblems problems) {
        if (node == null || !node.isObject()) {
            problems.add(pointer, "expected a table object with \"columns\" and \"rows\" or \"file\"");
            return null;
        }
        if (!columnsMatch(node.get(Loihi1ConfigDescriptor.K_COLUMNS), layout)) {
            problems.add(pointer + "/" + Loihi1ConfigDescriptor.K_COLUMNS, "columns must be " + layout.columns());
            return null;
        }
        if (node.has(Loihi1ConfigDescriptor.K_FILE)) {
            return readSidecar(node, pointer, layout, expectedRows, check, sinks, dir, problems);
        }
        return readInline(node, pointer, layout, expectedRows, check, sinks, problems);
    }

    private static boolean columnsMatch(JsonNode columns, Loihi1TableLayout layout) {
        if (columns == null || !columns.isArray() || columns.size() != layout.width()) {
            return false;
        }
        for (int c = 0; c < layout.width(); c++) {
            if (!columns.get(c).isTextual() || !columns.get(c).asText().equals(layout.columns().get(c))) {
                return false;
            }
        }
        return true;
    }

    private static <T> T readInline(JsonNode node, String pointer, Loihi1TableLayout layout, int expectedRows,
            Loihi1RowCheck check, IntFunction<Loihi1RowSink<T>> sinks, Loihi1ConfigProblems problems) {
        JsonNode rows = node.get(Loihi1ConfigDescriptor.K_ROWS);
        if (rows == null || !rows.isArray()) {
            problems.add(pointer, "expected \"rows\" (an array of rows) or \"file\" (a .npy sidecar)");
            return null;
        }
        if (expectedRows >= 0 && rows.size() != expectedRows) {
            problems.add(pointer + "/" + Loihi1ConfigDescriptor.K_ROWS, "has " + rows.size() + " rows, expected "
                    + expectedRows + " (one per " + rowUnit(layout) + ")");
            return null;
        }
        Loihi1RowSink<T> sink = sinks.apply(rows.size());
        RowProblems rowProblems = new RowProblems(problems, pointer);
        long[] row = new long[layout.width()];
        for (int r = 0; r < rows.size(); r++) {
            JsonNode values = rows.get(r);
            String rowPointer = pointer + "/" + Loihi1ConfigDescriptor.K_ROWS + "/" + r;
            String problem = decodeInlineRow(values, row);
            if (problem == null) {
                problem = check.check(row);
            }
            if (problem != null) {
                rowProblems.add(rowPointer, problem);
            } else if (rowProblems.none()) {
                sink.accept(r, row);
            }
        }
        rowProblems.finish();
        return rowProblems.none() ? sink.build() : null;
    }

    private static String decodeInlineRow(JsonNode values, long[] row) {
        if (values == null || !values.isArray() || values.size() != row.length) {
            return "expected a row of " + row.length + " integers";
        }
        for (int c = 0; c < row.length; c++) {
            JsonNode value = values.get(c);
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                return "value " + value + " in column " + c + " is not an integer";
            }
            row[c] = value.asLong();
        }
        return null;
    }

    private static <T> T readSidecar(JsonNode node, String pointer, Loihi1TableLayout layout, int expectedRows,
            Loihi1RowCheck check, IntFunction<Loihi1RowSink<T>> sinks, Path dir, Loihi1ConfigProblems problems) {
        String name = node.get(Loihi1ConfigDescriptor.K_FILE).asText();
        Path path = dir.resolve(name).normalize();
        if (!path.startsWith(dir.normalize()) || name.startsWith("/")) {
            problems.add(pointer + "/" + Loihi1ConfigDescriptor.K_FILE, "sidecar " + name
                    + " must be a relative path inside the config directory");
            return null;
        }
        String declaredDescr = node.path(Loihi1ConfigDescriptor.K_DTYPE).asText("");
        NpyDtype declared = NpyDtype.fromDescr(declaredDescr).orElse(null);
        if (declared == null || declared.isFloating()) {
            problems.add(pointer + "/" + Loihi1ConfigDescriptor.K_DTYPE, "dtype '" + declaredDescr
                    + "' is not an integer dtype ('|i1', '|u1', '<i2', '<i4', '<i8')");
            return null;
        }
        long[] declaredShape = shape(node.get(Loihi1ConfigDescriptor.K_SHAPE));
        if (declaredShape == null || declaredShape[1] != layout.width()) {
            problems.add(pointer + "/" + Loihi1ConfigDescriptor.K_SHAPE, "shape must be [rows, " + layout.width()
                    + "] (columns " + layout.columns() + ")");
            return null;
        }
        try (NpyReader reader = NpyReader.open(path, name)) {
            String sidecar = "sidecar " + name + ": ";
            if (reader.dtype() != declared) {
                problems.add(pointer, sidecar + "dtype '" + reader.dtype().descr() + "' in the file, but config.json "
                        + "declares '" + declared.descr() + "'");
                return null;
            }
            long[] shape = reader.header().shape();
            if (shape.length != 2 || shape[0] != declaredShape[0] || shape[1] != declaredShape[1]) {
                problems.add(pointer, sidecar + "shape " + reader.header().shapeText() + " in the file, but config.json "
                        + "declares [" + declaredShape[0] + ", " + declaredShape[1] + "]");
                return null;
            }
            if (shape[0] > Integer.MAX_VALUE - 1) {
                problems.add(pointer, sidecar + shape[0] + " rows are more than a table can hold");
                return null;
            }
            int rows = (int) shape[0];
            if (expectedRows >= 0 && rows != expectedRows) {
                problems.add(pointer, sidecar + "has " + rows + " rows, expected " + expectedRows + " (one per "
                        + rowUnit(layout) + ")");
                return null;
            }
            Loihi1RowSink<T> sink = sinks.apply(rows);
            RowProblems rowProblems = new RowProblems(problems, pointer);
            long[] row = new long[layout.width()];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = reader.nextLong();
                }
                String problem = check.check(row);
                if (problem != null) {
                    rowProblems.add(pointer, sidecar + "row " + r + ": " + problem);
                } else if (rowProblems.none()) {
                    sink.accept(r, row);
                }
            }
            rowProblems.finish();
            return rowProblems.none() ? sink.build() : null;
        } catch (NpyException e) {
            problems.add(pointer, "sidecar " + e.file() + ": " + e.detailWithOffset());
            return null;
        }
    }

    private static long[] shape(JsonNode node) {
        if (node == null || !node.isArray() || node.size() != 2) {
            return null;
        }
        long[] shape = new long[2];
        for (int i = 0; i < 2; i++) {
            if (!node.get(i).isIntegralNumber() || !node.get(i).canConvertToLong() || node.get(i).asLong() < 0) {
                return null;
            }
            shape[i] = node.get(i).asLong();
        }
        return shape;
    }

    private static String rowUnit(Loihi1TableLayout layout) {
        return layout == Loihi1CompartmentTableDescriptor.LAYOUT ? "compartment" : "row";
    }

    /**
     * Checks a model part's rows as the reader would, for configs built in memory (the writer's
     * path). Problems name the row: {@code /chips/0/cores/0/synapses: row 5: ...}.
     */
    static void check(String pointer, Loihi1RowSource source, Loihi1RowCheck check, Loihi1ConfigProblems problems) {
        RowProblems rowProblems = new RowProblems(problems, pointer);
        long[] row = new long[Loihi1ConfigDescriptor.MAX_TABLE_WIDTH];
        for (int r = 0; r < source.rows(); r++) {
            source.row(r, row);
            String problem = check.check(row);
            if (problem != null) {
                rowProblems.add(pointer, "row " + r + ": " + problem);
            }
        }
        rowProblems.finish();
    }

    /**
     * Writes one table: inline when it is empty or small and its layout allows, else as the
     * sidecar {@code sidecarName} in {@code dir}, in the layout's dtype.
     *
     * @return the table's JSON object
     */
    static ObjectNode write(Loihi1TableLayout layout, Loihi1RowSource source, Path dir, String sidecarName)
            throws IOException {
        ObjectNode table = NODES.objectNode();
        ArrayNode columns = table.putArray(Loihi1ConfigDescriptor.K_COLUMNS);
        layout.columns().forEach(columns::add);
        int rows = source.rows();
        long[] row = new long[Loihi1ConfigDescriptor.MAX_TABLE_WIDTH];
        if (rows == 0 || (!layout.alwaysSidecar() && rows <= Loihi1ConfigDescriptor.INLINE_MAX_ROWS)) {
            ArrayNode array = table.putArray(Loihi1ConfigDescriptor.K_ROWS);
            for (int r = 0; r < rows; r++) {
                source.row(r, row);
                ArrayNode values = array.addArray();
                for (int c = 0; c < layout.width(); c++) {
                    values.add(row[c]);
                }
            }
            return table;
        }
        try (NpyWriter writer = NpyWriter.create(dir.resolve(sidecarName), layout.dtype(), rows, layout.width())) {
            int width = layout.width();
            for (int r = 0; r < rows; r++) {
                source.row(r, row);
                writer.writeLongs(row, width);
            }
        }
        table.put(Loihi1ConfigDescriptor.K_FILE, sidecarName);
        table.put(Loihi1ConfigDescriptor.K_DTYPE, layout.dtype().descr());
        ArrayNode shape = table.putArray(Loihi1ConfigDescriptor.K_SHAPE);
        shape.add(rows);
        shape.add(layout.width());
        return table;
    }

    /** Caps the problems reported per table and counts the rest. */
    private static final class RowProblems {
        private final Loihi1ConfigProblems problems;
        private final String pointer;
        private long count;

        RowProblems(Loihi1ConfigProblems problems, String pointer) {
            this.problems = problems;
            this.pointer = pointer;
        }

        void add(String where, String detail) {
            if (count < Loihi1ConfigDescriptor.MAX_ROW_PROBLEMS_PER_TABLE) {
                problems.add(where, detail);
            }
            count++;
        }

        boolean none() {
            return count == 0;
        }

        void finish() {
            if (count > Loihi1ConfigDescriptor.MAX_ROW_PROBLEMS_PER_TABLE) {
                problems.add(pointer, "and " + (count - Loihi1ConfigDescriptor.MAX_ROW_PROBLEMS_PER_TABLE)
                        + " more rows with problems in this table");
            }
        }
    }
}
