package io.neuromap.emulator.loihi1;

import io.neuromap.backends.loihi1.Loihi1Limits;
import java.util.Arrays;

/**
 * nengo-loihi's arithmetic for groups of cores made only of auxiliary + soma ADD pairs (the
 * two-compartment LIF the CUBA lowering emits, {@link Loihi1CoreRuns#pairLanes}), kept
 * neuron-major: pair {@code k} has its auxiliary's u and v and its soma's u, v and refractory
 * counter at index {@code k} of arrays of their own, so that one loop updates
 * a whole pair per iteration with every array indexed alike, which C2 (JDK 17) turns into SIMD
 * code. In the config's order (auxiliary, soma, auxiliary, ...) the soma needs its neighbour's U′,
 * and C2 vectorises neither a stride-2 loop nor one that reads one array at two offsets; the
 * interleaved passes of {@link Loihi1NengoLoihiKernel} therefore update each auxiliary's voltage
 * and refractory counter as fully as a soma's and shift a copy of U′ by one, twice the work.
 *
 * <p>Every array spans the pairs of all pair-lane groups, group by group (pair k, with
 * {@link Loihi1CoreRuns#pairStart}), and so do the auxiliaries' and the somas' accumulators, which
 * {@link Loihi1Dendrites} keeps in rings of their own ({@link Loihi1CoreRuns#accumulator}): the
 * loop reads a step's inputs straight from them and clears the previous step's, which stay there
 * one step as the probed synaptic input. The lanes are the only up-to-date copy of their
 * compartments' state between reads; {@link #publish} writes a core's back into
 * {@link Loihi1State} when a probe or a caller reads it.
 *
 * <p>Two loops compute the same integers as {@link Loihi1Kernel}'s pair loop. The fast one has no
 * wrap and no overflow check: it runs only when bounds show that neither q, u, U′ nor the soma's
 * join can leave its range: on q from the OR of magnitudes the delivery kept while it wrote the
 * slot ({@link Loihi1Dendrites#laneMagnitudes}: no pass over the inputs; network-wide, so when it
 * is too loose, from an OR over the group's own inputs; an OR is at least each of them), on u
 * carried from step to step (decayed, plus q's bound; the currents are scanned again only when
 * that is not enough), and on the bias, the group's largest.
 * Otherwise, and while a register write has left the group's pairs with different registers, the
 * exact loop updates the group pair by pair with every wrap and overflow record in the scalar
 * loops' order.
 */
final class Loihi1PairLanes implements Loihi1State.Deferred {

    /** Any magnitude below this fits q's range. */
    private static final long Q_RANGE = 1L << Loihi1Limits.Q_BITS;
    /** Any sum of two U′ below this in magnitude fits the join's 24 bits. */
    private static final long U_RANGE = 1L << Loihi1Limits.U_BITS;
    /** Longs per cache line: the stride of {@link #perGroup}. */
    private static final int LINE = 8;
    private static final int BOUND = 0;
    private static final int FAST = 1;
    private static final int LAST = 2;
    /** At {@link #FIRED}: whether the group had a spike in its last step ({@link #collectFired}). */
    private static final int FIRED = 3;
    /** Covers every refractory counter plus one: {@code refract_delay} is at most 63. */
    private static final int COUNTER_MASK = Loihi1Limits.REFRACTORY_DELAY_MAX;
    /**
     * Set in a soma's stored counter in the step it fired, so that the fired list is read from the
     * counters, whatever loop ran, and no fire mask is written.
     */
    private static final int FIRED_MARK = COUNTER_MASK + 1;
    /** Pairs per block of the fired-list scan. */
    private static final int SCAN_BLOCK = 128;

    private final Loihi1State state;
    private final Loihi1CompartmentTables tables;
    private final Loihi1Dendrites dendrites;
    private final Loihi1Overflows overflows;
    /** Lane group of each group of cores, or -1. */
    private final int[] laneOf;
    /** Lane group of each core, or -1. */
    private final int[] laneOfCore;
    /**
     * Per lane group: its first core, one past its last, its first global compartment, its first
     * pair, one past its last pair.
     */
    private final int[] firstCore;
    private final int[] endCore;
    private final int[] start;
    private final int[] firstPair;
    private final int[] endPair;
    /**
     * Per pair (see the class comment). A soma's refractory counter is stored plus one while it
     * counts (each step takes one off before using it), with {@link #FIRED_MARK} set in the step
     * the soma fired.
     */
    private final int[] auxU;
    private final int[] somaU;
    private final int[] auxV;
    private final int[] somaV;
    private final int[] somaRefractory;
    private final int[] auxBias;
    private final int[] somaBias;
    /** Per lane group: its largest |bias| and the tables' bias version it was taken at. */
    private final long[] maxBias;
    private final int[] biasVersion;
    /** Per lane group: whether its pairs share their registers, at tables version {@link #registerVersion}. */
    private final boolean[] shared;
    private final int[] registerVersion;
    /**
     * What each lane group writes every step, one cache line per group ({@link #LINE} longs) so
     * that threads updating neighbouring groups do not share a line: at {@link #BOUND} a bound on
     * every |u| of its pairs (kept by {@link #decayed} between scans), at {@link #FAST} how many of
     * its updates took the fast loop (for tests and benches), at {@link #LAST} the last step it
     * computed (whose accumulators hold the probed input), or -1.
     */
    private final long[] perGroup;
    /** Per core: whether its lanes changed since they were last published. */
    private final boolean[] dirty;

    Loihi1PairLanes(Loihi1State state, Loihi1CompartmentTables tables, Loihi1Dendrites dendrites,
            Loihi1Overflows overflows, Loihi1CoreRuns runs) {
        this.state = state;
        this.tables = tables;
        this.dendrites = dendrites;
        this.overflows = overflows;
        int groups = runs.groups();
        laneOf = new int[groups];
        laneOfCore = new int[state.cores()];
        Arrays.fill(laneOfCore, -1);
        int lanes = 0;
        for (int k = 0; k < groups; k++) {
            laneOf[k] = runs.pairLanes[k] ? lanes++ : -1;
        }
        firstCore = new int[lanes];
        endCore = new int[lanes];
        start = new int[lanes];
        firstPair = new int[lanes];
        endPair = new int[lanes];
        int total = runs.pairs;
        auxU = new int[total];
        somaU = new int[total];
        auxV = new int[total];
        somaV = new int[total];
        somaRefractory = new int[total];
        auxBias = new int[total];
        somaBias = new int[total];
        maxBias = new long[lanes];
        biasVersion = new int[lanes];
        shared = new boolean[lanes];
        registerVersion = new int[lanes];
        dirty = new boolean[state.cores()];
        perGroup = new long[lanes * LINE];
        for (int k = 0; k < groups; k++) {
            int l = laneOf[k];
            if (l < 0) {
                continue;
            }
            firstCore[l] = runs.groupStart[k];
            endCore[l] = runs.groupStart[k + 1];
            for (int c = firstCore[l]; c < endCore[l]; c++) {
                laneOfCore[c] = l;
            }
            start[l] = state.offsets[firstCore[l]];
            firstPair[l] = runs.pairStart[k];
            endPair[l] = firstPair[l] + (state.offsets[endCore[l]] - start[l]) / 2;
            gather(l);
            perGroup[l * LINE + BOUND] = bound(magnitudes(auxU, somaU, firstPair[l], endPair[l]));
            perGroup[l * LINE + LAST] = -1;
            takeBiases(l);
            registerVersion[l] = tables.version();
            shared[l] = true;
        }
    }

    /** Whether group {@code group} of cores is updated here. */
    boolean updates(int group) {
        return laneOf[group] >= 0;
    }

    /** Whether the lanes of group {@code group} shared their registers in its last update (for tests). */
    boolean sharesRegisters(int group) {
        return shared[laneOf[group]];
    }

    /** How many updates of group {@code group} took the fast loop. */
    long fastUpdates(int group) {
        return perGroup[laneOf[group] * LINE + FAST];
    }

    /** Takes the initial state of lane group {@code l} from {@link Loihi1State}. */
    private void gather(int l) {
        for (int k = firstPair[l], a = start[l]; k < endPair[l]; k++, a += 2) {
            auxU[k] = state.current[a];
            auxV[k] = state.voltage[a];
            somaU[k] = state.current[a + 1];
            somaV[k] = state.voltage[a + 1];
            final int counter = state.refractory[a + 1];
            somaRefractory[k] = counter > 0 ? counter + 1 : 0;
            if (state.refractory[a] != 0) {
                throw new IllegalStateException("an auxiliary never fires, so it is never refractory");
            }
        }
    }

    private void takeBiases(int l) {
        long max = 0;
        for (int k = firstPair[l], a = start[l]; k < endPair[l]; k++, a += 2) {
            auxBias[k] = tables.bias[a];
            somaBias[k] = tables.bias[a + 1];
            max = Math.max(max, Math.max(Math.abs((long) auxBias[k]), Math.abs((long) somaBias[k])));
        }
        maxBias[l] = max;
        biasVersion[l] = tables.biasVersion();
    }

    /**
     * Updates every pair of group {@code group} for step {@code step}: their fired lists, counts and
     * spike bits as {@link Loihi1Kernel#updateGroup} would leave them (spike bits already cleared).
     */
    void update(int group, int step) {
        final int l = laneOf[group];
        final int k0 = firstPair[l];
        final int k1 = endPair[l];
        final int g0 = start[l];
        final int[] qa = dendrites.auxSlot(step);
        final int[] qs = dendrites.somaSlot(step);
        final int[] previousA = dendrites.auxSlot(step - 1);
        final int[] previousS = dendrites.somaSlot(step - 1);
        if (registerVersion[l] != tables.version()) {
            shared[l] = Loihi1CoreRuns.registersShared(tables, g0, state.offsets[endCore[l]]);
            registerVersion[l] = tables.version();
        }
        if (biasVersion[l] != tables.biasVersion()) {
            takeBiases(l);
        }
        // Read every step: it also forgets what this group's stimuli added to the slot.
        final long delivered = bound(dendrites.laneMagnitudes(step, firstCore[l], endCore[l]));
        boolean inRange = false;
        if (shared[l]) {
            inRange = fastIfBounded(l, delivered, qa, qs, previousA, previousS);
            if (!inRange) {
                // The delivery's bound spans the network: this group's own inputs may be smaller.
                final long own = bound(magnitudes(qa, qs, k0, k1));
                inRange = own < delivered && fastIfBounded(l, own, qa, qs, previousA, previousS);
            }
        }
        if (!inRange) {
            exact(l, step, qa, qs, previousA, previousS);
            perGroup[l * LINE + BOUND] = bound(magnitudes(auxU, somaU, k0, k1));
        }
        perGroup[l * LINE + LAST] = step;
        collectFired(l);
        for (int c = firstCore[l]; c < endCore[l]; c++) {
            dirty[c] = true;
        }
    }

    /**
     * Runs the fast loop on lane group {@code l} if, with every input at most {@code q} in
     * magnitude, nothing can wrap; returns whether it ran.
     */
    private boolean fastIfBounded(int l, long q, int[] qa, int[] qs, int[] previousA, int[] previousS) {
        if (q > Q_RANGE) {
            return false;
        }
        final int k0 = firstPair[l];
        final int k1 = endPair[l];
        final int a = start[l];
        final int s = a + 1;
        final long retained = Math.max(tables.decayU[a], tables.decayU[s]);
        long u = decayed(perGroup[l * LINE + BOUND], retained) + q;
        if (!fits(u, maxBias[l])) {
            // The running bound may have drifted above the currents: take their magnitudes.
            u = decayed(bound(magnitudes(auxU, somaU, k0, k1)), retained) + q;
            if (!fits(u, maxBias[l])) {
                return false;
            }
        }
        final int core = firstCore[l];
        final int ua = tables.decayU[a];
        final int us = tables.decayU[s];
        final int va = tables.decayV[a];
        final int vs = tables.decayV[s];
        final boolean small = isShort(ua) && isShort(us) && isShort(va) && isShort(vs);
        fast(qa, qs, previousA, previousS, auxU, somaU, auxV, somaV, somaRefractory, auxBias, somaBias,
                k0, k1, ua, us, va, vs, tables.threshold[s], tables.refractDelay[s], tables.vmin[core],
                tables.vmax[core], small);
        perGroup[l * LINE + BOUND] = u;
        perGroup[l * LINE + FAST]++;
        return true;
    }

    /**
     * Whether, with every new |u| at most {@code u} and every |bias| at most {@code maxBias}, no u,
     * U′ or join can wrap: |U′| ≤ u + bias, and the join adds two U′.
     */
    private static boolean fits(long u, long maxBias) {
        return 2 * (u + maxBias) < U_RANGE;
    }

    /** A bound on |decay(x, retained)| for every |x| ≤ {@code bound}: the decay is monotone in |x|. */
    private static long decayed(long bound, long retained) {
        return (bound * retained) >> Loihi1Limits.DECAY_BITS;
    }

    /**
     * A bound on |x| from an OR of magnitudes ({@link #magnitudes}): the OR is at least each of
     * them, and a negative x's is |x| - 1.
     */
    private static long bound(int magnitudes) {
        return magnitudes + 1L;
    }

    /** The OR of {@link Loihi1Dendrites#magnitude} over both arrays' {@code from .. to - 1}. */
    private static int magnitudes(int[] first, int[] second, int from, int to) {
        int any = 0;
        for (int k = from; k < to; k++) {
            final int a = first[k];
            final int b = second[k];
            any |= Loihi1Dendrites.magnitude(a) | Loihi1Dendrites.magnitude(b);
        }
        return any;
    }

    /** Largest multiplier of {@link #decayShort}: {@code 2^23 * 255 + 4095} stays inside 31 bits. */
    private static final int SHORT_MAX = 255;

    /** Whether a retained fraction (or the decay constant 4096 minus it) is at most {@link #SHORT_MAX}. */
    static boolean isShort(int retained) {
        return retained <= SHORT_MAX || Loihi1Limits.DECAY_UNITY - retained <= SHORT_MAX;
    }

    /** {@link #decayShort}'s multiplier for an {@link #isShort} retained fraction. */
    static int shortMultiplier(int retained) {
        return retained <= SHORT_MAX ? retained : retained - Loihi1Limits.DECAY_UNITY;
    }

    /** {@link #decayShort}'s mask: 0 when it multiplies by the retained fraction, -1 by minus the decay constant. */
    static int shortMask(int retained) {
        return retained <= SHORT_MAX ? 0 : -1;
    }

    /**
     * {@link Loihi1Kernel#decay}{@code (x, r)} in 8 operations instead of
     * {@link Loihi1NengoLoihiKernel#decayInt}'s 11, for {@code |x| <= 2^23} (every u and v) and an
     * {@link #isShort} r, with {@code multiplier} and {@code mask} from {@link #shortMultiplier}
     * and {@link #shortMask}. A small r: {@code q = x r} fits 31 bits and is truncated toward zero
     * ({@code q / 4096}, adding 4095 to a negative q before the arithmetic shift). A small decay
     * constant d = 4096 - r: the decay is {@code x - sign(x) ceil(|x| d / 4096)}; with
     * {@code q = -x d} that is x plus q / 4096 rounded away from zero, so 4095 is added to a
     * positive q instead. The mask selects which.
     */
    static int decayShort(int x, int multiplier, int mask) {
        final int q = x * multiplier;
        return (x & mask) + ((q + (((q >> (Integer.SIZE - 1)) ^ mask) & (Loihi1Limits.DECAY_UNITY - 1)))
                >> Loihi1Limits.DECAY_BITS);
    }

    /** One decay of the fast loop: C2 unswitches the loop on {@code small}, both copies vectorised. */
    private static int decay(int x, int retained, int multiplier, int mask, boolean small) {
        return small ? decayShort(x, multiplier, mask) : Loihi1NengoLoihiKernel.decayInt(x, retained);
    }

    /*
     * One loop, every array indexed by k, no branch, no reduction: the shape C2 vectorises (a
     * reduction in a loop this size crashed C2 in JDK 17.0.15, and `(a & f) | (b & ~f)` with an
     * invariant a kept the loop scalar; `b + (f & (a - b))` selects the same value). The decays
     * take the short form when every register allows it (C2 hoists the test out of the loop).
     */
    static void fast(int[] qa, int[] qs, int[] previousA, int[] previousS, int[] ua, int[] us, int[] va,
            int[] vs, int[] refs, int[] biasA, int[] biasS, int from, int to, int decayUA, int decayUS,
            int decayVA, int decayVS, int vth, int refract, int lo, int hi, boolean small) {
        final int multUA = small ? shortMultiplier(decayUA) : 0;
        final int maskUA = shortMask(decayUA);
        final int multUS = small ? shortMultiplier(decayUS) : 0;
        final int maskUS = shortMask(decayUS);
        final int multVA = small ? shortMultiplier(decayVA) : 0;
        final int maskVA = shortMask(decayVA);
        final int multVS = small ? shortMultiplier(decayVS) : 0;
        final int maskVS = shortMask(decayVS);
        final int fired = refract | FIRED_MARK;
        for (int k = from; k < to; k++) {
            final int qA = qa[k];
            final int qS = qs[k];
            previousA[k] = 0;
            previousS[k] = 0;
            final int uA = decay(ua[k], decayUA, multUA, maskUA, small) + qA;
            ua[k] = uA;
            final int uS = decay(us[k], decayUS, multUS, maskUS, small) + qS;
            us[k] = uS;
            final int pushed = uA + biasA[k];
            int xa = decay(va[k], decayVA, multVA, maskVA, small) + pushed;
            int d = xa - lo;
            xa -= d & (d >> (Integer.SIZE - 1));
            d = hi - xa;
            xa += d & (d >> (Integer.SIZE - 1));
            va[k] = xa;
            int x = decay(vs[k], decayVS, multVS, maskVS, small) + uS + biasS[k] + pushed;
            d = x - lo;
            x -= d & (d >> (Integer.SIZE - 1));
            d = hi - x;
            x += d & (d >> (Integer.SIZE - 1));
            final int left = (refs[k] & COUNTER_MASK) - 1;
            final int r = left & ~(left >> (Integer.SIZE - 1));
            x &= ~(-r >> (Integer.SIZE - 1));
            final int f = (vth - x) >> (Integer.SIZE - 1);
            vs[k] = x & ~f;
            refs[k] = r + (f & (fired - r));
        }
    }

    /**
     * {@link Loihi1Kernel}'s pair loop on the lanes: every register per compartment, every wrap
     * and overflow record in core order, pair by pair, auxiliary first.
     */
    private void exact(int l, int step, int[] qa, int[] qs, int[] previousA, int[] previousS) {
        final int[] decayU = tables.decayU;
        final int[] decayV = tables.decayV;
        final int[] vth = tables.threshold;
        final int[] refract = tables.refractDelay;
        final int[] bias = tables.bias;
        final int[] ua = auxU;
        final int[] us = somaU;
        final int[] va = auxV;
        final int[] vs = somaV;
        final int[] refs = somaRefractory;
        int k = firstPair[l];
        for (int c = firstCore[l]; c < endCore[l]; c++) {
            final int off = state.offsets[c];
            final long lo = tables.vmin[c];
            final long hi = tables.vmax[c];
            for (int i = 0; i < state.offsets[c + 1] - off; i += 2, k++) {
                previousA[k] = 0;
                previousS[k] = 0;
                final int a = off + i;
                final long pushed = Loihi1NengoLoihiKernel.advance(overflows, c, step, i, qa[k], decayU[a], bias[a], ua, k);
                long xa = Loihi1Kernel.decay(va[k], decayV[a]) + pushed;
                va[k] = (int) (xa < lo ? lo : (xa > hi ? hi : xa));

                final int s = a + 1;
                final long own = Loihi1NengoLoihiKernel.advance(overflows, c, step, i + 1, qs[k], decayU[s], bias[s],
                        us, k);
                final long dv = own + pushed;
                if (dv < -U_RANGE || dv >= U_RANGE) {
                    overflows.record(c, Loihi1OverflowKind.JOIN, step, i + 1, dv);
                }
                long x = Loihi1Kernel.decay(vs[k], decayV[s]) + dv;
                x = x < lo ? lo : (x > hi ? hi : x);
                final int r = Math.max((refs[k] & COUNTER_MASK) - 1, 0);
                if (r > 0) {
                    x = 0;
                }
                if (x > vth[s]) {
                    vs[k] = 0;
                    refs[k] = refract[s] | FIRED_MARK;
                } else {
                    vs[k] = (int) x;
                    refs[k] = r;
                }
            }
        }
    }

    /**
     * Sets each core's fired list, count and spike bits from the somas' {@link #FIRED_MARK}s; a
     * group or block without a spike costs one OR over its counters. A group that had a spike in its last step goes
     * straight to its blocks: in the 100k CUBA network every group has spikes in every step, and
     * the OR over the whole group first made its step 6 % slower (4k, with a spike in about one
     * group-step in four, runs as fast either way).
     */
    private void collectFired(int l) {
        final int[] refs = somaRefractory;
        final boolean firedBefore = perGroup[l * LINE + FIRED] != 0;
        if (!firedBefore && anyFired(refs, firstPair[l], endPair[l]) == 0) {
            for (int c = firstCore[l]; c < endCore[l]; c++) {
                state.firedCount[c] = 0;
            }
            return;
        }
        final byte[] spiked = state.spiked;
        int any = 0;
        int k0 = firstPair[l];
        for (int c = firstCore[l]; c < endCore[l]; c++) {
            final int off = state.offsets[c];
            final int k1 = k0 + (state.offsets[c + 1] - off) / 2;
            final int[] fired = state.fired[c];
            int count = 0;
            for (int b = k0; b < k1; b += SCAN_BLOCK) {
                final int e = Math.min(b + SCAN_BLOCK, k1);
                if (anyFired(refs, b, e) == 0) {
                    continue;
                }
                for (int k = b; k < e; k++) {
                    if ((refs[k] & FIRED_MARK) != 0) {
                        final int soma = 2 * (k - k0) + 1;
                        fired[count++] = soma;
                        spiked[off + soma] = 1;
                    }
                }
            }
            state.firedCount[c] = count;
            any |= count;
            k0 = k1;
        }
        perGroup[l * LINE + FIRED] = any;
    }

    /** Non-zero iff some soma of {@code refs[from .. to - 1]} fired in the last step. */
    private static int anyFired(int[] refs, int from, int to) {
        int any = 0;
        for (int k = from; k < to; k++) {
            any |= refs[k];
        }
        return any & FIRED_MARK;
    }

    @Override
    public void publish(int core, int[] compartments, int from, int to) {
        final int l = laneOfCore[core];
        if (l < 0 || !dirty[core]) {
            return;
        }
        for (int j = from; j < to; j++) {
            write(l, compartments[j]);
        }
    }

    /** Writes core {@code core}'s pairs into {@link Loihi1State} if they changed since the last call. */
    @Override
    public void publish(int core) {
        final int l = laneOfCore[core];
        if (l < 0 || !dirty[core]) {
            return;
        }
        dirty[core] = false;
        for (int g = state.offsets[core]; g < state.offsets[core + 1]; g++) {
            write(l, g);
        }
    }

    /** Writes global compartment {@code g} of lane group {@code l} into {@link Loihi1State}. */
    private void write(int l, int g) {
        final int k = firstPair[l] + ((g - start[l]) >> 1);
        final int last = (int) perGroup[l * LINE + LAST];
        if (((g - start[l]) & 1) == 0) {
            state.current[g] = auxU[k];
            state.voltage[g] = auxV[k];
            state.input[g] = Loihi1NengoLoihiKernel.wrapQ(dendrites.auxSlot(last)[k]);
        } else {
            state.current[g] = somaU[k];
            state.voltage[g] = somaV[k];
            state.input[g] = Loihi1NengoLoihiKernel.wrapQ(dendrites.somaSlot(last)[k]);
            state.refractory[g] = Math.max((somaRefractory[k] & COUNTER_MASK) - 1, 0);
        }
    }
}
