package io.neuromap.backends.loihi1.config;

import io.neuromap.backends.npy.NpyDtype;
import java.util.List;

/**
 * Layout of a core's {@code tree_edges}: one row per edge of a dendritic tree. The profiles'
 * stack and join settings must produce exactly these edges (checked by
 * {@link Loihi1ConfigValidator}).
 *
 * <pre>
 *   column     0       1        2
 *            +-------+--------+------+
 *   row e    | child | parent | port |          writer dtype &lt;i2
 *            +-------+--------+------+
 *   child    compartment that pushes (V, S) or (U', S)       0 .. compartments - 1
 *   parent   compartment that pops or peeks it; child &lt; parent
 *   port     0: the parent receives it as A, 1: as B
 * </pre>
 */
public final class Loihi1TreeEdgeTableDescriptor {

    public static final int CHILD = 0;
    public static final int PARENT = 1;
    public static final int PORT = 2;

    /** Column names, in order. */
    public static final List<String> COLUMNS = List.of("child", "parent", "port");

    /** The table's fixed facts. */
    public static final Loihi1TableLayout LAYOUT = new Loihi1TableLayout("tree_edges", COLUMNS, NpyDtype.INT16,
            false);

    private Loihi1TreeEdgeTableDescriptor() {
    }

    static Loihi1RowCheck check(int compartments) {
        return row -> {
            String problem = Loihi1RowChecks.join(
                    Loihi1RowChecks.range(COLUMNS.get(CHILD), row[CHILD], 0, compartments - 1L),
                    Loihi1RowChecks.range(COLUMNS.get(PARENT), row[PARENT], 0, compartments - 1L),
                    Loihi1RowChecks.range(COLUMNS.get(PORT), row[PORT], Loihi1TreeEdges.PORT_A, Loihi1TreeEdges.PORT_B));
            if (problem == null && row[CHILD] >= row[PARENT]) {
                problem = "child " + row[CHILD] + " is not below parent " + row[PARENT]
                        + ": a core updates compartments in ascending order, so children come first";
            }
            return problem;
        };
    }

    static Loihi1RowSource source(Loihi1TreeEdges table) {
        return Loihi1RowSource.ofColumns(table.child(), table.parent(), table.port());
    }

    static Loihi1RowSink<Loihi1TreeEdges> sink(int rows) {
        return Loihi1RowSink.ofColumns(COLUMNS.size(), rows, columns ->
                new Loihi1TreeEdges(columns[CHILD], columns[PARENT], columns[PORT]));
    }
}
