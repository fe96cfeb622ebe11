package io.neuromap.backends.loihi1.config;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.npy.NpyDtype;
import java.util.List;

/**
 * Layout of {@code stimuli.current.table}: one row per integer added to a compartment's synaptic
 * input, ordered by step. The value is on the declared scale: {@code lava_raw} values are Lava's
 * {@code a_in} (the LIF adds {@code a_in << 6} to u), so they must stay within an int32 after the
 * shift as in Lava; {@code nengo_full} values are full-scale units added to q.
 *
 * <pre>
 *   column     0      1      2      3             4
 *            +------+------+------+-------------+-------+
 *   row i    | step | chip | core | compartment | value |    writer dtype &lt;i4, always a sidecar
 *            +------+------+------+-------------+-------+
 *   step          0-based step whose input receives the value (the same step, no latency)
 *   chip, core    a core of this config
 *   compartment   a compartment of that core
 *   value         lava_raw: -2^25 .. 2^25 - 1;  nengo_full: any int32
 * </pre>
 */
public final class Loihi1CurrentStimulusDescriptor {

    public static final int STEP = 0;
    public static final int CHIP = 1;
    public static final int CORE = 2;
    public static final int COMPARTMENT = 3;
    public static final int VALUE = 4;

    /** Column names, in order. */
    public static final List<String> COLUMNS = List.of("step", "chip", "core", "compartment", "value");

    /** The table's fixed facts. */
    public static final Loihi1TableLayout LAYOUT = new Loihi1TableLayout("current", COLUMNS, NpyDtype.INT32, true);

    private Loihi1CurrentStimulusDescriptor() {
    }

    /** Smallest value on {@code scale}. */
    public static long minValue(Loihi1CurrentScale scale) {
        return scale == Loihi1CurrentScale.LAVA_RAW ? Integer.MIN_VALUE >> Loihi1Limits.ACTIVATION_SHIFT
                : Integer.MIN_VALUE;
    }

    /** Largest value on {@code scale}. */
    public static long maxValue(Loihi1CurrentScale scale) {
        return scale == Loihi1CurrentScale.LAVA_RAW ? Integer.MAX_VALUE >> Loihi1Limits.ACTIVATION_SHIFT
                : Integer.MAX_VALUE;
    }

    static Loihi1RowCheck check(Loihi1CoreIndex cores, Loihi1CurrentScale scale) {
        long[] previous = {0};
        return row -> {
            String order = Loihi1RowChecks.order(COLUMNS.get(STEP), row[STEP], previous[0]);
            previous[0] = Math.max(previous[0], row[STEP]);
            String value = Loihi1RowChecks.range(COLUMNS.get(VALUE), row[VALUE], minValue(scale), maxValue(scale));
            return Loihi1RowChecks.join(Loihi1RowChecks.range(COLUMNS.get(STEP), row[STEP], 0, Integer.MAX_VALUE),
                    order, cores.checkTarget(row[CHIP], row[CORE], COLUMNS.get(COMPARTMENT), row[COMPARTMENT], false),
                    value == null ? null : value + " (scale " + scale.jsonName() + ")");
        };
    }

    static Loihi1RowSource source(Loihi1CurrentStimuli table) {
        return Loihi1RowSource.ofColumns(table.step(), table.chip(), table.core(), table.compartment(), table.value());
    }

    static Loihi1RowSink<Loihi1CurrentStimuli> sink(int rows, Loihi1CurrentScale scale) {
        return Loihi1RowSink.ofColumns(COLUMNS.size(), rows, columns -> new Loihi1CurrentStimuli(scale, columns[STEP],
                columns[CHIP], columns[CORE], columns[COMPARTMENT], columns[VALUE]));
    }
}
