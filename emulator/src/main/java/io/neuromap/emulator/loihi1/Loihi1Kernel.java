package io.neuromap.emulator.loihi1;

import io.neuromap.backends.loihi1.Loihi1FixedPoint;
import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.config.Loihi1JoinOp;
import io.neuromap.backends.loihi1.config.Loihi1StackIn;
import io.neuromap.backends.loihi1.config.Loihi1StackOut;
import io.neuromap.backends.loihi1.config.Loihi1ThresholdOp;

/**
 * The compartment update of one core for one step: the part of a Loihi 1 core's pipeline after
 * the dendritic accumulators. Subclasses are the arithmetic profiles; they differ only in how a
 * compartment's synaptic input becomes its current u and its own voltage increment U′
 * ({@link #current}). Everything after that is shared, because both references agree on it
 * (specs/loihi1.md §2.4): the voltage decays toward zero by {@code 4096 - (decay_v + dm_offset)},
 * adds U′, is clamped to the core's [vmin, vmax], is held at 0 while refractory, and spikes when
 * strictly above {@code vth_mant << 6}, resetting to 0.
 *
 * <p>Cores with dendritic trees take the tree path (specs/loihi1-compartments-reward.md §1.7):
 * compartments run in ascending index through the core's depth-2 stack, so children (lower
 * indices) feed their parents in the same step (§1.8). The stack starts each step empty; the
 * config check guarantees every tree balances it. Each core is cut at construction into runs
 * ({@link Loihi1CoreRuns}) of plain compartments, soma + auxiliary ADD pairs and general trees,
 * each updated by its own loop with the same arithmetic; consecutive cores made only of plain and
 * pair runs form groups that a profile with branch-free loops updates in one span
 * ({@link #updateGroup}, {@link #updateUniformCores}).
 *
 * <p>Runs on a worker thread; touches only the slice of the state and the ring buffer of its
 * core, so cores may run concurrently. No allocation, boxing or type checks.
 */
abstract class Loihi1Kernel {

    private static final int STACK_PEEK_A = Loihi1StackIn.PEEK_A.code();
    private static final int STACK_POP_A = Loihi1StackIn.POP_A.code();
    private static final int STACK_POP_A_AND_B = Loihi1StackIn.POP_A_AND_B.code();
    private static final int PUSH_V = Loihi1StackOut.PUSH.code();
    private static final int PUSH_U = Loihi1StackOut.PUSH_U.code();
    private static final int JOIN_ADD = Loihi1JoinOp.ADD.code();
    private static final int JOIN_MAX = Loihi1JoinOp.MAX.code();
    private static final int JOIN_MIN = Loihi1JoinOp.MIN.code();
    private static final int JOIN_PASS = Loihi1JoinOp.PASS.code();
    private static final int JOIN_BLOCK = Loihi1JoinOp.BLOCK.code();
    private static final int JOIN_OR = Loihi1JoinOp.OR.code();
    private static final int JOIN_AND = Loihi1JoinOp.AND.code();
    private static final int SPIKE_AND_RESET = Loihi1ThresholdOp.SPIKE_AND_RESET.code();
    private static final int SATURATE_V = Loihi1ThresholdOp.NO_SPIKE_AND_SATURATE_V.code();
    /** A join increment outside [-2^23, 2^23) leaves the 24-bit state width. */
    private static final long JOIN_LIMIT = 1L << Loihi1Limits.U_BITS;

    final Loihi1State state;
    final Loihi1CompartmentTables tables;
    final Loihi1Dendrites dendrites;
    final Loihi1Overflows overflows;
    final Loihi1CoreRuns runs;

    /**
     * @param runs how the cores are cut into runs and groups ({@link Loihi1CoreRuns#build}): with
     *     every tree core one general run, the reference the fast loops are tested against
     */
    Loihi1Kernel(Loihi1State state, Loihi1CompartmentTables tables, Loihi1Dendrites dendrites,
            Loihi1Overflows overflows, Loihi1CoreRuns runs) {
        this.state = state;
        this.tables = tables;
        this.dendrites = dendrites;
        this.overflows = overflows;
        this.runs = runs;
    }

    /**
     * Takes compartment {@code i}'s synaptic input of this step out of the ring (clearing it),
     * records it as the probed synaptic input, updates the current u, counts overflows, and
     * returns U′: the compartment's own voltage increment (u plus bias, in the profile's
     * convention), which is also what PUSH_U pushes.
     *
     * @param core the core index
     * @param g the global compartment index
     * @param i the core-local compartment index
     * @param ring this step's ring slot
     * @param base the start of the core's accumulators in {@code ring}
     * @param n the core's compartment count (the lane stride)
     * @param step the step being computed
     */
    abstract long current(int core, int g, int i, int[] ring, int base, int n, int step);

    /** How the cores are cut into runs. */
    Loihi1CoreRuns runs() {
        return runs;
    }

    /**
     * Updates every compartment of the cores of group {@code group} ({@link Loihi1CoreRuns#groupStart})
     * for step {@code step}.
     */
    final void updateGroup(int group, int step) {
        final int first = runs.groupStart[group];
        if (!runs.groupUniform[group]) {
            update(first, step);
            return;
        }
        final int end = runs.groupStart[group + 1];
        for (int c = first; c < end; c++) {
            clearSpiked(c);
        }
        updateUniformCores(group, first, end, step);
    }

    /** Updates every compartment of core {@code core} for step {@code step}. */
    final void update(int core, int step) {
        final byte[] kinds = runs.kind[core];
        final int[] bounds = runs.bounds[core];
        clearSpiked(core);
        int count = 0;
        int k = 0;
        while (k < kinds.length) {
            final int kind = kinds[k];
            if (kind == Loihi1CoreRuns.GENERAL) {
                count = updateTree(core, step, bounds[k], bounds[k + 1], count);
                k++;
                continue;
            }
            // Neighbouring plain and pair runs form one span for the uniform loops.
            int end = k + 1;
            while (end < kinds.length && kinds[end] != Loihi1CoreRuns.GENERAL) {
                end++;
            }
            if (runs.vectorised) {
                count = updateUniform(core, step, bounds[k], bounds[end], count);
            } else {
                for (; k < end; k++) {
                    count = kinds[k] == Loihi1CoreRuns.PLAIN
                            ? updatePlain(core, step, bounds[k], bounds[k + 1], count)
                            : updatePairs(core, step, bounds[k], bounds[k + 1], count);
                }
            }
            k = end;
        }
        state.firedCount[core] = count;
    }

    /**
     * Clears the spike bits the core's previous step set: the uniform loops write a spike bit only
     * where a compartment fires, so the bits of the last step are cleared through its fired list.
     */
    private void clearSpiked(int core) {
        final byte[] spiked = state.spiked;
        final int[] fired = state.fired[core];
        final int off = state.offsets[core];
        for (int k = 0, count = state.firedCount[core]; k < count; k++) {
            spiked[off + fired[k]] = 0;
        }
    }

    /**
     * Compartments {@code from .. to - 1} (core-local) of a span of plain runs and ADD pairs, as
     * {@link #updatePlain} and {@link #updatePairs} compute them; only profiles whose
     * {@link Loihi1CoreRuns#vectorised} is set override it.
     */
    int updateUniform(int core, int step, int from, int to, int firedBefore) {
        throw new IllegalStateException("no uniform loop in " + getClass().getSimpleName());
    }

    /**
     * Every compartment of cores {@code first .. end - 1} (group {@code group}), all plain and pair
     * runs sharing one vmin and vmax, as {@link #updateUniform} on each would; sets their fired counts.
     */
    void updateUniformCores(int group, int first, int end, int step) {
        throw new IllegalStateException("no uniform loop in " + getClass().getSimpleName());
    }

    /** Compartments {@code from .. to - 1} of a plain run; returns the fired count so far. */
    private int updatePlain(int core, int step, int from, int to, int firedBefore) {
        final int[] v = state.voltage;
        final int[] ref = state.refractory;
        final byte[] spiked = state.spiked;
        final int[] fired = state.fired[core];
        final int[] decayV = tables.decayV;
        final int[] vth = tables.threshold;
        final int[] refract = tables.refractDelay;
        final int[] ring = dendrites.slot(step);
        final int base = dendrites.laneBase[core];
        final int off = state.offsets[core];
        final int n = state.offsets[core + 1] - off;
        final long lo = tables.vmin[core];
        final long hi = tables.vmax[core];
        int count = firedBefore;
        for (int i = from; i < to; i++) {
            final int g = off + i;
            final long u1 = current(core, g, i, ring, base, n, step);
            long x = decay(v[g], decayV[g]) + u1;
            x = x < lo ? lo : (x > hi ? hi : x);
            int r = ref[g];
            if (r > 0) {
                x = 0;
            }
            if (x > vth[g]) {
                v[g] = 0;
                spiked[g] = 1;
                fired[count++] = i;
                r = refract[g];
            } else {
                v[g] = (int) x;
                spiked[g] = 0;
            }
            ref[g] = r > 0 ? r - 1 : 0;
        }
        return count;
    }

    /**
     * Compartments {@code from .. to - 1} of a run of auxiliary + soma ADD pairs: the auxiliary
     * (even offset in the run) pushes its U′ and never emits, the soma pops it and adds it to its
     * own; the auxiliary's spike bit, its voltage's only use in a tree, reaches no one under ADD.
     * The same arithmetic as {@link #updateTree} on the pair.
     */
    private int updatePairs(int core, int step, int from, int to, int firedBefore) {
        final int[] v = state.voltage;
        final int[] ref = state.refractory;
        final byte[] spiked = state.spiked;
        final int[] fired = state.fired[core];
        final int[] decayV = tables.decayV;
        final int[] vth = tables.threshold;
        final int[] refract = tables.refractDelay;
        final int[] ring = dendrites.slot(step);
        final int base = dendrites.laneBase[core];
        final int off = state.offsets[core];
        final int n = state.offsets[core + 1] - off;
        final long lo = tables.vmin[core];
        final long hi = tables.vmax[core];
        int count = firedBefore;
        for (int i = from; i < to; i += 2) {
            final int ga = off + i;
            final long ua = current(core, ga, i, ring, base, n, step);
            long xa = decay(v[ga], decayV[ga]) + ua;
            xa = xa < lo ? lo : (xa > hi ? hi : xa);
            final int ra = ref[ga];
            v[ga] = ra > 0 ? 0 : (int) xa;
            spiked[ga] = 0;
            ref[ga] = ra > 0 ? ra - 1 : 0;

            final int j = i + 1;
            final int g = ga + 1;
            final long u1 = current(core, g, j, ring, base, n, step);
            long x = decay(v[g], decayV[g]) + joinChecked(core, step, j, u1 + ua);
            x = x < lo ? lo : (x > hi ? hi : x);
            int r = ref[g];
            if (r > 0) {
                x = 0;
            }
            if (x > vth[g]) {
                v[g] = 0;
                spiked[g] = 1;
                fired[count++] = j;
                r = refract[g];
            } else {
                v[g] = (int) x;
                spiked[g] = 0;
            }
            ref[g] = r > 0 ? r - 1 : 0;
        }
        return count;
    }

    /**
     * Compartments {@code from .. to - 1} of a general run, which starts and ends with an empty
     * stack; returns the fired count so far.
     */
    private int updateTree(int core, int step, int from, int to, int firedBefore) {
        final int[] v = state.voltage;
        final int[] ref = state.refractory;
        final byte[] spiked = state.spiked;
        final int[] fired = state.fired[core];
        final int[] decayV = tables.decayV;
        final int[] vth = tables.threshold;
        final int[] refract = tables.refractDelay;
        final byte[] joinOp = tables.joinOp;
        final byte[] stackIn = tables.stackIn;
        final byte[] stackOut = tables.stackOut;
        final byte[] threshOp = tables.threshOp;
        final byte[] bap = tables.bap;
        final int[] ring = dendrites.slot(step);
        final int base = dendrites.laneBase[core];
        final int off = state.offsets[core];
        final int n = state.offsets[core + 1] - off;
        final long lo = tables.vmin[core];
        final long hi = tables.vmax[core];
        // The core's stack: entry 0 is the bottom, entry 1 the top when depth is 2.
        long value0 = 0;
        long value1 = 0;
        boolean spike0 = false;
        boolean spike1 = false;
        int depth = 0;
        int count = firedBefore;
        for (int i = from; i < to; i++) {
            final int g = off + i;
            final long u1 = current(core, g, i, ring, base, n, step);

            // Stack input: A is the top entry, B the one below it.
            long a = 0;
            long b = 0;
            boolean aS = false;
            boolean bS = false;
            boolean bPopped = false;
            final int in = stackIn[g];
            if (in == STACK_PEEK_A || in == STACK_POP_A) {
                if (depth > 0) {
                    a = depth == 2 ? value1 : value0;
                    aS = depth == 2 ? spike1 : spike0;
                    if (in == STACK_POP_A) {
                        depth--;
                    }
                }
            } else if (in == STACK_POP_A_AND_B && depth == 2) {
                a = value1;
                aS = spike1;
                b = value0;
                bS = spike0;
                bPopped = true;
                depth = 0;
            }

            // Join: the voltage increment dV.
            final int join = joinOp[g];
            long dv;
            if (join == JOIN_ADD) {
                dv = joinChecked(core, step, i, u1 + a + b);
            } else if (join == JOIN_MAX) {
                dv = Math.max(u1, Math.max(a, b));
            } else if (join == JOIN_MIN) {
                dv = Math.min(u1, Math.min(a, b));
            } else if (join == JOIN_PASS) {
                dv = aS ? joinChecked(core, step, i, u1 + b) : 0;
            } else if (join == JOIN_BLOCK) {
                dv = aS ? 0 : joinChecked(core, step, i, u1 + b);
            } else {
                dv = u1;
            }

            long x = decay(v[g], decayV[g]) + dv;
            x = x < lo ? lo : (x > hi ? hi : x);
            int r = ref[g];
            if (r > 0) {
                x = 0;
            }
            final boolean s = x > vth[g];
            final boolean fire;
            if (join == JOIN_OR) {
                fire = s || aS || bS;
            } else if (join == JOIN_AND) {
                // "B.S = 1 if stackIn == POP": a B that was not popped does not block the AND.
                fire = s && aS && (!bPopped || bS);
            } else {
                fire = s;
            }

            // Threshold behaviour; the pushed V is the value before any reset.
            long pushedV = x;
            final int op = threshOp[g];
            boolean emitted = false;
            if (op == SPIKE_AND_RESET) {
                if (fire) {
                    emitted = true;
                    x = 0;
                    r = refract[g];
                }
            } else if (op == SATURATE_V && s) {
                x = vth[g];
                pushedV = x;
            }
            v[g] = (int) x;
            if (emitted) {
                spiked[g] = 1;
                fired[count++] = i;
            } else {
                spiked[g] = 0;
            }

            // Stack output: the pushed spike bit is S = v > vth, not the joined decision.
            final int out = stackOut[g];
            if (out == PUSH_V || out == PUSH_U) {
                long pushed = out == PUSH_V ? pushedV : u1;
                if (depth == 0) {
                    value0 = pushed;
                    spike0 = s;
                    depth = 1;
                } else if (depth == 1) {
                    value1 = pushed;
                    spike1 = s;
                    depth = 2;
                }
            }

            // Back-propagating action potential: only its refractory action exists without learning.
            final int bits = bap[g];
            if ((bits & Loihi1CompartmentTables.BAP_REFRACTORY) != 0
                    && (((bits & Loihi1CompartmentTables.BAP_SELF) != 0 && s)
                            || ((bits & Loihi1CompartmentTables.BAP_CHILD_A) != 0 && aS)
                            || ((bits & Loihi1CompartmentTables.BAP_CHILD_B) != 0 && bS))) {
                r = refract[g];
            }
            ref[g] = r > 0 ? r - 1 : 0;
        }
        return count;
    }

    /**
     * The 12-bit decay rounded toward zero, {@code sign(x) * ((|x| * r) >> 12)} for a retained
     * fraction {@code r >= 0} ({@link Loihi1FixedPoint#truncDecay}), computed without branches: for
     * {@code p = x * r}, {@code (p + (p < 0 ? 4095 : 0)) >> 12} is {@code p / 4096} rounded toward
     * zero, and {@code sign(p) = sign(x)} when {@code r >= 0}.
     */
    static long decay(int x, int r) {
        final long p = (long) x * r;
        return (p + ((p >> (Long.SIZE - 1)) & (Loihi1Limits.DECAY_UNITY - 1))) >> Loihi1Limits.DECAY_BITS;
    }

    final long joinChecked(int core, int step, int i, long dv) {
        if (dv < -JOIN_LIMIT || dv >= JOIN_LIMIT) {
            overflows.record(core, Loihi1OverflowKind.JOIN, step, i, dv);
        }
        return dv;
    }
}
