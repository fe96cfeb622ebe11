package io.neuromap.backends.loihi1.config;

import io.neuromap.backends.npy.NpyDtype;
import java.util.List;

/**
 * Layout of a probe's {@code targets}: one row per probed compartment, in the order the probe's
 * output columns will have.
 *
 * <pre>
 *   column     0      1      2
 *            +------+------+-------------+
 *   row i    | chip | core | compartment |        writer dtype &lt;i4
 *            +------+------+-------------+
 * </pre>
 */
public final class Loihi1ProbeTargetDescriptor {

    public static final int CHIP = 0;
    public static final int CORE = 1;
    public static final int COMPARTMENT = 2;

    /** Column names, in order. */
    public static final List<String> COLUMNS = List.of("chip", "core", "compartment");

    /** The table's fixed facts. */
    public static final Loihi1TableLayout LAYOUT = new Loihi1TableLayout("targets", COLUMNS, NpyDtype.INT32, false);

    private Loihi1ProbeTargetDescriptor() {
    }

    static Loihi1RowCheck check(Loihi1CoreIndex cores) {
        return row -> cores.checkTarget(row[CHIP], row[CORE], COLUMNS.get(COMPARTMENT), row[COMPARTMENT], false);
    }

    static Loihi1RowSource source(Loihi1Probe probe) {
        return new Loihi1RowSource() {
            @Override
            public int rows() {
                return probe.count();
            }

            @Override
            public void row(int index, long[] into) {
                into[CHIP] = probe.chip()[index];
                into[CORE] = probe.core()[index];
                into[COMPARTMENT] = probe.compartment()[index];
            }
        };
    }

    /** Collects the three target columns; the probe record is assembled by the caller. */
    static Loihi1RowSink<int[][]> sink(int rows) {
        int[][] columns = new int[COLUMNS.size()][rows];
        return new Loihi1RowSink<>() {
            @Override
            public void accept(int index, long[] row) {
                for (int c = 0; c < columns.length; c++) {
                    columns[c][index] = Loihi1RowChecks.narrow(row[c]);
                }
            }

            @Override
            public int[][] build() {
                return columns;
            }
        };
    }
}
