package io.neuromap.backends.loihi1.config;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.npy.NpyDtype;
import java.util.List;

/**
 * Layout of a core's optional {@code initial_state}: the u and v the host writes into listed
 * compartments before step 0 (NxSDK compartment state; Lava's LIF {@code u}, {@code v}). Optional
 * in format version 1: a core without it starts every compartment at u = v = 0.
 *
 * <pre>
 *   column     0             1      2
 *            +-------------+------+------+
 *   row r    | compartment | u    | v    |        writer dtype &lt;i4
 *            +-------------+------+------+
 *   compartment   0 .. compartments - 1, strictly increasing (each at most once)
 *   u             initial current, -2^23 .. 2^23 - 1 (24-bit)
 *   v             initial voltage, vmin .. vmax of this core's singletons
 * </pre>
 */
public final class Loihi1InitialStateTableDescriptor {

    public static final int COMPARTMENT = 0;
    public static final int U = 1;
    public static final int V = 2;

    /** Column names, in order. */
    public static final List<String> COLUMNS = List.of("compartment", "u", "v");

    /** The table's fixed facts. */
    public static final Loihi1TableLayout LAYOUT = new Loihi1TableLayout("initial_state", COLUMNS, NpyDtype.INT32,
            false);

    /** Smallest initial u: the 24-bit current register's floor. */
    public static final long U_MIN = -(1L << Loihi1Limits.U_BITS);

    /** Largest initial u: the 24-bit current register's ceiling. */
    public static final long U_MAX = (1L << Loihi1Limits.U_BITS) - 1;

    private Loihi1InitialStateTableDescriptor() {
    }

    /**
     * The row check for a core; with singletons out of range (reported on their own) v is
     * checked against the 24-bit register only.
     */
    static Loihi1RowCheck check(int compartments, Loihi1CoreSingletons singletons) {
        boolean valid = singletons.vminExp() >= Loihi1Limits.VMIN_EXP_MIN
                && singletons.vminExp() <= Loihi1Limits.VMIN_EXP_MAX
                && singletons.vmaxExp() >= Loihi1Limits.VMAX_EXP_MIN
                && singletons.vmaxExp() <= Loihi1Limits.VMAX_EXP_MAX;
        long vmin = valid ? singletons.vmin() : U_MIN;
        long vmax = valid ? singletons.vmax() : U_MAX;
        long[] previous = {-1};
        return row -> {
            String order = row[COMPARTMENT] > previous[0] ? null
                    : COLUMNS.get(COMPARTMENT) + " " + row[COMPARTMENT] + " after " + COLUMNS.get(COMPARTMENT) + " "
                            + previous[0] + ": rows must be ordered by compartment, each compartment once";
            previous[0] = Math.max(previous[0], row[COMPARTMENT]);
            String v = Loihi1RowChecks.range(COLUMNS.get(V), row[V], vmin, vmax);
            return Loihi1RowChecks.join(
                    Loihi1RowChecks.range(COLUMNS.get(COMPARTMENT), row[COMPARTMENT], 0, compartments - 1L), order,
                    Loihi1RowChecks.range(COLUMNS.get(U), row[U], U_MIN, U_MAX),
                    v == null ? null : v + " (this core's [vmin, vmax])");
        };
    }

    static Loihi1RowSource source(Loihi1InitialState table) {
        return Loihi1RowSource.ofColumns(table.compartment(), table.u(), table.v());
    }

    static Loihi1RowSink<Loihi1InitialState> sink(int rows) {
        return Loihi1RowSink.ofColumns(COLUMNS.size(), rows, columns ->
                new Loihi1InitialState(columns[COMPARTMENT], columns[U], columns[V]));
    }
}
