package io.neuromap.emulator.loihi1;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.config.Loihi1Probe;
import io.neuromap.backends.loihi1.config.Loihi1ProbeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Records a config's probes for a run of known length. A state probe (voltage, current, synaptic
 * input) gets one preallocated row-major {@code rows x columns} int array. A spike probe gets no
 * matrix: spikes are rare (a few in ten thousand compartment-steps), so each core keeps the
 * (row, column) pairs of its probed spikes in growable int arrays, and {@link #traces} merges them
 * into one sparse trace sorted by row, then column, which does not depend on the thread count or
 * on the order the cores finished in.
 *
 * <p>Each probe target is filed under its core and grouped by probe, so the worker that updated a
 * core records that core's columns ({@link #afterCore}) with one test per probe whether this step
 * is recorded, and cores never write the same element or the same spike buffer.
 */
final class Loihi1ProbeBuffers implements Loihi1Recorder {

    private static final int VAR_INPUT = 0;
    private static final int VAR_CURRENT = 1;
    private static final int VAR_VOLTAGE = 2;
    private static final int VAR_SPIKES = 3;
    /** The largest int array the JVM reliably allocates. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final int FIRST_SPIKE_CAPACITY = 64;

    private final List<Loihi1Probe> probes;
    private final int[] every;
    private final int[] rows;
    private final int[] variable;
    private final int[] columns;
    /** Per probe, the dense values of a state probe; null for a spike probe. */
    private final int[][] values;
    /**
     * Per probe, the row of step {@link #preparedStep}, or -1 if that step is not recorded:
     * computed once per step on the stepping thread ({@link #afterStep}), so the per-core
     * recording does no division.
     */
    private final int[] preparedRow;
    private int preparedStep;
    /**
     * Per core, the targets on the core grouped by probe: group {@code r} belongs to probe
     * {@code groupProbe[c][r]} and holds targets {@code groupStart[c][r] .. groupStart[c][r + 1] - 1},
     * each with its column and global compartment.
     */
    private final int[][] groupProbe;
    private final int[][] groupStart;
    private final int[][] targetColumn;
    private final int[][] targetCompartment;
    /**
     * Per core and group, for spike probes only (null otherwise): the group's columns by core-local
     * compartment, CSR ({@code firedStart[c][r][i] .. firedStart[c][r][i + 1] - 1} index
     * {@code firedColumn[c][r]}), so the recorder walks the core's fired list instead of every
     * target.
     */
    private final int[][][] firedStart;
    private final int[][][] firedColumn;
    /**
     * Per core and group, for spike probes only (null otherwise): the spikes recorded so far, as
     * rows and columns in two growable arrays of which the first {@code spikeCount[c][r]} are
     * used. Only the worker that stepped core {@code c} writes them; growth doubles, so a run
     * allocates O(log spikes) times per core, never per spike.
     */
    private final int[][][] spikeRow;
    private final int[][][] spikeColumn;
    private final int[][] spikeCount;

    /**
     * @param probes the config's probes
     * @param state the emulator's layout (to find each target's core)
     * @param steps the steps the run will compute
     * @throws Loihi1EmulationException if a state probe would record more values than an array holds
     */
    Loihi1ProbeBuffers(List<Loihi1Probe> probes, Loihi1State state, int steps) throws Loihi1EmulationException {
        this.probes = List.copyOf(requireNonNull(probes, "probes is null"));
        int count = this.probes.size();
        int cores = state.cores();
        every = new int[count];
        rows = new int[count];
        variable = new int[count];
        columns = new int[count];
        values = new int[count][];
        preparedRow = new int[count];
        int[][] perCore = new int[cores][count];
        for (int p = 0; p < count; p++) {
            Loihi1Probe probe = this.probes.get(p);
            every[p] = probe.every();
            rows[p] = steps / probe.every();
            variable[p] = code(probe.variable());
            columns[p] = probe.count();
            if (variable[p] != VAR_SPIKES) {
                long size = (long) rows[p] * probe.count();
                if (size > MAX_ARRAY) {
                    throw new Loihi1EmulationException("probe '" + probe.name() + "' would record " + size
                            + " values in " + steps + " steps, more than one array holds: record every few steps "
                            + "(every) or probe fewer compartments");
                }
                values[p] = new int[(int) size];
            }
            for (int j = 0; j < probe.count(); j++) {
                perCore[state.coreIndex(probe.chip()[j], probe.core()[j])][p]++;
            }
        }
        groupProbe = new int[cores][];
        groupStart = new int[cores][];
        targetColumn = new int[cores][];
        targetCompartment = new int[cores][];
        int[][] fill = new int[cores][count];
        for (int c = 0; c < cores; c++) {
            int groups = 0;
            int targets = 0;
            for (int p = 0; p < count; p++) {
                groups += perCore[c][p] > 0 ? 1 : 0;
                targets += perCore[c][p];
            }
            groupProbe[c] = new int[groups];
            groupStart[c] = new int[groups + 1];
            targetColumn[c] = new int[targets];
            targetCompartment[c] = new int[targets];
            int r = 0;
            int next = 0;
            for (int p = 0; p < count; p++) {
                if (perCore[c][p] > 0) {
                    groupProbe[c][r] = p;
                    groupStart[c][r] = next;
                    fill[c][p] = next;
                    next += perCore[c][p];
                    groupStart[c][++r] = next;
                }
            }
        }
        for (int p = 0; p < count; p++) {
            Loihi1Probe probe = this.probes.get(p);
            for (int j = 0; j < probe.count(); j++) {
                int c = state.coreIndex(probe.chip()[j], probe.core()[j]);
                int k = fill[c][p]++;
                targetColumn[c][k] = j;
                targetCompartment[c][k] = state.offset(c) + probe.compartment()[j];
            }
        }
        firedStart = new int[cores][][];
        firedColumn = new int[cores][][];
        spikeRow = new int[cores][][];
        spikeColumn = new int[cores][][];
        spikeCount = new int[cores][];
        for (int c = 0; c < cores; c++) {
            int groups = groupProbe[c].length;
            firedStart[c] = new int[groups][];
            firedColumn[c] = new int[groups][];
            spikeRow[c] = new int[groups][];
            spikeColumn[c] = new int[groups][];
            spikeCount[c] = new int[groups];
            for (int r = 0; r < groups; r++) {
                if (variable[groupProbe[c][r]] == VAR_SPIKES) {
                    invert(state, c, r);
                    spikeRow[c][r] = new int[FIRST_SPIKE_CAPACITY];
                    spikeColumn[c][r] = new int[FIRST_SPIKE_CAPACITY];
                }
            }
        }
        prepare(0);
    }

    private void invert(Loihi1State state, int c, int r) {
        int n = state.compartments(c);
        int off = state.offset(c);
        int from = groupStart[c][r];
        int to = groupStart[c][r + 1];
        int[] start = new int[n + 1];
        for (int k = from; k < to; k++) {
            start[targetCompartment[c][k] - off + 1]++;
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = Arrays.copyOf(start, n);
        int[] column = new int[to - from];
        for (int k = from; k < to; k++) {
            column[fill[targetCompartment[c][k] - off]++] = targetColumn[c][k];
        }
        firedStart[c][r] = start;
        firedColumn[c][r] = column;
    }

    private static int code(Loihi1ProbeVariable variable) {
        switch (variable) {
            case SYNAPTIC_INPUT:
                return VAR_INPUT;
            case CURRENT:
                return VAR_CURRENT;
            case VOLTAGE:
                return VAR_VOLTAGE;
            case SPIKES:
                return VAR_SPIKES;
            default:
                throw new IllegalStateException("no recorder for probe variable " + variable);
        }
    }

    @Override
    public void afterCore(Loihi1State state, int core, int step) {
        final int[] probeOf = groupProbe[core];
        final boolean prepared = step == preparedStep;
        for (int r = 0; r < probeOf.length; r++) {
            final int p = probeOf[r];
            final int row = prepared ? preparedRow[p] : row(p, step);
            if (row < 0) {
                continue;
            }
            final int kind = variable[p];
            if (kind == VAR_SPIKES) {
                if (state.firedCount[core] > 0) {
                    recordFired(state.fired[core], state.firedCount[core], core, r, row);
                }
                continue;
            }
            state.publish(core, targetCompartment[core], groupStart[core][r], groupStart[core][r + 1]);
            final int[] values = kind == VAR_INPUT ? state.input : kind == VAR_CURRENT ? state.current : state.voltage;
            copy(values, targetCompartment[core], targetColumn[core], groupStart[core][r], groupStart[core][r + 1],
                    this.values[p], row * columns[p]);
        }
    }

    /** Appends (row, column) for every probed column of the compartments that fired on {@code core}. */
    private void recordFired(int[] fired, int count, int core, int r, int row) {
        final int[] from = firedStart[core][r];
        final int[] to = firedColumn[core][r];
        int[] rowsOut = spikeRow[core][r];
        int[] columnsOut = spikeColumn[core][r];
        int n = spikeCount[core][r];
        for (int k = 0; k < count; k++) {
            final int i = fired[k];
            for (int j = from[i]; j < from[i + 1]; j++) {
                if (n == rowsOut.length) {
                    int size = grown(n, groupProbe[core][r]);
                    rowsOut = Arrays.copyOf(rowsOut, size);
                    columnsOut = Arrays.copyOf(columnsOut, size);
                    spikeRow[core][r] = rowsOut;
                    spikeColumn[core][r] = columnsOut;
                }
                rowsOut[n] = row;
                columnsOut[n++] = to[j];
            }
        }
        spikeCount[core][r] = n;
    }

    private int grown(int length, int p) {
        if (length >= MAX_ARRAY) {
            throw new IllegalStateException("spike probe '" + probes.get(p).name() + "' recorded more spikes on one "
                    + "core than an array holds");
        }
        return (int) Math.min(MAX_ARRAY, 2L * length);
    }

    private static void copy(int[] from, int[] compartment, int[] column, int start, int end, int[] out, int base) {
        for (int k = start; k < end; k++) {
            out[base + column[k]] = from[compartment[k]];
        }
    }

    /** Probe {@code p}'s row of step {@code step}, or -1 if the step is not recorded. */
    private int row(int p, int step) {
        final int next = step + 1;
        if (next % every[p] != 0 || next / every[p] > rows[p]) {
            return -1;
        }
        return next / every[p] - 1;
    }

    private void prepare(int step) {
        for (int p = 0; p < preparedRow.length; p++) {
            preparedRow[p] = row(p, step);
        }
        preparedStep = step;
    }

    @Override
    public void afterStep(Loihi1State state, int step) {
        // Every value is recorded per core; only the next step's rows are prepared here.
        prepare(step + 1);
    }

    /**
     * The recorded traces, in config probe order.
     *
     * @throws Loihi1EmulationException if a spike probe recorded more spikes than one array holds
     */
    List<Loihi1ProbeTrace> traces() throws Loihi1EmulationException {
        List<Loihi1ProbeTrace> out = new ArrayList<>();
        for (int p = 0; p < probes.size(); p++) {
            Loihi1Probe probe = probes.get(p);
            if (variable[p] == VAR_SPIKES) {
                out.add(spikeTrace(p));
            } else {
                out.add(Loihi1ProbeTrace.dense(probe.name(), probe.variable(), probe.every(), probe.chip().clone(),
                        probe.core().clone(), probe.compartment().clone(), rows[p], values[p]));
            }
        }
        return out;
    }

    /**
     * Probe {@code p}'s spikes from every core's buffer, counted per row, placed, and sorted by
     * column within each row: the same trace whichever cores ran where.
     */
    private Loihi1ProbeTrace spikeTrace(int p) throws Loihi1EmulationException {
        Loihi1Probe probe = probes.get(p);
        int[] start = new int[rows[p] + 1];
        long total = 0;
        for (int c = 0; c < groupProbe.length; c++) {
            int r = group(c, p);
            if (r < 0) {
                continue;
            }
            int[] row = spikeRow[c][r];
            for (int k = 0; k < spikeCount[c][r]; k++) {
                start[row[k] + 1]++;
            }
            total += spikeCount[c][r];
        }
        if (total > MAX_ARRAY) {
            throw new Loihi1EmulationException("spike probe '" + probe.name() + "' recorded " + total
                    + " spikes, more than one array holds: probe fewer compartments (spikes.npy of the run has them all)");
        }
        for (int k = 0; k < rows[p]; k++) {
            start[k + 1] += start[k];
        }
        int[] fill = Arrays.copyOf(start, rows[p]);
        int[] column = new int[(int) total];
        for (int c = 0; c < groupProbe.length; c++) {
            int r = group(c, p);
            if (r < 0) {
                continue;
            }
            int[] row = spikeRow[c][r];
            int[] col = spikeColumn[c][r];
            for (int k = 0; k < spikeCount[c][r]; k++) {
                column[fill[row[k]]++] = col[k];
            }
        }
        for (int k = 0; k < rows[p]; k++) {
            if (start[k + 1] - start[k] > 1) {
                Arrays.sort(column, start[k], start[k + 1]);
            }
        }
        return Loihi1ProbeTrace.spikes(probe.name(), probe.every(), probe.chip().clone(), probe.core().clone(),
                probe.compartment().clone(), rows[p], start, column);
    }

    /**
     * The ints the recorded values occupy now: the state probes' matrices and the spike buffers'
     * capacity (what a test checks to see that spike probes stay sparse).
     */
    long heldInts() {
        long n = 0;
        for (int[] v : values) {
            n += v == null ? 0 : v.length;
        }
        for (int c = 0; c < spikeRow.length; c++) {
            for (int r = 0; r < spikeRow[c].length; r++) {
                n += spikeRow[c][r] == null ? 0 : spikeRow[c][r].length + spikeColumn[c][r].length;
            }
        }
        return n;
    }

    /** The group of probe {@code p} on core {@code c}, or -1 if the probe has no target there. */
    private int group(int c, int p) {
        for (int r = 0; r < groupProbe[c].length; r++) {
            if (groupProbe[c][r] == p) {
                return r;
            }
        }
        return -1;
    }
}
