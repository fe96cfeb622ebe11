package io.neuromap.emulator.loihi1;

import io.neuromap.backends.loihi1.Loihi1FixedPoint;
import io.neuromap.backends.loihi1.Loihi1Limits;
import java.util.Arrays;

/**
 * nengo-loihi's arithmetic ({@code EmulatorInterface}, specs/loihi1.md §2.2): the synaptic input q
 * (already summed with per-weight scaling {@code w << weight_exp << 6} in the ring) wraps at 21
 * bits plus sign ("Overflow in q0"); u decays toward zero and adds q, wrapping at 23 bits plus
 * sign ("Overflow in current"); U′ = u + bias wraps again ("Overflow in u2") and u itself keeps
 * no bias.
 *
 * <p>Spans of plain compartments and ADD pairs, and whole groups of cores made only of them
 * ({@link Loihi1CoreRuns#groupUniform}), take {@link #updateUniform} / {@link #updateUniformCores}:
 * the same arithmetic written without branches in {@code int}, as a handful of small loops
 * (passes) that C2 turns into SIMD code. The wraps are shift pairs {@code (x << k) >> k}; whether
 * anything wrapped is an OR-reduction of {@code x ^ wrapped} per pass, and only a span where it is
 * non-zero is walked again, in update order, to count and locate every overflow exactly as the
 * scalar loops do ({@link #recountOverflows}). A soma adds its auxiliary's U′ through a copy of
 * the U′ array shifted by one. The fired list is built by a scan of the fire masks that skips
 * blocks without a spike. Groups made only of pairs whose registers agree go to the pair lanes
 * instead ({@link Loihi1PairLanes}, under {@link Loihi1Loops#LANES}), which update a pair per
 * iteration of one loop.
 */
final class Loihi1NengoLoihiKernel extends Loihi1Kernel {

    /** Left-then-right shift that wraps to {@link Loihi1Limits#Q_BITS} bits plus sign. */
    private static final int Q_SHIFT = Integer.SIZE - 1 - Loihi1Limits.Q_BITS;
    /** Left-then-right shift that wraps to {@link Loihi1Limits#U_BITS} bits plus sign. */
    private static final int U_SHIFT = Integer.SIZE - 1 - Loihi1Limits.U_BITS;
    private static final int DECAY_MASK = Loihi1Limits.DECAY_UNITY - 1;
    /** {@link #passes} result bit: some value wrapped. */
    private static final int WRAPPED = 1;
    /** {@link #passes} result bit: some q or u wrapped ({@link #raw} holds the span's unwrapped u). */
    private static final int INPUT_WRAPPED = 4;
    /** {@link #passes} result bit: some compartment fired. */
    private static final int FIRED = 2;
    /** Compartments per block of the fired-list scan. */
    private static final int SCAN_BLOCK = 256;
    /** Registers per group in {@link #shared}. */
    private static final int SHARED = 8;

    /** {@link Loihi1CoreRuns#role}: the pair roles the passes turn into join and emit masks. */
    private final int[] role;
    /*
     * Working arrays of the uniform loops, per global compartment (so that they are indexed like
     * the state: see the passes). Threads update disjoint cores, so they share them.
     */
    /** Unwrapped u, copied only for a span that wrapped (for the recount). */
    private final int[] raw;
    /** U′, then the fire masks. */
    private final int[] u2;
    /** dV (kept for the recount). */
    private final int[] dv;
    /**
     * Per uniform group, {@link #SHARED} registers its compartments share, by role: decay_u,
     * decay_v, threshold and refractory delay of its somas, then of its other compartments;
     * {@code sharedVersion[group]} is the {@link Loihi1CompartmentTables#version} they were derived
     * at, {@code sharedValid[group]} whether they are shared at all. Each group derives its own,
     * on its worker, so threads never write the same element.
     */
    private final int[] shared;
    private final int[] sharedVersion;
    private final boolean[] sharedValid;
    /** The groups made only of pairs ({@link Loihi1CoreRuns#pairLanes}), or null when there are none. */
    private final Loihi1PairLanes lanes;

    Loihi1NengoLoihiKernel(Loihi1State state, Loihi1CompartmentTables tables, Loihi1Dendrites dendrites,
            Loihi1Overflows overflows, Loihi1CoreRuns runs) {
        super(state, tables, dendrites, overflows, runs);
        int total = state.compartments();
        role = runs.role;
        boolean vectorised = runs.vectorised;
        raw = new int[vectorised ? total : 0];
        u2 = new int[vectorised ? total : 0];
        dv = new int[vectorised ? total : 0];
        int groups = runs.groups();
        shared = new int[groups * SHARED];
        sharedVersion = new int[groups];
        sharedValid = new boolean[groups];
        java.util.Arrays.fill(sharedVersion, -1);
        for (int c = 0; c < state.cores(); c++) {
            if (dendrites.laneBase[c] != state.offsets[c]) {
                throw new IllegalStateException("nengo-loihi cores have one lane: accumulators at global indices");
            }
        }
        Loihi1PairLanes pairs = null;
        for (int k = 0; k < groups && pairs == null; k++) {
            if (runs.pairLanes[k]) {
                pairs = new Loihi1PairLanes(state, tables, dendrites, overflows, runs);
                state.defer(pairs);
            }
        }
        lanes = pairs;
    }

    @Override
    long current(int core, int g, int i, int[] ring, int base, int n, int step) {
        final int pos = base + i;
        final int q = ring[pos];
        ring[pos] = 0;
        state.input[g] = wrapQ(q);
        return advance(overflows, core, step, i, q, tables.decayU[g], tables.bias[g], state.current, g);
    }

    /** q wrapped to {@link Loihi1Limits#Q_BITS} bits plus sign, as the probed input holds it. */
    static int wrapQ(int q) {
        return (q << Q_SHIFT) >> Q_SHIFT;
    }

    /**
     * One compartment's current under nengo-loihi, with every overflow recorded (for core-local
     * compartment {@code i}, in this order): q0 = wrap21(q); u = wrap23(decay(u) + q0), stored
     * into {@code u[k]}; returns U′ = wrap23(u + bias). Shared by the scalar loops here and the
     * pair lanes' exact loop, whose u lives in arrays of their own.
     */
    static long advance(Loihi1Overflows overflows, int core, int step, int i, int q, int decayU, int bias, int[] u,
            int k) {
        final long q0 = Loihi1FixedPoint.wrapSigned(q, Loihi1Limits.Q_BITS);
        if (q0 != q) {
            overflows.record(core, Loihi1OverflowKind.Q0, step, i, q);
        }
        final long raw = decay(u[k], decayU) + q0;
        final long uw = Loihi1FixedPoint.wrapSigned(raw, Loihi1Limits.U_BITS);
        if (uw != raw) {
            overflows.record(core, Loihi1OverflowKind.CURRENT, step, i, raw);
        }
        u[k] = (int) uw;
        final long pushed = uw + bias;
        final long pw = Loihi1FixedPoint.wrapSigned(pushed, Loihi1Limits.U_BITS);
        if (pw != pushed) {
            overflows.record(core, Loihi1OverflowKind.U2, step, i, pushed);
        }
        return pw;
    }

    @Override
    int updateUniform(int core, int step, int from, int to, int firedBefore) {
        final int[] slot = dendrites.slot(step);
        final int g0 = state.offsets[core] + from;
        final int g1 = state.offsets[core] + to;
        final int result = passes(slot, g0, g1, tables.vmin[core], tables.vmax[core]);
        if ((result & WRAPPED) != 0) {
            recountOverflows(core, step, from, slot, g0, g1, (result & INPUT_WRAPPED) != 0);
        }
        Arrays.fill(slot, g0, g1, 0);
        return collectFired(core, g0, g1, firedBefore);
    }

    @Override
    void updateUniformCores(int group, int first, int end, int step) {
        if (lanes != null && lanes.updates(group)) {
            lanes.update(group, step);
            return;
        }
        final int[] slot = dendrites.slot(step);
        final int[] offsets = state.offsets;
        final int g0 = offsets[first];
        final int g1 = offsets[end];
        if (sharedVersion[group] != tables.version()) {
            sharedValid[group] = deriveShared(group, g0, g1);
            sharedVersion[group] = tables.version();
        }
        final int result = sharedValid[group]
                ? sharedPasses(slot, g0, g1, tables.vmin[first], tables.vmax[first], group * SHARED)
                : passes(slot, g0, g1, tables.vmin[first], tables.vmax[first]);
        if ((result & WRAPPED) != 0) {
            for (int c = first; c < end; c++) {
                recountOverflows(c, step, 0, slot, offsets[c], offsets[c + 1], (result & INPUT_WRAPPED) != 0);
            }
        }
        Arrays.fill(slot, g0, g1, 0);
        final int[] firedCount = state.firedCount;
        if ((result & FIRED) == 0) {
            for (int c = first; c < end; c++) {
                firedCount[c] = 0;
            }
            return;
        }
        for (int c = first; c < end; c++) {
            firedCount[c] = collectFired(c, offsets[c], offsets[c + 1], 0);
        }
    }

    /**
     * Every pass over global compartments {@code g0 .. g1 - 1} (their inputs in {@code slot},
     * left there for a recount); the fire masks end in {@link #u2}. Returns {@link #WRAPPED} if
     * anything wrapped, plus {@link #INPUT_WRAPPED} if some q or u did, plus {@link #FIRED} if
     * any compartment fired.
     */
    private int passes(int[] slot, int g0, int g1, int lo, int hi) {
        return passes(slot, state.input, state.current, state.voltage, state.refractory, tables.decayU, tables.bias,
                tables.decayV, tables.threshold, tables.refractDelay, role, raw, u2, dv, g0, g1, lo, hi);
    }

    /** The pair lanes, or null when no group is made only of pairs (for tests). */
    Loihi1PairLanes pairLanes() {
        return lanes;
    }

    /** Whether group {@code group} took the shared-register passes in its last update (for tests). */
    boolean sharesRegisters(int group) {
        return lanes != null && lanes.updates(group) ? lanes.sharesRegisters(group) : sharedValid[group];
    }

    /**
     * Whether the somas of global compartments {@code g0 .. g1 - 1} share one decay_u, decay_v,
     * threshold and refractory delay, and so do all their other compartments (plain and
     * auxiliary); if so, stores them in {@link #shared} for group {@code group}.
     */
    private boolean deriveShared(int group, int g0, int g1) {
        final int[] p = shared;
        final int base = group * SHARED;
        // Bit 0: a soma seen; bit 1: another compartment seen.
        int seen = 0;
        for (int g = g0; g < g1; g++) {
            final int kind = (role[g] & Loihi1CoreRuns.ROLE_SOMA) != 0 ? 0 : 1;
            final int at = base + kind * 4;
            final int du = tables.decayU[g];
            final int dv = tables.decayV[g];
            final int vth = tables.threshold[g];
            final int refract = tables.refractDelay[g];
            if ((seen & (1 << kind)) == 0) {
                p[at] = du;
                p[at + 1] = dv;
                p[at + 2] = vth;
                p[at + 3] = refract;
                seen |= 1 << kind;
            } else if (p[at] != du || p[at + 1] != dv || p[at + 2] != vth || p[at + 3] != refract) {
                return false;
            }
        }
        for (int kind = 0; kind < 2; kind++) {
            if ((seen & (1 << kind)) == 0) {
                // No compartment of this kind: the masks never select its values.
                System.arraycopy(p, base + (1 - kind) * 4, p, base + kind * 4, 4);
            }
        }
        return true;
    }

    /**
     * {@link #passes} for a group whose somas share their decays, threshold and refractory delay
     * and whose other compartments share theirs ({@link #deriveShared}): the four per-compartment
     * arrays (16 of the ~80 bytes a compartment streams per step on a network larger than the
     * caches) become two values per register, selected by the soma mask the join already reads.
     */
    private int sharedPasses(int[] slot, int g0, int g1, int lo, int hi, int at) {
        final int[] p = shared;
        return sharedPasses(slot, state.input, state.current, state.voltage, state.refractory, tables.bias, role, raw,
                u2, dv, g0, g1, lo, hi, p[at], p[at + 4], p[at + 1], p[at + 5], p[at + 2], p[at + 6], p[at + 3],
                p[at + 7]);
    }

    private static int sharedPasses(int[] slot, int[] input, int[] cur, int[] v, int[] ref, int[] bias, int[] role,
            int[] raw, int[] u2, int[] dv, int g0, int g1, int lo, int hi, int decayUSoma, int decayUOther,
            int decayVSoma, int decayVOther, int vthSoma, int vthOther, int refractSoma, int refractOther) {
        sharedInputPass(slot, input, cur, role, decayUSoma, decayUOther, g0, g1);
        final int inputsWrapped = inputsWrapped(slot, cur, g0, g1);
        if (inputsWrapped != 0) {
            System.arraycopy(cur, g0, raw, g0, g1 - g0);
        }
        int wrapped = inputsWrapped | biasPass(cur, bias, u2, g0, g1);
        System.arraycopy(u2, g0, dv, g0 + 1, g1 - g0 - 1);
        dv[g0] = 0;
        wrapped |= joinPass(u2, dv, role, g0, g1);
        sharedVoltagePass(v, role, dv, decayVSoma, decayVOther, g0, g1);
        clampPass(v, ref, g0, g1, lo, hi);
        sharedFirePass(v, role, u2, vthSoma, vthOther, g0, g1);
        final int fired = sharedResetPass(v, ref, role, u2, refractSoma, refractOther, g0, g1);
        return (wrapped != 0 ? WRAPPED : 0) | (inputsWrapped != 0 ? INPUT_WRAPPED : 0) | (fired != 0 ? FIRED : 0);
    }

    /** {@link #inputPass} with decay_u selected by the soma mask. */
    private static void sharedInputPass(int[] slot, int[] input, int[] cur, int[] role, int soma, int other, int g0,
            int g1) {
        final int diff = soma ^ other;
        for (int g = g0; g < g1; g++) {
            final int q0 = (slot[g] << Q_SHIFT) >> Q_SHIFT;
            input[g] = q0;
            cur[g] = decayInt(cur[g], other ^ (diff & -(role[g] >> 1))) + q0;
        }
    }

    /** {@link #voltagePass} with decay_v selected by the soma mask. */
    private static void sharedVoltagePass(int[] v, int[] role, int[] dv, int soma, int other, int g0, int g1) {
        final int diff = soma ^ other;
        for (int g = g0; g < g1; g++) {
            v[g] = decayInt(v[g], other ^ (diff & -(role[g] >> 1))) + dv[g];
        }
    }

    /** {@link #firePass} with the threshold selected by the soma mask. */
    private static void sharedFirePass(int[] v, int[] role, int[] u2, int soma, int other, int g0, int g1) {
        final int diff = soma ^ other;
        for (int g = g0; g < g1; g++) {
            final int r = role[g];
            final int vth = other ^ (diff & -(r >> 1));
            u2[g] = ((vth - v[g]) >> (Integer.SIZE - 1)) & ((r & Loihi1CoreRuns.ROLE_AUXILIARY) - 1);
        }
    }

    /** {@link #resetPass} with the refractory delay selected by the soma mask. */
    private static int sharedResetPass(int[] v, int[] ref, int[] role, int[] fire, int soma, int other, int g0,
            int g1) {
        final int diff = soma ^ other;
        int fired = 0;
        for (int g = g0; g < g1; g++) {
            final int f = fire[g];
            v[g] &= ~f;
            final int refract = other ^ (diff & -(role[g] >> 1));
            final int r = ((refract & f) | (ref[g] & ~f)) - 1;
            ref[g] = r & ~(r >> (Integer.SIZE - 1));
            fired |= f & 1;
        }
        return fired;
    }

    /*
     * The passes are separate small loops on purpose: C2 (JDK 17) vectorises a counted loop only
     * when every array in it is indexed alike and its body is small; one fused loop would stay
     * scalar. Every loop indexes every array by the global compartment index g.
     *
     * Each loop is a method of its own, for the JIT warm-up: with all of them in one method, each
     * loop's back-edge counter triggered its own on-stack-replacement compile of the whole method
     * at tier 4 (seven C2 compiles of 581 bytes of bytecode, measured with -XX:+PrintCompilation),
     * which kept the single C2 thread of a 2-core machine busy for the first ~1,000 steps. A small
     * method is compiled quickly and at most twice (once on-stack, once whole), and the loops
     * reach C2 one by one. The driver below has no loop, so it is never compiled on-stack; C2
     * inlines the hot passes into it once they are compiled.
     */
    private static int passes(int[] slot, int[] input, int[] cur, int[] v, int[] ref, int[] decayU, int[] bias,
            int[] decayV, int[] vth, int[] refract, int[] role, int[] raw, int[] u2, int[] dv, int g0, int g1, int lo,
            int hi) {
        inputPass(slot, input, cur, decayU, g0, g1);
        final int inputsWrapped = inputsWrapped(slot, cur, g0, g1);
        if (inputsWrapped != 0) {
            // Rare: keep the unwrapped u for the recount.
            System.arraycopy(cur, g0, raw, g0, g1 - g0);
        }
        int wrapped = inputsWrapped | biasPass(cur, bias, u2, g0, g1);
        // dV = U′ plus, for a soma, its auxiliary's U′: the compartment before it, so shift U′ by
        // one; only a soma's dV can leave the 24-bit range.
        System.arraycopy(u2, g0, dv, g0 + 1, g1 - g0 - 1);
        dv[g0] = 0;
        wrapped |= joinPass(u2, dv, role, g0, g1);
        voltagePass(v, decayV, dv, g0, g1);
        clampPass(v, ref, g0, g1, lo, hi);
        firePass(v, vth, role, u2, g0, g1);
        final int fired = resetPass(v, ref, refract, u2, g0, g1);
        return (wrapped != 0 ? WRAPPED : 0) | (inputsWrapped != 0 ? INPUT_WRAPPED : 0) | (fired != 0 ? FIRED : 0);
    }

    /** q0 = wrap21(q) into the probed input; decayed u + q0, not yet wrapped, into cur. */
    private static void inputPass(int[] slot, int[] input, int[] cur, int[] decayU, int g0, int g1) {
        for (int g = g0; g < g1; g++) {
            final int q0 = (slot[g] << Q_SHIFT) >> Q_SHIFT;
            input[g] = q0;
            cur[g] = decayInt(cur[g], decayU[g]) + q0;
        }
    }

    /** Non-zero iff some q or some (unwrapped) u wraps. */
    private static int inputsWrapped(int[] slot, int[] cur, int g0, int g1) {
        int any = 0;
        for (int g = g0; g < g1; g++) {
            final int q = slot[g];
            final int u = cur[g];
            any |= (q ^ ((q << Q_SHIFT) >> Q_SHIFT)) | (u ^ ((u << U_SHIFT) >> U_SHIFT));
        }
        return any;
    }

    /** u = wrap23(u) in place; U′ = wrap23(u + bias) into u2; non-zero iff some U′ wrapped. */
    private static int biasPass(int[] cur, int[] bias, int[] u2, int g0, int g1) {
        int any = 0;
        for (int g = g0; g < g1; g++) {
            final int uw = (cur[g] << U_SHIFT) >> U_SHIFT;
            cur[g] = uw;
            final int b = uw + bias[g];
            final int bw = (b << U_SHIFT) >> U_SHIFT;
            u2[g] = bw;
            any |= b ^ bw;
        }
        return any;
    }

    /** dV = U′ + (soma: the shifted auxiliary U′ in dv); non-zero iff some dV leaves 24 bits. */
    private static int joinPass(int[] u2, int[] dv, int[] role, int g0, int g1) {
        int any = 0;
        for (int g = g0; g < g1; g++) {
            final int d = u2[g] + (dv[g] & -(role[g] >> 1));
            dv[g] = d;
            any |= d ^ ((d << U_SHIFT) >> U_SHIFT);
        }
        return any;
    }

    /** v = decayed v + dV, unclamped. */
    private static void voltagePass(int[] v, int[] decayV, int[] dv, int g0, int g1) {
        for (int g = g0; g < g1; g++) {
            v[g] = decayInt(v[g], decayV[g]) + dv[g];
        }
    }

    /** Clamps v to [lo, hi] (branch-free max and min); holds it at 0 while refractory. */
    private static void clampPass(int[] v, int[] ref, int g0, int g1, int lo, int hi) {
        for (int g = g0; g < g1; g++) {
            int x = v[g];
            int d = x - lo;
            x -= d & (d >> (Integer.SIZE - 1));
            d = hi - x;
            x += d & (d >> (Integer.SIZE - 1));
            v[g] = x & ~(-ref[g] >> (Integer.SIZE - 1));
        }
    }

    /**
     * Fire masks, -1 where v > vth and the compartment may emit (not an auxiliary), into u2 (the
     * recount needs dv, not U′).
     */
    private static void firePass(int[] v, int[] vth, int[] role, int[] u2, int g0, int g1) {
        for (int g = g0; g < g1; g++) {
            u2[g] = ((vth[g] - v[g]) >> (Integer.SIZE - 1)) & ((role[g] & Loihi1CoreRuns.ROLE_AUXILIARY) - 1);
        }
    }

    /** Resets fired compartments to 0; starts or counts down the refractory period; non-zero iff one fired. */
    private static int resetPass(int[] v, int[] ref, int[] refract, int[] fire, int g0, int g1) {
        int fired = 0;
        for (int g = g0; g < g1; g++) {
            final int f = fire[g];
            v[g] &= ~f;
            final int r = ((refract[g] & f) | (ref[g] & ~f)) - 1;
            ref[g] = r & ~(r >> (Integer.SIZE - 1));
            fired |= f & 1;
        }
        return fired;
    }

    /**
     * Appends the compartments of core {@code core} in {@code g0 .. g1 - 1} whose fire mask is set
     * to its fired list (from {@code count}) and sets their spike bits; returns the new count.
     * Blocks without a spike cost one vectorised OR.
     */
    private int collectFired(int core, int g0, int g1, int firedBefore) {
        final int[] fire = u2;
        final int[] fired = state.fired[core];
        final byte[] spiked = state.spiked;
        final int off = state.offsets[core];
        int count = firedBefore;
        for (int b = g0; b < g1; b += SCAN_BLOCK) {
            final int e = Math.min(b + SCAN_BLOCK, g1);
            if (anyFired(fire, b, e) == 0) {
                continue;
            }
            for (int g = b; g < e; g++) {
                if (fire[g] != 0) {
                    fired[count++] = g - off;
                    spiked[g] = 1;
                }
            }
        }
        return count;
    }

    /** Non-zero iff some fire mask is set. */
    private static int anyFired(int[] fire, int g0, int g1) {
        int any = 0;
        for (int g = g0; g < g1; g++) {
            any |= fire[g] & 1;
        }
        return any;
    }

    /**
     * Counts the overflows of a span in update order, as {@link #current} and the pair loop record
     * them; q and u are checked only if {@code inputsWrapped} (otherwise none of them wrapped and
     * {@link #raw} does not hold this span).
     */
    private void recountOverflows(int core, int step, int from, int[] slot, int g0, int g1, boolean inputsWrapped) {
        for (int g = g0; g < g1; g++) {
            final int i = from + (g - g0);
            if (inputsWrapped) {
                final int q = slot[g];
                if (Loihi1FixedPoint.overflowsSigned(q, Loihi1Limits.Q_BITS)) {
                    overflows.record(core, Loihi1OverflowKind.Q0, step, i, q);
                }
                final int u = raw[g];
                if (Loihi1FixedPoint.overflowsSigned(u, Loihi1Limits.U_BITS)) {
                    overflows.record(core, Loihi1OverflowKind.CURRENT, step, i, u);
                }
            }
            final long u2 = (long) state.current[g] + tables.bias[g];
            if (Loihi1FixedPoint.overflowsSigned(u2, Loihi1Limits.U_BITS)) {
                overflows.record(core, Loihi1OverflowKind.U2, step, i, u2);
            }
            if ((role[g] & Loihi1CoreRuns.ROLE_SOMA) != 0) {
                joinChecked(core, step, i, dv[g]);
            }
        }
    }

    /**
     * {@link #decay} in {@code int}, for {@code |x| <= 2^23} and {@code 0 <= r <= 4096} (the
     * state range and the decay registers' range): with {@code |x| = 4096 h + l},
     * {@code floor(|x| r / 4096) = h r + floor(l r / 4096)}, and no product leaves 31 bits; the
     * sign is put back by {@code (m ^ s) - s}.
     */
    static int decayInt(int x, int r) {
        // Kept within 35 bytes of bytecode, so that C1 inlines it too during the JIT warm-up.
        final int s = x >> (Integer.SIZE - 1);
        final int a = (x ^ s) - s;
        return (((a >> Loihi1Limits.DECAY_BITS) * r + (((a & DECAY_MASK) * r) >> Loihi1Limits.DECAY_BITS)) ^ s) - s;
    }
}
