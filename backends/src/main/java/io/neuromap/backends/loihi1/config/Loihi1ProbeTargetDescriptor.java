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
        return Loihi1RowSource.ofColumns(probe.chip(), probe.core(), probe.compartment());
    }

    /** Collects the three target columns; the probe record is assembled by the caller. */
    static Loihi1RowSink<int[][]> sink(int rows) {
        return Loihi1RowSink.ofColumns(COLUMNS.size(), rows, columns -> columns);
    }
}
