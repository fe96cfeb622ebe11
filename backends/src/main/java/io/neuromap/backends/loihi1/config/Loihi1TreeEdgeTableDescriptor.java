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
        return new Loihi1RowSource() {
            @Override
            public int rows() {
                return table.count();
            }

            @Override
            public void row(int index, long[] into) {
                into[CHILD] = table.child()[index];
                into[PARENT] = table.parent()[index];
                into[PORT] = table.port()[index];
            }
        };
    }

    static Loihi1RowSink<Loihi1TreeEdges> sink(int rows) {
        int[] child = new int[rows];
        int[] parent = new int[rows];
        int[] port = new int[rows];
        return new Loihi1RowSink<>() {
            @Override
            public void accept(int index, long[] row) {
                child[index] = Loihi1RowChecks.narrow(row[CHILD]);
                parent[index] = Loihi1RowChecks.narrow(row[PARENT]);
                port[index] = Loihi1RowChecks.narrow(row[PORT]);
            }

            @Override
            public Loihi1TreeEdges build() {
                return new Loihi1TreeEdges(child, parent, port);
            }
        };
    }
}
