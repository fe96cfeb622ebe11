package io.neuromap.emulator.loihi1;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.Loihi1Limits;
import java.util.Arrays;

/**
 * The compartment state of every core of an emulated Loihi 1 system, as a structure of arrays:
 * one array per state variable covering all compartments of all cores, core {@code c} owning
 * the slice {@code offset(c) .. offset(c + 1) - 1} (compartment {@code i} of core {@code c} is
 * global index {@code offset(c) + i}). Cores are numbered in config order (chips in order, their
 * cores in order).
 *
 * <p>Why arrays and not compartment objects: a step touches every compartment, and a million
 * compartments must fit and stream through the cache (STYLE item 13). The kernels read and write
 * the package-private arrays directly; recorders read through the accessors, which the JIT
 * inlines.
 *
 * <p>Values are those after the last completed step: {@code current} is u, {@code voltage} v (0 on
 * a spike step and while refractory), {@code input} the synaptic input of the step (q after its
 * wrap under nengo-loihi, {@code a_in} under Lava), {@code spiked} whether the compartment emitted
 * a spike.
 *
 * <p>The kernel may keep some cores' u, v, input and refractory counters in arrays of its own
 * between reads ({@link Loihi1PairLanes}): code that reads those four arrays directly first calls
 * {@link #publish(int, int[], int, int)} for the compartments it reads (on the thread that stepped
 * their core) or {@link #publishAll()} (on the stepping thread, between steps). The accessors do. Spike bits and fired lists are always
 * current.
 */
public final class Loihi1State {

    private static final int CORE_IDS = Loihi1Limits.CORES_PER_CHIP;

    final int[] chipIds;
    final int[] coreIds;
    final int[] offsets;
    final int[] current;
    final int[] voltage;
    final int[] input;
    final int[] refractory;
    final byte[] spiked;
    final int[][] fired;
    final int[] firedCount;
    /**
     * Core index by {@code chip * CORE_IDS + core}, -1 where the config has no such core: a
     * table, not a map, since loading a large config looks up a core for every output axon.
     */
    private final int[] coreIndex;
    /** The kernel's cores whose state it keeps elsewhere between reads, or null. */
    private Deferred deferred;
    /** Whether a step ran since the last {@link #publishAll()}. */
    private boolean stale;

    /** A kernel that keeps some cores' state in its own arrays and writes it here on request. */
    interface Deferred {
        /** Writes core {@code core}'s state into the arrays if it changed since the last call. */
        void publish(int core);

        /** Writes the state of global compartments {@code compartments[from .. to - 1]} of core {@code core}. */
        void publish(int core, int[] compartments, int from, int to);
    }

    /**
     * @param chipIds chip id of each core
     * @param coreIds core id (on its chip) of each core
     * @param offsets compartment offsets, {@code cores + 1} entries from 0 to the total
     */
    Loihi1State(int[] chipIds, int[] coreIds, int[] offsets) {
        this.chipIds = requireNonNull(chipIds, "chipIds is null");
        this.coreIds = requireNonNull(coreIds, "coreIds is null");
        this.offsets = requireNonNull(offsets, "offsets is null");
        if (coreIds.length != chipIds.length || offsets.length != chipIds.length + 1) {
            throw new IllegalArgumentException("layout arrays disagree on the number of cores");
        }
        int total = offsets[chipIds.length];
        this.current = new int[total];
        this.voltage = new int[total];
        this.input = new int[total];
        this.refractory = new int[total];
        this.spiked = new byte[total];
        this.fired = new int[chipIds.length][];
        this.firedCount = new int[chipIds.length];
        int chips = 0;
        for (int c = 0; c < chipIds.length; c++) {
            if (chipIds[c] < 0 || coreIds[c] < 0 || coreIds[c] >= CORE_IDS) {
                throw new IllegalArgumentException("chip " + chipIds[c] + " core " + coreIds[c] + " is not a core id");
            }
            chips = Math.max(chips, chipIds[c] + 1);
        }
        this.coreIndex = new int[chips * CORE_IDS];
        Arrays.fill(coreIndex, -1);
        for (int c = 0; c < chipIds.length; c++) {
            fired[c] = new int[offsets[c + 1] - offsets[c]];
            coreIndex[chipIds[c] * CORE_IDS + coreIds[c]] = c;
        }
    }

    /** Registers the kernel that keeps some cores' state between reads. */
    void defer(Deferred kernel) {
        this.deferred = requireNonNull(kernel, "kernel is null");
    }

    /** Called by the stepping thread after the cores' phase of a step. */
    void markStale() {
        stale = deferred != null;
    }

    /**
     * Brings the u, v, input and refractory counters of global compartments
     * {@code compartments[from .. to - 1]}, all of core {@code core}, up to date (a probe that
     * reads a few compartments of a large core every step).
     */
    void publish(int core, int[] compartments, int from, int to) {
        if (deferred != null) {
            deferred.publish(core, compartments, from, to);
        }
    }

    /** Brings every core's u, v, input and refractory counters up to date (stepping thread, between steps). */
    void publishAll() {
        if (stale) {
            for (int c = 0; c < chipIds.length; c++) {
                deferred.publish(c);
            }
            stale = false;
        }
    }

    /** Number of cores. */
    public int cores() {
        return chipIds.length;
    }

    /** Total number of compartments. */
    public int compartments() {
        return offsets[chipIds.length];
    }

    /** Chip id of core {@code core}. */
    public int chipId(int core) {
        return chipIds[core];
    }

    /** Core id (on its chip) of core {@code core}. */
    public int coreId(int core) {
        return coreIds[core];
    }

    /** Global index of compartment 0 of core {@code core}. */
    public int offset(int core) {
        return offsets[core];
    }

    /** Number of compartments of core {@code core}. */
    public int compartments(int core) {
        return offsets[core + 1] - offsets[core];
    }

    /** The core index of (chip, core), or -1 if the system has no such core. */
    public int coreIndex(int chipId, int coreId) {
        if (chipId < 0 || coreId < 0 || coreId >= CORE_IDS || chipId >= coreIndex.length / CORE_IDS) {
            return -1;
        }
        return coreIndex[chipId * CORE_IDS + coreId];
    }

    /** The current u of global compartment {@code g}. */
    public int current(int g) {
        publishAll();
        return current[g];
    }

    /** The voltage v of global compartment {@code g}. */
    public int voltage(int g) {
        publishAll();
        return voltage[g];
    }

    /** The synaptic input of the last step of global compartment {@code g}. */
    public int synapticInput(int g) {
        publishAll();
        return input[g];
    }

    /** The refractory counter of global compartment {@code g} (0 when not refractory). */
    public int refractoryCount(int g) {
        publishAll();
        return refractory[g];
    }

    /** Whether global compartment {@code g} emitted a spike in the last step: 1 or 0. */
    public int spiked(int g) {
        return spiked[g];
    }

    /** How many compartments of core {@code core} emitted a spike in the last step. */
    public int firedCount(int core) {
        return firedCount[core];
    }

    /** The {@code i}-th compartment (core-local index, ascending) of core {@code core} that spiked. */
    public int fired(int core, int i) {
        return fired[core][i];
    }
}
