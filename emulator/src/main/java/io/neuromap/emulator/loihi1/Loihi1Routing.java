package io.neuromap.emulator.loihi1;

import io.neuromap.backends.loihi1.config.Loihi1CoreConfig;
import io.neuromap.backends.loihi1.config.Loihi1OutputAxons;
import io.neuromap.backends.loihi1.config.Loihi1SpikeStimuli;
import java.util.List;

/**
 * Where spikes go: every compartment's output axons (CSR by global compartment index, each naming
 * a target core index and input axon), from which {@link Loihi1Dendrites} builds its per-source
 * fan-out, and the spike stimuli (ordered by step), which {@link #exchange} appends to the target
 * cores' inboxes after every core has finished a step; the next step delivers both. That is the
 * one-step axon latency of both reference emulators (a spike fired in step k reaches its synapses
 * in step k + 1).
 *
 * <p>Output axons into a learning core are the exception: their spikes go through the target's
 * inbox as stimuli do (the exchange walks the fired lists, cores in index order, compartments in
 * fired order, then the stimuli), because the core's learning phase registers the axons its
 * inbox names as pre spikes and, at the end of an epoch, delivers them before it changes the
 * weights ({@link Loihi1LearningPhase}). Every other output axon is in the fan-out only.
 *
 * <p>An inbox can hold every output axon into its core (a compartment fires at most once per
 * step) plus the most stimuli its core gets in one step, so the exchange never grows an array.
 *
 * @see "DESIGN.md §The chip config contract (spikes of step k delivered in step k + 1)"
 */
final class Loihi1Routing {

    /** Output-axon rows into cores that take compartment spikes in their fan-out, CSR by source. */
    private final int[] outStart;
    private final int[] outCore;
    private final int[] outAxon;
    /** Output-axon rows into cores that take compartment spikes through their inbox, CSR by source. */
    private final int[] inStart;
    private final int[] inCore;
    private final int[] inAxon;
    private final int[] stimulusStep;
    private final int[] stimulusCore;
    private final int[] stimulusAxon;
    private int stimulusCursor;
    /** Inbox sizes that {@link #exchange} can never exceed, per core. */
    final int[] inboxCapacity;

    /**
     * Routes the config's output axons and spike stimuli; compartment spikes into the cores
     * {@code viaInbox} marks go through the inboxes, all others through the fan-out.
     */
    Loihi1Routing(List<Loihi1CoreConfig> cores, Loihi1State layout, Loihi1SpikeStimuli spikes, boolean[] viaInbox) {
        int total = layout.compartments();
        outStart = new int[total + 1];
        inStart = new int[total + 1];
        int rows = 0;
        int inboxRows = 0;
        inboxCapacity = new int[cores.size()];
        // Counting sort by source compartment: rows are documented as ordered, but order them anyway.
        for (int c = 0; c < cores.size(); c++) {
            Loihi1OutputAxons out = cores.get(c).outputAxons();
            for (int r = 0; r < out.count(); r++) {
                int target = layout.coreIndex(out.chip()[r], out.core()[r]);
                int g = layout.offset(c) + out.compartment()[r];
                if (viaInbox[target]) {
                    inStart[g + 1]++;
                    inboxRows++;
                    inboxCapacity[target]++;
                } else {
                    outStart[g + 1]++;
                    rows++;
                }
            }
        }
        for (int g = 0; g < total; g++) {
            outStart[g + 1] += outStart[g];
            inStart[g + 1] += inStart[g];
        }
        outCore = new int[rows];
        outAxon = new int[rows];
        inCore = new int[inboxRows];
        inAxon = new int[inboxRows];
        int[] fill = java.util.Arrays.copyOf(outStart, total);
        int[] inFill = java.util.Arrays.copyOf(inStart, total);
        for (int c = 0; c < cores.size(); c++) {
            Loihi1OutputAxons out = cores.get(c).outputAxons();
            for (int r = 0; r < out.count(); r++) {
                int target = layout.coreIndex(out.chip()[r], out.core()[r]);
                int g = layout.offset(c) + out.compartment()[r];
                if (viaInbox[target]) {
                    int slot = inFill[g]++;
                    inCore[slot] = target;
                    inAxon[slot] = out.axon()[r];
                } else {
                    int slot = fill[g]++;
                    outCore[slot] = target;
                    outAxon[slot] = out.axon()[r];
                }
            }
        }
        int n = spikes.count();
        long[] keys = new long[n];
        for (int r = 0; r < n; r++) {
            keys[r] = ((long) spikes.step()[r] << Integer.SIZE) | r;
        }
        // Rows are documented as ordered by step; a stable sort keeps hand-written configs working.
        java.util.Arrays.sort(keys);
        stimulusStep = new int[n];
        stimulusCore = new int[n];
        stimulusAxon = new int[n];
        for (int k = 0; k < n; k++) {
            int r = (int) keys[k];
            stimulusStep[k] = spikes.step()[r];
            stimulusCore[k] = layout.coreIndex(spikes.chip()[r], spikes.core()[r]);
            stimulusAxon[k] = spikes.axon()[r];
        }
        int[] perCore = new int[cores.size()];
        int[] stimulusMax = new int[cores.size()];
        int r = 0;
        while (r < n) {
            int step = stimulusStep[r];
            int first = r;
            for (; r < n && stimulusStep[r] == step; r++) {
                perCore[stimulusCore[r]]++;
            }
            for (int k = first; k < r; k++) {
                int c = stimulusCore[k];
                stimulusMax[c] = Math.max(stimulusMax[c], perCore[c]);
            }
            for (int k = first; k < r; k++) {
                perCore[stimulusCore[k]] = 0;
            }
        }
        for (int c = 0; c < cores.size(); c++) {
            inboxCapacity[c] += stimulusMax[c];
        }
    }

    /**
     * Fan-out output-axon rows of global compartment {@code g} (those not into an inbox core):
     * {@code rowStart(g) .. rowStart(g + 1) - 1}.
     */
    int rowStart(int g) {
        return outStart[g];
    }

    /** Target core index of output-axon row {@code r}. */
    int rowCore(int r) {
        return outCore[r];
    }

    /** Target input axon of output-axon row {@code r}. */
    int rowAxon(int r) {
        return outAxon[r];
    }

    /**
     * Routes the spikes fired in step {@code step} into inbox cores and the spike stimuli of step
     * {@code step} into the inboxes of their target cores, for delivery in step {@code step + 1}.
     * Spikes fired into any other core do not pass through the inboxes:
     * {@link Loihi1Dendrites#deliverFired} takes them from the fired lists.
     */
    void exchange(int step, Loihi1State state, Loihi1Dendrites dendrites) {
        final int[][] inbox = dendrites.inbox;
        final int[] inboxCount = dendrites.inboxCount;
        if (inCore.length > 0) {
            for (int c = 0, cores = state.cores(); c < cores; c++) {
                final int count = state.firedCount[c];
                final int[] fired = state.fired[c];
                final int off = state.offsets[c];
                for (int k = 0; k < count; k++) {
                    final int g = off + fired[k];
                    for (int r = inStart[g]; r < inStart[g + 1]; r++) {
                        final int target = inCore[r];
                        inbox[target][inboxCount[target]++] = inAxon[r];
                    }
                }
            }
        }
        int r = stimulusCursor;
        while (r < stimulusStep.length && stimulusStep[r] <= step) {
            final int target = stimulusCore[r];
            inbox[target][inboxCount[target]++] = stimulusAxon[r];
            r++;
        }
        stimulusCursor = r;
    }
}
