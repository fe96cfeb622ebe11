package io.neuromap.emulator.loihi1;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.config.Loihi1Probe;
import io.neuromap.backends.loihi1.config.Loihi1ProbeVariable;
import java.util.ArrayList;
import java.util.List;

/**
 * Records a config's probes for a run of known length into preallocated int arrays, one
 * row-major {@code rows x columns} array per probe. Each probe target is filed under its core and
 * grouped by probe, so the worker that updated a core records that core's columns
 * ({@link #afterCore}) with one test per probe whether this step is recorded, and cores never
 * write the same element.
 */
final class Loihi1ProbeBuffers implements Loihi1Recorder {

    private static final int VAR_INPUT = 0;
    private static final int VAR_CURRENT = 1;
    private static final int VAR_VOLTAGE = 2;
    private static final int VAR_SPIKES = 3;

    private final List<Loihi1Probe> probes;
    private final int[] every;
    private final int[] rows;
    private final int[] variable;
    private final int[] columns;
    private final int[][] values;
    /**
     * Per probe, where the row of step {@link #preparedStep} starts in its values, or -1 if that
     * step is not recorded: computed once per step on the stepping thread ({@link #afterStep}), so
     * the per-core recording does no division.
     */
    private final int[] rowBase;
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
     * {@code firedColumn[c][r]}). A spike row is all zeros but for the compartments that fired, so
     * the recorder writes the ones from the core's fired list instead of copying every target.
     */
    private final int[][][] firedStart;
    private final int[][][] firedColumn;

    /**
     * @param probes the config's probes
     * @param state the emulator's layout (to find each target's core)
     * @param steps the steps the run will compute
     * @throws Loihi1EmulationException if a probe would record more values than an array holds
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
        rowBase = new int[count];
        int[][] perCore = new int[cores][count];
        for (int p = 0; p < count; p++) {
            Loihi1Probe probe = this.probes.get(p);
            every[p] = probe.every();
            rows[p] = steps / probe.every();
            variable[p] = code(probe.variable());
            columns[p] = probe.count();
            long size = (long) rows[p] * probe.count();
            if (size > Integer.MAX_VALUE - 8) {
                throw new Loihi1EmulationException("probe '" + probe.name() + "' would record " + size
                        + " values in " + steps + " steps, more than one array holds: record every few steps (every) "
                        + "or probe fewer compartments");
            }
            values[p] = new int[(int) size];
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
        for (int c = 0; c < cores; c++) {
            int groups = groupProbe[c].length;
            firedStart[c] = new int[groups][];
            firedColumn[c] = new int[groups][];
            for (int r = 0; r < groups; r++) {
                if (variable[groupProbe[c][r]] == VAR_SPIKES) {
                    invert(state, c, r);
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
        int[] fill = java.util.Arrays.copyOf(start, n);
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
            final int base = prepared ? rowBase[p] : rowBase(p, step);
            if (base < 0) {
                continue;
            }
            final int kind = variable[p];
            if (kind == VAR_SPIKES) {
                final int count = state.firedCount[core];
                if (count > 0) {
                    // The row is still all zeros: write the ones.
                    recordFired(state.fired[core], count, firedStart[core][r], firedColumn[core][r], values[p], base);
                }
                continue;
            }
            state.publish(core, targetCompartment[core], groupStart[core][r], groupStart[core][r + 1]);
            final int[] values = kind == VAR_INPUT ? state.input : kind == VAR_CURRENT ? state.current : state.voltage;
            copy(values, targetCompartment[core], targetColumn[core], groupStart[core][r], groupStart[core][r + 1],
                    this.values[p], base);
        }
    }

    private static void recordFired(int[] fired, int count, int[] from, int[] to, int[] out, int base) {
        for (int k = 0; k < count; k++) {
            final int i = fired[k];
            for (int j = from[i]; j < from[i + 1]; j++) {
                out[base + to[j]] = 1;
            }
        }
    }

    private static void copy(int[] from, int[] compartment, int[] column, int start, int end, int[] out, int base) {
        for (int k = start; k < end; k++) {
            out[base + column[k]] = from[compartment[k]];
        }
    }

    /** Where probe {@code p}'s row of step {@code step} starts, or -1 if the step is not recorded. */
    private int rowBase(int p, int step) {
        final int next = step + 1;
        if (next % every[p] != 0 || next / every[p] > rows[p]) {
            return -1;
        }
        return (next / every[p] - 1) * columns[p];
    }

    private void prepare(int step) {
        for (int p = 0; p < rowBase.length; p++) {
            rowBase[p] = rowBase(p, step);
        }
        preparedStep = step;
    }

    @Override
    public void afterStep(Loihi1State state, int step) {
        // Every value is recorded per core; only the next step's rows are prepared here.
        prepare(step + 1);
    }

    /** The recorded traces, in config probe order. */
    List<Loihi1ProbeTrace> traces() {
        List<Loihi1ProbeTrace> out = new ArrayList<>();
        for (int p = 0; p < probes.size(); p++) {
            Loihi1Probe probe = probes.get(p);
            out.add(new Loihi1ProbeTrace(probe.name(), probe.variable(), probe.every(), probe.chip().clone(),
                    probe.core().clone(), probe.compartment().clone(), rows[p], values[p]));
        }
        return out;
    }
}
