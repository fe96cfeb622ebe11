package io.neuromap.emulator.loihi1;

import io.neuromap.backends.loihi1.Loihi1FixedPoint;
import io.neuromap.backends.loihi1.Loihi1LavaWeights;
import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1SignMode;
import io.neuromap.backends.loihi1.config.Loihi1Arithmetic;
import io.neuromap.backends.loihi1.config.Loihi1CoreConfig;
import io.neuromap.backends.loihi1.config.Loihi1CurrentScale;
import io.neuromap.backends.loihi1.config.Loihi1CurrentStimuli;
import io.neuromap.backends.loihi1.config.Loihi1SynapseFormatEntry;
import io.neuromap.backends.loihi1.config.Loihi1Synapses;
import java.util.List;

/**
 * The input side of every core: the synapse lists of its input axons and its dendritic
 * accumulators, a ring of {@code 2^delay_bits} slots, one per future step.
 *
 * <pre>
 *   ring of core c (int[], slots x lanes x compartments):
 *   +-------- slot (t + 0) & mask --------+-------- slot (t + 1) & mask --------+ ...
 *   | lane 0: cx 0 .. n-1 | lane 1: ...   | lane 0: cx 0 .. n-1 | ...          |
 *   +-------------------------------------+-------------------------------------+
 * </pre>
 *
 * A spike reaching input axon {@code a} in step t adds each synapse's weight into slot
 * {@code (t + delay) & mask}; the compartment update of step t reads and clears slot
 * {@code t & mask}. Synapses are stored in CSR per input axon: {@code axonStart[a] ..
 * axonStart[a + 1] - 1}, each with its weight as it enters the accumulator and its offset from the
 * start of the current slot ({@code delay * stride + lane * n + compartment}), so delivering one
 * synaptic event is a load, an add and a store.
 *
 * <p>Weights are resolved once: the stored mantissa is clipped and truncated as the synapse's
 * format says (Lava's {@code clip_weights} then {@code truncate_weights}, which are the chip's), then
 * scaled for the arithmetic: nengo-loihi adds {@code (w >> -e or w << e) << 6} per weight (the
 * chip's two-part shift, so the value is a multiple of 2^6) into one lane; Lava shifts the
 * <em>sum</em> per format, so a format with a negative exponent gets a lane of its own and is
 * shifted when read ({@link Loihi1LavaKernel}).
 *
 * <p>Spikes to deliver arrive in each core's inbox (input axon ids) during the serial exchange
 * after a step; {@link #deliver} and {@link #inject} run on the core's worker at the start of the
 * next step and touch only the core's own arrays.
 *
 * @see "specs/loihi1.md §1.2 (weights), §2.3; specs/loihi1-compartments-reward.md §3.4 (accumulators)"
 */
final class Loihi1Dendrites {

    /** Longs per core in {@link #events}: one cache line. */
    private static final int STRIDE = 8;

    final int[][] rings;
    private final int[] slotMask;
    private final int[] stride;
    /** Lanes per core (1 under nengo-loihi). */
    final int[] lanes;
    /** Right shift of each lane's sum per core (lane 0: 0). */
    final int[][] laneShift;
    private final int[][] axonStart;
    private final int[][] synapseOffset;
    private final int[][] synapseWeight;
    final int[][] inbox;
    final int[] inboxCount;
    private final long[] events;
    private final int[][] injectStep;
    private final int[][] injectCompartment;
    private final int[][] injectValue;
    private final int[] injectCursor;
    /** Full-scale current stimuli under Lava (added to u unshifted), by global compartment; null when none. */
    final int[] fullScaleInput;
    private final int[] offsets;

    Loihi1Dendrites(List<Loihi1CoreConfig> cores, int[] offsets, Loihi1Arithmetic arithmetic,
            Loihi1CurrentStimuli current, int[] currentCore, int[] inboxCapacity) {
        int count = cores.size();
        this.offsets = offsets;
        rings = new int[count][];
        slotMask = new int[count];
        stride = new int[count];
        lanes = new int[count];
        laneShift = new int[count][];
        axonStart = new int[count][];
        synapseOffset = new int[count][];
        synapseWeight = new int[count][];
        inbox = new int[count][];
        inboxCount = new int[count];
        events = new long[count * STRIDE];
        boolean lava = arithmetic == Loihi1Arithmetic.LAVA;
        for (int c = 0; c < count; c++) {
            buildCore(c, cores.get(c), lava);
            inbox[c] = new int[inboxCapacity[c]];
        }
        injectStep = new int[count][];
        injectCompartment = new int[count][];
        injectValue = new int[count][];
        injectCursor = new int[count];
        boolean full = lava && current.scale() == Loihi1CurrentScale.NENGO_FULL && current.count() > 0;
        fullScaleInput = full ? new int[offsets[count]] : null;
        splitInjections(current, currentCore, count, lava);
    }

    private void buildCore(int c, Loihi1CoreConfig core, boolean lava) {
        int n = core.compartmentCount();
        int[] laneOfFormat = new int[Loihi1Limits.SYNAPSE_FORMAT_ENTRIES_PER_CORE];
        int[] shifts = new int[Loihi1Limits.SYNAPSE_FORMAT_ENTRIES_PER_CORE];
        int laneCount = 1;
        if (lava) {
            for (Loihi1SynapseFormatEntry entry : core.synapseFormats()) {
                int exp = entry.format().weightExp();
                if (exp < 0) {
                    laneOfFormat[entry.id()] = laneCount;
                    shifts[laneCount++] = -exp;
                }
            }
        }
        int slots = 1 << core.singletons().delayBits();
        lanes[c] = laneCount;
        laneShift[c] = java.util.Arrays.copyOf(shifts, laneCount);
        stride[c] = laneCount * n;
        slotMask[c] = slots - 1;
        rings[c] = new int[slots * laneCount * n];

        Loihi1Synapses synapses = core.synapses();
        int total = synapses.count();
        int[] weight = new int[total];
        int[] offset = new int[total];
        int entries = Loihi1Limits.SYNAPSE_FORMAT_ENTRIES_PER_CORE;
        Loihi1SignMode[] modeOf = new Loihi1SignMode[entries];
        int[] bitsOf = new int[entries];
        int[] expOf = new int[entries];
        for (Loihi1SynapseFormatEntry entry : core.synapseFormats()) {
            modeOf[entry.id()] = entry.signMode();
            bitsOf[entry.id()] = entry.numWeightBits();
            expOf[entry.id()] = entry.format().weightExp();
        }
        byte[] format = synapses.format();
        short[] target = synapses.compartment();
        short[] stored = synapses.weight();
        byte[] delay = synapses.delay();
        for (int s = 0; s < total; s++) {
            int f = format[s];
            int exp = expOf[f];
            int w = Loihi1LavaWeights.denseWeight(stored[s], modeOf[f], bitsOf[f]);
            int lane = 0;
            if (!lava) {
                w = (int) Loihi1FixedPoint.shift(Loihi1FixedPoint.shift(w, exp), Loihi1Limits.ACTIVATION_SHIFT);
            } else if (exp >= 0) {
                w <<= exp;
            } else {
                lane = laneOfFormat[format[s]];
            }
            weight[s] = w;
            offset[s] = delay[s] * stride[c] + lane * n + target[s];
        }
        axonStart[c] = synapses.axonStart();
        synapseOffset[c] = offset;
        synapseWeight[c] = weight;
    }

    private void splitInjections(Loihi1CurrentStimuli current, int[] currentCore, int count, boolean lava) {
        int[] perCore = new int[count];
        for (int r = 0; r < current.count(); r++) {
            perCore[currentCore[r]]++;
        }
        for (int c = 0; c < count; c++) {
            injectStep[c] = new int[perCore[c]];
            injectCompartment[c] = new int[perCore[c]];
            injectValue[c] = new int[perCore[c]];
        }
        // Lava's raw a_in is worth 2^6 full-scale units; nengo-loihi's q is full scale.
        int shift = !lava && current.scale() == Loihi1CurrentScale.LAVA_RAW ? Loihi1Limits.ACTIVATION_SHIFT : 0;
        int[] fill = new int[count];
        for (int r = 0; r < current.count(); r++) {
            int c = currentCore[r];
            int k = fill[c]++;
            injectStep[c][k] = current.step()[r];
            injectCompartment[c][k] = current.compartment()[r];
            injectValue[c][k] = current.value()[r] << shift;
        }
    }

    /** Start of the ring slot that step {@code step} reads. */
    int slotBase(int core, int step) {
        return (step & slotMask[core]) * stride[core];
    }

    /**
     * Delivers the spikes in the core's inbox (fired in the previous step) through their input
     * axons' synapses into the ring slots of steps {@code step + delay}, and empties the inbox.
     */
    void deliver(int core, int step) {
        final int count = inboxCount[core];
        if (count == 0) {
            return;
        }
        final int[] ring = rings[core];
        final int size = ring.length;
        final int base = slotBase(core, step);
        final int[] start = axonStart[core];
        final int[] offset = synapseOffset[core];
        final int[] weight = synapseWeight[core];
        final int[] box = inbox[core];
        long delivered = 0;
        for (int k = 0; k < count; k++) {
            final int axon = box[k];
            final int end = start[axon + 1];
            int s = start[axon];
            delivered += end - s;
            for (; s < end; s++) {
                int pos = base + offset[s];
                // pos < 2 * size: subtract size once, without a branch, when the delay wraps the ring.
                pos -= size & ((size - 1 - pos) >> 31);
                ring[pos] += weight[s];
            }
        }
        inboxCount[core] = 0;
        events[core * STRIDE] += delivered;
    }

    /** Adds the core's current stimuli of step {@code step} to this step's input. */
    void inject(int core, int step) {
        final int[] steps = injectStep[core];
        int k = injectCursor[core];
        if (k >= steps.length || steps[k] > step) {
            return;
        }
        final int[] cx = injectCompartment[core];
        final int[] value = injectValue[core];
        if (fullScaleInput != null) {
            final int off = offsets[core];
            for (; k < steps.length && steps[k] <= step; k++) {
                fullScaleInput[off + cx[k]] += value[k];
            }
        } else {
            final int[] ring = rings[core];
            final int base = slotBase(core, step);
            for (; k < steps.length && steps[k] <= step; k++) {
                ring[base + cx[k]] += value[k];
            }
        }
        injectCursor[core] = k;
    }

    /**
     * The resolved weights of core {@code core}'s synapses, as delivery adds them; the learning
     * phase ({@link Loihi1LearningCore}) writes learned weights into it between steps.
     */
    int[] weights(int core) {
        return synapseWeight[core];
    }

    /** Synaptic events (synapses a delivered spike reached) so far, over all cores. */
    long events() {
        long sum = 0;
        for (int i = 0; i < events.length; i += STRIDE) {
            sum += events[i];
        }
        return sum;
    }
}
