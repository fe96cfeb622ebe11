package io.neuromap.backends.loihi1.config;

import io.neuromap.backends.npy.NpyDtype;
import java.util.List;

/**
 * Layout of {@code stimuli.spikes}: one row per spike fed into an input axon, ordered by step. A
 * spike of step k is delivered in step k + 1 (plus the synapse's delay), exactly like a spike of a
 * compartment: Lava's RingBuffer into Dense and nengo-loihi's SpikeInput both behave so.
 *
 * <pre>
 *   column     0      1      2      3
 *            +------+------+------+------+
 *   row i    | step | chip | core | axon |        writer dtype &lt;i4, always a sidecar
 *            +------+------+------+------+
 *   step         0-based step the spike is fired in, non-decreasing
 *   chip, core   a core of this config
 *   axon         an input axon of that core
 * </pre>
 */
public final class Loihi1SpikeStimulusDescriptor {

    public static final int STEP = 0;
    public static final int CHIP = 1;
    public static final int CORE = 2;
    public static final int AXON = 3;

    /** Column names, in order. */
    public static final List<String> COLUMNS = List.of("step", "chip", "core", "axon");

    /** The table's fixed facts. */
    public static final Loihi1TableLayout LAYOUT = new Loihi1TableLayout("spikes", COLUMNS, NpyDtype.INT32, true);

    private Loihi1SpikeStimulusDescriptor() {
    }

    static Loihi1RowCheck check(Loihi1CoreIndex cores) {
        long[] previous = {0};
        return row -> {
            String order = Loihi1RowChecks.order(COLUMNS.get(STEP), row[STEP], previous[0]);
            previous[0] = Math.max(previous[0], row[STEP]);
            return Loihi1RowChecks.join(Loihi1RowChecks.range(COLUMNS.get(STEP), row[STEP], 0, Integer.MAX_VALUE),
                    order, cores.checkTarget(row[CHIP], row[CORE], COLUMNS.get(AXON), row[AXON], true));
        };
    }

    static Loihi1RowSource source(Loihi1SpikeStimuli table) {
        return Loihi1RowSource.ofColumns(table.step(), table.chip(), table.core(), table.axon());
    }

    static Loihi1RowSink<Loihi1SpikeStimuli> sink(int rows) {
        return Loihi1RowSink.ofColumns(COLUMNS.size(), rows, columns ->
                new Loihi1SpikeStimuli(columns[STEP], columns[CHIP], columns[CORE], columns[AXON]));
    }
}
