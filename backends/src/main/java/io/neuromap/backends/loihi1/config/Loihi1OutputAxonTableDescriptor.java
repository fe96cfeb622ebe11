package io.neuromap.backends.loihi1.config;

import io.neuromap.backends.npy.NpyDtype;
import java.util.List;

/**
 * Layout of a core's {@code output_axons}: one row per output axon ({@code axon_cfg}), ordered by
 * source compartment. A spike of the compartment in step k reaches every listed input axon in
 * step k + 1 (plus the synapse's delay).
 *
 * <pre>
 *   column     0             1      2      3
 *            +-------------+------+------+------+
 *   row o    | compartment | chip | core | axon |        writer dtype &lt;i2
 *            +-------------+------+------+------+
 *   compartment   source compartment on this core, non-decreasing
 *   chip, core    a core of this config (possibly this one, possibly on another chip)
 *   axon          an input axon of that core, 0 .. its input_axons - 1
 * </pre>
 */
public final class Loihi1OutputAxonTableDescriptor {

    public static final int COMPARTMENT = 0;
    public static final int CHIP = 1;
    public static final int CORE = 2;
    public static final int AXON = 3;

    /** Column names, in order. */
    public static final List<String> COLUMNS = List.of("compartment", "chip", "core", "axon");

    /** The table's fixed facts. */
    public static final Loihi1TableLayout LAYOUT = new Loihi1TableLayout("output_axons", COLUMNS, NpyDtype.INT16,
            false);

    private Loihi1OutputAxonTableDescriptor() {
    }

    static Loihi1RowCheck check(int compartments, Loihi1CoreIndex cores) {
        long[] previous = {0};
        return row -> {
            String order = Loihi1RowChecks.order(COLUMNS.get(COMPARTMENT), row[COMPARTMENT], previous[0]);
            previous[0] = Math.max(previous[0], row[COMPARTMENT]);
            return Loihi1RowChecks.join(
                    Loihi1RowChecks.range(COLUMNS.get(COMPARTMENT), row[COMPARTMENT], 0, compartments - 1L), order,
                    cores.checkTarget(row[CHIP], row[CORE], COLUMNS.get(AXON), row[AXON], true));
        };
    }

    static Loihi1RowSource source(Loihi1OutputAxons table) {
        return Loihi1RowSource.ofColumns(table.compartment(), table.chip(), table.core(), table.axon());
    }

    static Loihi1RowSink<Loihi1OutputAxons> sink(int rows) {
        return Loihi1RowSink.ofColumns(COLUMNS.size(), rows, columns ->
                new Loihi1OutputAxons(columns[COMPARTMENT], columns[CHIP], columns[CORE], columns[AXON]));
    }
}
