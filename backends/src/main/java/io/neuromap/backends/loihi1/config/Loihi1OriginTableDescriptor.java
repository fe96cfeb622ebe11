package io.neuromap.backends.loihi1.config;

import io.neuromap.backends.npy.NpyDtype;
import java.util.List;

/**
 * Layout of {@code origin.table}: one row per compartment of every core, mapping it back to the
 * network. Every compartment appears exactly once, and no (population, neuron, compartment_name)
 * twice (checked by {@link Loihi1ConfigValidator}).
 *
 * <pre>
 *   column     0      1      2             3            4        5
 *            +------+------+-------------+------------+--------+------------------+
 *   row i    | chip | core | compartment | population | neuron | compartment_name |   writer dtype &lt;i4,
 *            +------+------+-------------+------------+--------+------------------+   always a sidecar
 *   chip, core, compartment   a compartment of this config
 *   population                index into origin.populations
 *   neuron                    0 .. that population's size - 1
 *   compartment_name          index into origin.compartment_names ("soma", "aux_inh", ...)
 * </pre>
 */
public final class Loihi1OriginTableDescriptor {

    public static final int CHIP = 0;
    public static final int CORE = 1;
    public static final int COMPARTMENT = 2;
    public static final int POPULATION = 3;
    public static final int NEURON = 4;
    public static final int COMPARTMENT_NAME = 5;

    /** Column names, in order. */
    public static final List<String> COLUMNS = List.of("chip", "core", "compartment", "population", "neuron",
            "compartment_name");

    /** The table's fixed facts. */
    public static final Loihi1TableLayout LAYOUT = new Loihi1TableLayout("origin", COLUMNS, NpyDtype.INT32, true);

    private Loihi1OriginTableDescriptor() {
    }

    static Loihi1RowCheck check(Loihi1CoreIndex cores, List<Loihi1Population> populations, int compartmentNames) {
        return row -> {
            String population = Loihi1RowChecks.range(COLUMNS.get(POPULATION), row[POPULATION], 0,
                    populations.size() - 1L);
            String neuron = population != null ? null : Loihi1RowChecks.range(COLUMNS.get(NEURON), row[NEURON], 0,
                    populations.get((int) row[POPULATION]).size() - 1L);
            return Loihi1RowChecks.join(
                    cores.checkTarget(row[CHIP], row[CORE], COLUMNS.get(COMPARTMENT), row[COMPARTMENT], false),
                    population, neuron,
                    Loihi1RowChecks.range(COLUMNS.get(COMPARTMENT_NAME), row[COMPARTMENT_NAME], 0,
                            compartmentNames - 1L));
        };
    }

    static Loihi1RowSource source(Loihi1Origin origin) {
        return Loihi1RowSource.ofColumns(origin.chip(), origin.core(), origin.compartment(), origin.population(),
                origin.neuron(), origin.compartmentName());
    }

    static Loihi1RowSink<Loihi1Origin> sink(int rows, List<Loihi1Population> populations, List<String> names) {
        return Loihi1RowSink.ofColumns(COLUMNS.size(), rows, columns -> new Loihi1Origin(populations, names,
                columns[CHIP], columns[CORE], columns[COMPARTMENT], columns[POPULATION], columns[NEURON],
                columns[COMPARTMENT_NAME]));
    }
}
