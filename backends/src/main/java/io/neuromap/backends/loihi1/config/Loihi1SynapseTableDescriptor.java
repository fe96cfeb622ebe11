package io.neuromap.backends.loihi1.config;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.npy.NpyDtype;
import java.util.List;

/**
 * Layout of a core's {@code synapses}: one row per synapse, ordered by input axon, so each axon's
 * synapse list is a contiguous run of rows (the model keeps it as CSR).
 *
 * <pre>
 *   column     0      1                2             3        4
 *            +------+----------------+-------------+--------+-------+
 *   row s    | axon | synapse_format | compartment | weight | delay |   writer dtype &lt;i2,
 *            +------+----------------+-------------+--------+-------+   always a sidecar
 *   axon            input axon of this core, 0 .. input_axons - 1, non-decreasing
 *   synapse_format  id of an entry of synapse_formats, 1 .. 15
 *   compartment     target compartment, 0 .. compartments - 1 (and &lt; 2^num_index_bits for sparse formats)
 *   weight          weight mantissa as stored, -256 .. 255; the emulator clips it to the format's
 *                   sign mode and truncates it to num_weight_bits, as the chip does
 *   delay           delay field, 0 .. min(2^num_delay_bits - 1, 2^delay_bits - 2);
 *                   a spike of step k arrives in step k + 1 + delay
 * </pre>
 */
public final class Loihi1SynapseTableDescriptor {

    public static final int AXON = 0;
    public static final int SYNAPSE_FORMAT = 1;
    public static final int COMPARTMENT = 2;
    public static final int WEIGHT = 3;
    public static final int DELAY = 4;

    /** Column names, in order. */
    public static final List<String> COLUMNS = List.of("axon", "synapse_format", "compartment", "weight", "delay");

    /** The table's fixed facts. */
    public static final Loihi1TableLayout LAYOUT = new Loihi1TableLayout("synapses", COLUMNS, NpyDtype.INT16, true);

    private Loihi1SynapseTableDescriptor() {
    }

    /**
     * @param inputAxons the core's input axons
     * @param compartments the core's compartments
     * @param formats the core's synapse-format table
     * @param coreMaxDelay the longest delay the core's {@code delay_bits} allow
     */
    static Loihi1RowCheck check(int inputAxons, int compartments, List<Loihi1SynapseFormatEntry> formats,
            int coreMaxDelay, int coreDelayBits) {
        int entries = Loihi1Limits.SYNAPSE_FORMAT_ENTRIES_PER_CORE;
        int[] maxDelay = new int[entries];
        int[] indexBits = new int[entries];
        boolean[] present = new boolean[entries];
        for (Loihi1SynapseFormatEntry entry : formats) {
            if (entry.id() > 0 && entry.id() < entries) {
                present[entry.id()] = true;
                maxDelay[entry.id()] = entry.maxDelay();
                indexBits[entry.id()] = entry.format().compression() == Loihi1Limits.COMPRESSION_SPARSE
                        ? entry.format().realIndexBits() : -1;
            }
        }
        long[] previousAxon = {0};
        return row -> {
            String axon = inputAxons == 0 ? "the core has no input axons"
                    : Loihi1RowChecks.range(COLUMNS.get(AXON), row[AXON], 0, inputAxons - 1L);
            String order = Loihi1RowChecks.order(COLUMNS.get(AXON), row[AXON], previousAxon[0]);
            previousAxon[0] = Math.max(previousAxon[0], row[AXON]);
            long id = row[SYNAPSE_FORMAT];
            String format = null;
            String compartment = Loihi1RowChecks.range(COLUMNS.get(COMPARTMENT), row[COMPARTMENT], 0,
                    compartments - 1L);
            String delay = Loihi1RowChecks.range(COLUMNS.get(DELAY), row[DELAY], 0, Long.MAX_VALUE);
            if (id <= 0 || id >= entries || !present[(int) id]) {
                format = "synapse_format " + id + " is not in the core's synapse_formats";
            } else {
                int f = (int) id;
                if (compartment == null && indexBits[f] >= 0 && row[COMPARTMENT] >= (1L << indexBits[f])) {
                    compartment = "compartment " + row[COMPARTMENT] + " does not fit the " + indexBits[f]
                            + " index bits of synapse format " + f;
                }
                if (delay == null && row[DELAY] > maxDelay[f]) {
                    delay = "delay " + row[DELAY] + " does not fit synapse format " + f + " (its delay field holds 0.."
                            + maxDelay[f] + ")";
                }
            }
            if (delay == null && row[DELAY] > coreMaxDelay) {
                delay = "delay " + row[DELAY] + " exceeds the core's longest delay " + coreMaxDelay + " (delay_bits "
                        + coreDelayBits + ")";
            }
            String weight = Loihi1RowChecks.range(COLUMNS.get(WEIGHT), row[WEIGHT], Loihi1Limits.WEIGHT_MANTISSA_MIN,
                    Loihi1Limits.WEIGHT_MANTISSA_MAX);
            return Loihi1RowChecks.join(axon, order, format, compartment, weight, delay);
        };
    }

    static Loihi1RowSource source(Loihi1Synapses table) {
        return new Loihi1RowSource() {
            private int axon;

            @Override
            public int rows() {
                return table.count();
            }

            @Override
            public void row(int index, long[] into) {
                int[] start = table.axonStart();
                // Readers go row by row: step to the next axon (over empty ones) and search only
                // on a jump, not at each of the millions of axon boundaries.
                if (index < start[axon] || index >= start[Math.min(axon + 2, table.inputAxons())]) {
                    axon = table.axonOf(index);
                }
                while (index >= start[axon + 1]) {
                    axon++;
                }
                into[AXON] = axon;
                into[SYNAPSE_FORMAT] = table.format()[index];
                into[COMPARTMENT] = table.compartment()[index];
                into[WEIGHT] = table.weight()[index];
                into[DELAY] = table.delay()[index];
            }
        };
    }

    static Loihi1RowSink<Loihi1Synapses> sink(int rows, int inputAxons) {
        int[] start = new int[inputAxons + 1];
        byte[] format = new byte[rows];
        short[] compartment = new short[rows];
        short[] weight = new short[rows];
        byte[] delay = new byte[rows];
        return new Loihi1RowSink<>() {
            @Override
            public void accept(int index, long[] row) {
                start[(int) row[AXON] + 1]++;
                format[index] = (byte) row[SYNAPSE_FORMAT];
                compartment[index] = (short) row[COMPARTMENT];
                weight[index] = (short) row[WEIGHT];
                delay[index] = (byte) row[DELAY];
            }

            @Override
            public Loihi1Synapses build() {
                for (int a = 0; a < inputAxons; a++) {
                    start[a + 1] += start[a];
                }
                return new Loihi1Synapses(inputAxons, start, format, compartment, weight, delay);
            }
        };
    }
}
