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
import java.util.Arrays;
import java.util.List;

/**
 * The input side of every core: the synapse lists of its input axons and its dendritic
 * accumulators, a ring of slots, one per future step.
 *
 * <pre>
 *   ring: one int[] per slot, each covering every core's accumulators (lanes x compartments):
 *   slot (t + d) & mask:  | core 0: lane 0: cx 0 .. n0-1, lane 1 ... | core 1: lane 0 ... | ...
 *                          ^ laneBase[0]                             ^ laneBase[1]
 * </pre>
 *
 * A spike reaching input axon {@code a} in step t adds each synapse's weight into slot
 * {@code (t + delay) & mask} at the synapse's position ({@code laneBase[core] + lane * n +
 * compartment}); the compartment update of step t reads and clears slot {@code t & mask} (the
 * pair lanes clear it in step t + 1, keeping it one step as the probed input). All cores share one
 * slot count: the smallest power of two above the longest delay of any synapse (plus one with pair
 * lanes), which is all a slot needs to be read before it is written again. Not the chip's
 * {@code 2^delay_bits}: a ring longer than the delays only cycles through more memory (a
 * 100,000-neuron CUBA network with one-step delays and 3 delay bits swept 6.4 MB of slots instead
 * of 1.6 MB).
 * Under nengo-loihi every core has one lane, so a compartment's accumulator in a slot sits at its
 * global index: the update loops index the slot, the state and the parameters alike, which is
 * what lets C2 vectorise them ({@link Loihi1NengoLoihiKernel}). Groups of pair cores updated in
 * pair lanes ({@link Loihi1PairLanes}) have two more rings, one entry per pair: the auxiliaries'
 * and the somas' accumulators ({@link Loihi1CoreRuns#accumulator}), indexed like the lanes' state.
 *
 * <p>Synapses are stored in CSR per input axon ({@code axonStart[a] .. axonStart[a + 1] - 1});
 * their weights, as they enter the accumulator, live in one flat array {@link #weight}, core
 * {@code c}'s synapse {@code s} at {@link #weightIndex}{@code (c, s)}. The order is the fan-out's:
 * synapses in the order the spikes of compartment 0, 1, ... reach them, then those only stimuli
 * reach, so a delivered spike reads its weights from consecutive memory. That array is the only
 * copy of the weights: a phase between steps may rewrite it (on-chip learning), and every later
 * delivery reads the new values.
 *
 * <p>Two paths deliver spikes, both at the start of the next step. Spikes fired by compartments go
 * source-major ({@link #deliverFired}, on the stepping thread): every compartment's fan-out (each
 * synapse its output axons reach, with its position, delay and weight index) is resolved once, so
 * a spike walks one contiguous list instead of chasing target core, axon, synapse list and weight
 * through four arrays. Spike stimuli, and compartment spikes into a learning core (whose learning
 * phase needs them per input axon, see {@link Loihi1Routing}), go through their cores' inboxes
 * ({@link #deliver}, on the core's worker). Accumulation is integer addition, so neither the order of the two paths nor
 * the order of spikes within them changes a single bit.
 *
 * <p>Weights are resolved once: the stored mantissa is clipped and truncated as the synapse's
 * format says (Lava's {@code clip_weights} then {@code truncate_weights}, which are the chip's), then
 * scaled for the arithmetic: nengo-loihi adds {@code (w >> -e or w << e) << 6} per weight (the
 * chip's two-part shift, so the value is a multiple of 2^6) into one lane; Lava shifts the
 * <em>sum</em> per format, so a format with a negative exponent gets a lane of its own and is
 * shifted when read ({@link Loihi1LavaKernel}).
 *
 * @see "specs/loihi1.md §1.2 (weights), §2.3; specs/loihi1-compartments-reward.md §3.4 (accumulators)"
 */
final class Loihi1Dendrites {

    /** Fewest fan-out entries per segment, on average over a source, for delivery by segments. */
    private static final int SEGMENT_MIN = 32;
    /** Longs per core in {@link #stimulusEvents}: one cache line. */
    private static final int STRIDE = 8;

    /** The ring: {@code slots} arrays of {@code laneBase[cores]} accumulators. */
    final int[][] ring;
    /**
     * The accumulators of the pair lanes' auxiliaries and somas ({@link Loihi1CoreRuns#accumulator}):
     * {@code slots} arrays of one entry per pair each (none when no group is in lanes).
     */
    private final int[][] auxRing;
    private final int[][] somaRing;
    /** {@link #ring}, {@link #auxRing}, {@link #somaRing}, by a fan-out segment's kind. */
    private final int[][][] rings;
    private final int slotMask;
    /**
     * Per slot, the OR of {@code v ^ (v >> 31)} (|v|, or |v| - 1 for a negative v) over every value
     * {@link #deliverFired} has left in an entry of {@link #auxRing} or {@link #somaRing} since the
     * slot was last read: at least the magnitude of each of the slot's pair accumulators, so the
     * pair lanes bound their input without a pass over it ({@link #laneMagnitudes}).
     */
    private final int[] firedMagnitudes;
    /**
     * The same for what stimuli add ({@link #deliver}, {@link #inject}), per core and slot (index
     * {@code core * slots + slot}): those run on the core's worker, so each core keeps its own.
     */
    private final int[] stimulusMagnitudes;
    /** Start of each core's accumulators in a slot; entry {@code cores} is the slot length. */
    final int[] laneBase;
    /** Lanes per core (1 under nengo-loihi). */
    final int[] lanes;
    /** Right shift of each lane's sum per core (lane 0: 0). */
    final int[][] laneShift;
    /**
     * Every synapse's weight as it enters the accumulator, all cores in one array (core {@code c}'s
     * synapse {@code s} at {@link #weightIndex}{@code (c, s)}); mutable between steps.
     */
    final int[] weight;
    /** Where each core's synapses sit in {@link #weight}, by core-local synapse index. */
    private final int[][] synapseIndex;
    private final int[][] axonStart;
    private final int[][] synapsePosition;
    private final byte[][] synapseDelay;
    private final int[] fanStart;
    private final int[] fanPosition;
    private final int[] fanSynapse;
    /** Each fan-out entry's delay (read only for sources without segments). */
    private final byte[] fanDelay;
    /**
     * Each compartment's fan-out is sorted by delay and ring and cut into segments of one delay
     * and ring: source {@code g}'s segments are {@code segmentStart[g] .. segmentStart[g + 1] - 1},
     * segment {@code k} ending at fan-out entry {@code segmentEnd[k]} with delay
     * {@code segmentDelay[k]}; so delivery looks up one ring slot per segment, not per synapse. A
     * source whose segments would average fewer than {@link #SEGMENT_MIN} entries (random delays)
     * has none: its entries keep their own delay ({@link #fanDelay}) and ring in their position
     * ({@link Loihi1CoreRuns#accumulator}'s code), as a loop over short segments costs more than it saves.
     */
    private final int[] segmentStart;
    private final int[] segmentEnd;
    private final byte[] segmentDelay;
    /** The ring a segment's accumulators are in: 0 the main ring, 1 the auxiliaries', 2 the somas'. */
    private final byte[] segmentKind;
    /**
     * Whether fan-out entry e reaches weight e (each synapse reached once, numbered in fan-out
     * order: every network whose axons each carry one compartment's spikes), so delivery can skip
     * the index.
     */
    private final boolean fanInOrder;
    final int[][] inbox;
    final int[] inboxCount;
    private long events;
    /** Events delivered from stimuli, per core ({@link #STRIDE} longs apart: written by the cores' workers). */
    private final long[] stimulusEvents;
    private final int[][] injectStep;
    private final int[][] injectCompartment;
    private final int[][] injectValue;
    private final int[] injectCursor;
    /** Full-scale current stimuli under Lava (added to u unshifted), by global compartment; null when none. */
    final int[] fullScaleInput;
    private final int[] offsets;
    /** {@link Loihi1CoreRuns#accumulator}, or null. */
    private final int[] accumulator;

    /**
     * @param accumulator where each global compartment's accumulator sits
     *     ({@link Loihi1CoreRuns#accumulator}), or null: at its global index (nengo-loihi only)
     * @param pairs the pairs in pair-lane groups ({@link Loihi1CoreRuns#pairs})
     */
    Loihi1Dendrites(List<Loihi1CoreConfig> cores, int[] offsets, Loihi1Arithmetic arithmetic,
            Loihi1CurrentStimuli current, int[] currentCore, Loihi1Routing routing, int[] accumulator, int pairs) {
        int count = cores.size();
        this.offsets = offsets;
        this.accumulator = accumulator;
        if (accumulator != null && arithmetic == Loihi1Arithmetic.LAVA) {
            throw new IllegalArgumentException("Lava's lanes keep accumulators per core");
        }
        lanes = new int[count];
        laneShift = new int[count][];
        laneBase = new int[count + 1];
        synapseIndex = new int[count][];
        axonStart = new int[count][];
        synapsePosition = new int[count][];
        synapseDelay = new byte[count][];
        inbox = new int[count][];
        inboxCount = new int[count];
        stimulusEvents = new long[count * STRIDE];
        boolean lava = arithmetic == Loihi1Arithmetic.LAVA;
        int longest = 0;
        long totalSynapses = 0;
        int[][] laneOfFormat = new int[count][];
        for (int c = 0; c < count; c++) {
            Loihi1CoreConfig core = cores.get(c);
            laneOfFormat[c] = lanes(c, core, lava);
            laneBase[c + 1] = laneBase[c] + lanes[c] * core.compartmentCount();
            totalSynapses += core.synapses().count();
            longest = Math.max(longest, maxDelay(core.synapses()));
            inbox[c] = new int[routing.inboxCapacity[c]];
        }
        // The lanes clear a step's slot during the next step, so their rings keep one slot more.
        int slots = Math.max(1, Integer.highestOneBit(longest + (accumulator != null ? 1 : 0)) << 1);
        slotMask = slots - 1;
        ring = new int[slots][laneBase[count]];
        auxRing = new int[accumulator != null ? slots : 0][pairs];
        somaRing = new int[accumulator != null ? slots : 0][pairs];
        rings = new int[][][] {ring, auxRing, somaRing};
        firedMagnitudes = new int[slots];
        stimulusMagnitudes = new int[accumulator != null ? count * slots : 0];
        if (totalSynapses > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("more than 2^31 synapses");
        }
        int[][] resolved = new int[count][];
        for (int c = 0; c < count; c++) {
            resolved[c] = buildCore(c, cores.get(c), lava, laneOfFormat[c]);
        }
        fanStart = new int[offsets[count] + 1];
        int fans = countFanOut(routing, offsets[count]);
        fanPosition = new int[fans];
        fanSynapse = new int[fans];
        fanDelay = new byte[fans];
        segmentStart = new int[offsets[count] + 1];
        FanOutBuilder built = new FanOutBuilder(routing);
        int indexed = built.build(offsets[count]);
        segmentEnd = Arrays.copyOf(built.segmentEnds, built.segments);
        segmentDelay = Arrays.copyOf(built.segmentDelays, built.segments);
        segmentKind = Arrays.copyOf(built.segmentKinds, built.segments);
        fanInOrder = inOrder(fanSynapse);
        weight = new int[(int) totalSynapses];
        for (int c = 0; c < count; c++) {
            int[] index = synapseIndex[c];
            for (int s = 0; s < index.length; s++) {
                if (index[s] < 0) {
                    index[s] = indexed++;
                }
                weight[index[s]] = resolved[c][s];
            }
        }
        injectStep = new int[count][];
        injectCompartment = new int[count][];
        injectValue = new int[count][];
        injectCursor = new int[count];
        boolean full = lava && current.scale() == Loihi1CurrentScale.NENGO_FULL && current.count() > 0;
        fullScaleInput = full ? new int[offsets[count]] : null;
        splitInjections(current, currentCore, count, lava);
    }

    private static int maxDelay(Loihi1Synapses synapses) {
        int max = 0;
        for (byte d : synapses.delay()) {
            max = Math.max(max, d & 0xff);
        }
        return max;
    }

    /** Sets the core's lanes and shifts; returns the lane of each synapse format id. */
    private int[] lanes(int c, Loihi1CoreConfig core, boolean lava) {
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
        lanes[c] = laneCount;
        laneShift[c] = Arrays.copyOf(shifts, laneCount);
        return laneOfFormat;
    }

    /** Sets the core's synapse positions and delays; returns its weights as they enter the accumulator. */
    private int[] buildCore(int c, Loihi1CoreConfig core, boolean lava, int[] laneOfFormat) {
        int n = core.compartmentCount();
        Loihi1Synapses synapses = core.synapses();
        int total = synapses.count();
        int[] position = new int[total];
        byte[] delays = new byte[total];
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
        int[] resolved = new int[total];
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
            resolved[s] = w;
            position[s] = position(c, lane, n, target[s]);
            delays[s] = delay[s];
        }
        axonStart[c] = synapses.axonStart();
        synapsePosition[c] = position;
        synapseDelay[c] = delays;
        synapseIndex[c] = new int[total];
        Arrays.fill(synapseIndex[c], -1);
        return resolved;
    }

    /**
     * Where compartment {@code i} of core {@code c} (of {@code n}) sums lane {@code lane}: an index
     * of the main ring, or a pair lane's code ({@link Loihi1CoreRuns#accumulator}, negative).
     */
    private int position(int c, int lane, int n, int i) {
        return accumulator != null ? accumulator[offsets[c] + i] : laneBase[c] + lane * n + i;
    }

    /** Fills {@link #fanStart} with the fan-out counts' prefix sums; returns the total. */
    private int countFanOut(Loihi1Routing routing, int compartments) {
        long total = 0;
        for (int g = 0; g < compartments; g++) {
            for (int r = routing.rowStart(g); r < routing.rowStart(g + 1); r++) {
                int[] start = axonStart[routing.rowCore(r)];
                int axon = routing.rowAxon(r);
                total += start[axon + 1] - start[axon];
            }
            if (total > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("more than 2^31 synapses reachable from compartments");
            }
            fanStart[g + 1] = (int) total;
        }
        return (int) total;
    }

    /** The ring kind (0 main, 1 auxiliaries', 2 somas') of an accumulator position ({@link #position}). */
    private static int ringOf(int position) {
        return position >= 0 ? 0 : 1 + ((~position) & 1);
    }

    /** The index of an accumulator position in its ring. */
    private static int ringIndex(int position) {
        return position >= 0 ? position : (~position) >> 1;
    }

    /** A segment's sort key: delay, then ring. */
    private static int key(byte delay, int position) {
        return 3 * delay + ringOf(position);
    }

    /** Whether a source of {@code entries} fan-out entries in {@code keys} (delay, ring) keys is delivered by segments. */
    private static boolean segmented(int keys, int entries) {
        return keys <= 1 || entries >= SEGMENT_MIN * keys;
    }

    private static void clear(int[] count, int[] keys, int n) {
        for (int i = 0; i < n; i++) {
            count[keys[i]] = 0;
        }
    }

    /**
     * Builds the fan-out: each compartment's entries sorted by delay and ring (stably: a counting
     * sort over the keys), cut into segments where {@link #segmented} says so, and the synapses it
     * reaches numbered in its order. A compartment's synapses are read once, in routing order, into
     * scratch arrays, and sorted from there: they sit on many cores, and each read of a core's
     * tables is a cache miss (on the 100,000-neuron CUBA network, reading them three times, to count
     * keys, count segments and fill, took most of the emulator's construction).
     */
    private final class FanOutBuilder {
        private final Loihi1Routing routing;
        private final int[] count = new int[3 * (Byte.MAX_VALUE + 1)];
        private final int[] keys = new int[count.length];
        private int[] entryCore = new int[16];
        private int[] entrySynapse = new int[16];
        private int[] entryPosition = new int[16];
        private int[] entryKey = new int[16];
        private int[] sortedCore = new int[16];
        private int[] sortedSynapse = new int[16];
        int[] segmentEnds = new int[64];
        byte[] segmentDelays = new byte[64];
        byte[] segmentKinds = new byte[64];
        int segments;

        FanOutBuilder(Loihi1Routing routing) {
            this.routing = routing;
        }

        /** Fills the fan-out of compartments {@code 0 .. compartments - 1}; returns how many synapses it numbered. */
        int build(int compartments) {
            int indexed = 0;
            for (int g = 0; g < compartments; g++) {
                int base = fanStart[g];
                int n = fanStart[g + 1] - base;
                if (n > entryCore.length) {
                    grow(Math.max(n, 2 * entryCore.length));
                }
                int present = gather(g);
                boolean segmented = segmented(present, n);
                // count[key] becomes the next free entry of its key.
                int next = 0;
                for (int i = 0; i < present; i++) {
                    int k = keys[i];
                    int size = count[k];
                    count[k] = next;
                    next += size;
                    if (segmented) {
                        addSegment(base + next, k);
                    }
                }
                segmentStart[g + 1] = segments;
                for (int i = 0; i < n; i++) {
                    int k = count[entryKey[i]]++;
                    int position = entryPosition[i];
                    fanPosition[base + k] = segmented ? ringIndex(position) : position;
                    fanDelay[base + k] = (byte) (entryKey[i] / 3);
                    sortedCore[k] = entryCore[i];
                    sortedSynapse[k] = entrySynapse[i];
                }
                clear(count, keys, present);
                for (int k = 0; k < n; k++) {
                    int[] index = synapseIndex[sortedCore[k]];
                    int s = sortedSynapse[k];
                    if (index[s] < 0) {
                        index[s] = indexed++;
                    }
                    fanSynapse[base + k] = index[s];
                }
            }
            return indexed;
        }

        /**
         * Reads compartment {@code g}'s synapses into the entry arrays, counts them per (delay, ring)
         * key into {@link #count} (all zero on entry) and lists the keys present in {@link #keys},
         * ascending; returns how many.
         */
        private int gather(int g) {
            int present = 0;
            int e = 0;
            for (int r = routing.rowStart(g); r < routing.rowStart(g + 1); r++) {
                int c = routing.rowCore(r);
                int[] start = axonStart[c];
                int[] positions = synapsePosition[c];
                byte[] delays = synapseDelay[c];
                int axon = routing.rowAxon(r);
                for (int s = start[axon]; s < start[axon + 1]; s++, e++) {
                    int position = positions[s];
                    int k = key(delays[s], position);
                    entryCore[e] = c;
                    entrySynapse[e] = s;
                    entryPosition[e] = position;
                    entryKey[e] = k;
                    if (count[k]++ == 0) {
                        // Insertion sort: a compartment's fan-out has a few keys.
                        int j = present++;
                        while (j > 0 && keys[j - 1] > k) {
                            keys[j] = keys[j - 1];
                            j--;
                        }
                        keys[j] = k;
                    }
                }
            }
            return present;
        }

        private void addSegment(int end, int key) {
            if (segments == segmentEnds.length) {
                segmentEnds = Arrays.copyOf(segmentEnds, 2 * segments);
                segmentDelays = Arrays.copyOf(segmentDelays, 2 * segments);
                segmentKinds = Arrays.copyOf(segmentKinds, 2 * segments);
            }
            segmentEnds[segments] = end;
            segmentDelays[segments] = (byte) (key / 3);
            segmentKinds[segments++] = (byte) (key % 3);
        }

        private void grow(int size) {
            entryCore = new int[size];
            entrySynapse = new int[size];
            entryPosition = new int[size];
            entryKey = new int[size];
            sortedCore = new int[size];
            sortedSynapse = new int[size];
        }
    }

    private static boolean inOrder(int[] index) {
        for (int e = 0; e < index.length; e++) {
            if (index[e] != e) {
                return false;
            }
        }
        return true;
    }

    /** Where core {@code core}'s synapse {@code s} (core-local, the config's order) sits in {@link #weight}. */
    int weightIndex(int core, int s) {
        return synapseIndex[core][s];
    }

    /**
     * Where each of core {@code core}'s synapses sits in {@link #weight}, by core-local index (the
     * array itself, not a copy: callers read it). The learning and management phases write the
     * weights they change through it.
     */
    int[] weightIndices(int core) {
        return synapseIndex[core];
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

    /** The ring slot that step {@code step} reads. */
    int[] slot(int step) {
        return ring[step & slotMask];
    }

    /** The pair lanes' auxiliary accumulators that step {@code step} reads (entry k: pair k). */
    int[] auxSlot(int step) {
        return auxRing[step & slotMask];
    }

    /** The pair lanes' soma accumulators that step {@code step} reads. */
    int[] somaSlot(int step) {
        return somaRing[step & slotMask];
    }

    /**
     * A bound, as an OR of magnitudes ({@link #firedMagnitudes}), on every pair accumulator of cores
     * {@code first .. end - 1} that step {@code step} reads; forgets what those cores' stimuli added
     * to the slot, so that it is called once per step for each lane group, by its worker, before the
     * group reads the slot. Network-wide for spikes of compartments, so it may exceed the group's own
     * magnitudes, never fall below them.
     */
    int laneMagnitudes(int step, int first, int end) {
        final int slot = step & slotMask;
        final int slots = slotMask + 1;
        int any = firedMagnitudes[slot];
        for (int c = first; c < end; c++) {
            any |= stimulusMagnitudes[c * slots + slot];
            stimulusMagnitudes[c * slots + slot] = 0;
        }
        return any;
    }

    /**
     * Delivers the spikes fired in step {@code step - 1} (the fired lists of {@code state}) into
     * the ring slots of steps {@code step + delay}, through every firing compartment's fan-out.
     * Runs on the stepping thread before the cores' phase: it writes any core's accumulators.
     */
    void deliverFired(Loihi1State state, int step) {
        final int[][][] rings = this.rings;
        final int[][] ring = this.ring;
        // Without pair lanes every accumulator is in the main ring.
        final boolean main = accumulator == null;
        final int mask = slotMask;
        final int[] position = fanPosition;
        final int[] synapse = fanSynapse;
        final byte[] delay = fanDelay;
        final int[] w = weight;
        final int[] magnitudes = firedMagnitudes;
        // Step - 1's slot has been read; the next value written to it is for a step beyond the longest delay.
        magnitudes[(step - 1) & mask] = 0;
        long delivered = 0;
        for (int c = 0, cores = state.cores(); c < cores; c++) {
            final int count = state.firedCount[c];
            if (count == 0) {
                continue;
            }
            final int[] fired = state.fired[c];
            final int off = state.offsets[c];
            for (int k = 0; k < count; k++) {
                final int g = off + fired[k];
                int e = fanStart[g];
                final int all = fanStart[g + 1];
                delivered += all - e;
                int seg = segmentStart[g];
                final int last = segmentStart[g + 1];
                if (seg == last) {
                    if (main) {
                        for (; e < all; e++) {
                            ring[(step + delay[e]) & mask][position[e]] += w[synapse[e]];
                        }
                    } else {
                        for (; e < all; e++) {
                            final int p = position[e];
                            final int kind = ringOf(p);
                            final int r = (step + delay[e]) & mask;
                            final int v = rings[kind][r][ringIndex(p)] += w[synapse[e]];
                            if (kind != 0) {
                                magnitudes[r] |= magnitude(v);
                            }
                        }
                    }
                    continue;
                }
                for (; seg < last; seg++) {
                    final int kind = segmentKind[seg];
                    final int r = (step + segmentDelay[seg]) & mask;
                    final int[] slot = rings[kind][r];
                    final int end = segmentEnd[seg];
                    int any = 0;
                    if (fanInOrder) {
                        for (; e < end; e++) {
                            final int v = slot[position[e]] += w[e];
                            any |= magnitude(v);
                        }
                    } else {
                        for (; e < end; e++) {
                            final int v = slot[position[e]] += w[synapse[e]];
                            any |= magnitude(v);
                        }
                    }
                    if (kind != 0) {
                        magnitudes[r] |= any;
                    }
                }
            }
        }
        events += delivered;
    }

    /**
     * Delivers the spike stimuli in the core's inbox (routed after the previous step) through
     * their input axons' synapses into the ring slots of steps {@code step + delay}, and empties
     * the inbox. Touches only the core's own accumulators.
     */
    void deliver(int core, int step) {
        final int count = inboxCount[core];
        if (count == 0) {
            return;
        }
        final int mask = slotMask;
        final int[] start = axonStart[core];
        final int[] position = synapsePosition[core];
        final byte[] delay = synapseDelay[core];
        final int[] w = weight;
        final int[] index = synapseIndex[core];
        final int[] box = inbox[core];
        long delivered = 0;
        for (int k = 0; k < count; k++) {
            final int axon = box[k];
            final int end = start[axon + 1];
            int s = start[axon];
            delivered += end - s;
            for (; s < end; s++) {
                addStimulus(core, position[s], (step + delay[s]) & mask, w[index[s]]);
            }
        }
        inboxCount[core] = 0;
        stimulusEvents[core * STRIDE] += delivered;
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
            final int r = step & slotMask;
            for (; k < steps.length && steps[k] <= step; k++) {
                addStimulus(core, position(core, 0, 0, cx[k]), r, value[k]);
            }
        }
        injectCursor[core] = k;
    }

    /**
     * Adds a stimulus's {@code value} into accumulator position {@code p} of ring slot
     * {@code slot}; a pair accumulator's new value joins core {@code core}'s bound for the slot
     * ({@link #laneMagnitudes}).
     */
    private void addStimulus(int core, int p, int slot, int value) {
        final int kind = ringOf(p);
        final int v = rings[kind][slot][ringIndex(p)] += value;
        if (kind != 0) {
            stimulusMagnitudes[core * (slotMask + 1) + slot] |= magnitude(v);
        }
    }

    /**
     * {@code |v|}, or {@code |v| - 1} for a negative v: what the pair lanes' bounds OR together
     * (the OR is at least each of them).
     */
    static int magnitude(int v) {
        return v ^ (v >> (Integer.SIZE - 1));
    }

    /** Synaptic events (synapses a delivered spike reached) so far, over all cores. */
    long events() {
        long sum = events;
        for (int i = 0; i < stimulusEvents.length; i += STRIDE) {
            sum += stimulusEvents[i];
        }
        return sum;
    }
}
