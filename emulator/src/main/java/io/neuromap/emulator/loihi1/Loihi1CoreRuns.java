package io.neuromap.emulator.loihi1;

import io.neuromap.backends.loihi1.config.Loihi1JoinOp;
import io.neuromap.backends.loihi1.config.Loihi1StackIn;
import io.neuromap.backends.loihi1.config.Loihi1StackOut;
import io.neuromap.backends.loihi1.config.Loihi1ThresholdOp;
import java.util.Arrays;

/**
 * Each core's compartments cut, once, into runs that one specialised loop of {@link Loihi1Kernel}
 * updates: plain compartments (no stack, join, threshold op or bAP: a LIF), soma + auxiliary ADD
 * pairs (the two-compartment LIF the CUBA lowering emits), and general dendritic trees. The cut
 * is exact because the depth of the core's stack before each compartment does not depend on any
 * value: pushes, peeks and pops act on the depth alone, and the stack starts every step empty. So
 * wherever the depth returns to 0 a new run may start with an empty stack, and the general loop
 * on a run computes what it computes on the whole core.
 *
 * <p>Why: the general tree loop reads five per-compartment codes and branches on each; a core of
 * CUBA pairs spends most of its time there. Choosing the loop per run at construction keeps the
 * codes out of the hot loops (STYLE item 13).
 *
 * @see "specs/loihi1-compartments-reward.md §1.7 (the stack)"
 */
final class Loihi1CoreRuns {

    static final byte PLAIN = 0;
    static final byte PAIR = 1;
    static final byte GENERAL = 2;

    /**
     * Most compartments in one group of uniform cores (one core's worth at most): the group's
     * slices of the 16 or so arrays its passes touch (64 KB) stay in L1 and L2 between passes.
     */
    static final int GROUP_SIZE = 1024;

    /** {@link #role} bit: the auxiliary of an ADD pair (never emits). */
    static final int ROLE_AUXILIARY = 1;
    /** {@link #role} bit: the soma of an ADD pair (adds its auxiliary's U′). */
    static final int ROLE_SOMA = 2;

    /** Run kinds per core, in compartment order. */
    final byte[][] kind;
    /** Run bounds per core: run {@code k} is core-local {@code bounds[k] .. bounds[k + 1] - 1}. */
    final int[][] bounds;
    /**
     * Per global compartment: 0 for a plain compartment, {@link #ROLE_AUXILIARY} or
     * {@link #ROLE_SOMA} in a pair run (0 in general runs, which do not read it). The branch-free
     * loops turn it into masks, so one loop covers a span of plain and pair runs.
     */
    final int[] role;
    /** Whether plain and pair runs take the profile's branch-free loop. */
    final boolean vectorised;
    /**
     * Groups of consecutive cores that one unit of work steps: group {@code k} is cores
     * {@code groupStart[k] .. groupStart[k + 1] - 1}.
     */
    final int[] groupStart;
    /**
     * Whether group {@code k}'s cores are all plain and pair runs under the branch-free loop, with
     * one vmin and vmax: then one pass of each loop covers the whole group (with 1,985 cores of
     * 100 compartments, a loop per core would spend more on entering loops than in them).
     * Otherwise the group is one core, updated run by run.
     */
    final boolean[] groupUniform;
    /**
     * Whether group {@code k} is updated in pair lanes ({@link Loihi1PairLanes}): a uniform group
     * whose cores hold nothing but auxiliary + soma ADD pairs, its somas sharing decay_u, decay_v,
     * threshold and refractory delay and its auxiliaries decay_u and decay_v when the emulator is
     * built.
     */
    final boolean[] pairLanes;
    /**
     * Where each global compartment's accumulator sits, or null when every one sits at its global
     * index in the ring: {@code g} itself, or for a compartment of a pair-lane group
     * {@code ~(2 k + soma)}, k the pair's index over all pair-lane groups and soma 1 for the soma,
     * 0 for the auxiliary: its accumulator is entry k of the auxiliary or the soma ring of
     * {@link Loihi1Dendrites}, which the lanes read with the index of every other array of theirs.
     */
    final int[] accumulator;
    /** Per group, the index of its first pair over all pair-lane groups (meaningful where {@link #pairLanes}). */
    final int[] pairStart;
    /** Pairs in all pair-lane groups. */
    final int pairs;

    private Loihi1CoreRuns(byte[][] kind, int[][] bounds, int[] role, boolean vectorised, int[] groupStart,
            boolean[] groupUniform, boolean[] pairLanes, int[] accumulator, int[] pairStart, int pairs) {
        this.kind = kind;
        this.bounds = bounds;
        this.role = role;
        this.vectorised = vectorised;
        this.groupStart = groupStart;
        this.groupUniform = groupUniform;
        this.pairLanes = pairLanes;
        this.accumulator = accumulator;
        this.pairStart = pairStart;
        this.pairs = pairs;
    }

    /** Number of groups. */
    int groups() {
        return groupUniform.length;
    }

    /**
     * Cuts every core into runs; with {@code specialise} false, every core is one run: plain if it
     * has no trees, general otherwise (the unspecialised reference the tests compare against).
     * With {@code lanes} (and {@code vectorise}), groups that qualify are updated in pair lanes,
     * and a group of cores made only of pairs with the same registers may grow to
     * {@code laneGroupSize} compartments: the pair lanes stream their arrays, so a longer group
     * costs nothing in cache and saves the per-group work of each step (the caller keeps enough
     * groups for its threads; the grouping changes no result).
     */
    static Loihi1CoreRuns build(Loihi1CompartmentTables tables, int[] offsets, boolean specialise,
            boolean vectorise, boolean lanes, int laneGroupSize) {
        int cores = offsets.length - 1;
        byte[][] kind = new byte[cores][];
        int[][] bounds = new int[cores][];
        for (int c = 0; c < cores; c++) {
            int n = offsets[c + 1] - offsets[c];
            if (!tables.tree[c] || !specialise) {
                kind[c] = new byte[] {tables.tree[c] ? GENERAL : PLAIN};
                bounds[c] = new int[] {0, n};
            } else {
                cut(tables, offsets[c], n, c, kind, bounds);
            }
        }
        int[] role = new int[offsets[cores]];
        for (int c = 0; c < cores; c++) {
            for (int k = 0; k < kind[c].length; k++) {
                if (kind[c][k] == PAIR) {
                    for (int i = bounds[c][k]; i < bounds[c][k + 1]; i += 2) {
                        role[offsets[c] + i] = ROLE_AUXILIARY;
                        role[offsets[c] + i + 1] = ROLE_SOMA;
                    }
                }
            }
        }
        boolean vectorised = specialise && vectorise;
        int[] groupStart = new int[cores + 1];
        boolean[] groupUniform = new boolean[cores];
        int groups = 0;
        int c = 0;
        while (c < cores) {
            int first = c;
            boolean uniform = vectorised && uniform(kind[c]);
            c++;
            if (uniform) {
                int size = offsets[c] - offsets[first];
                boolean pairs = lanes && onlyPairs(kind, first, c)
                        && sameRegisters(tables, offsets[first], offsets[first], offsets[c]);
                while (c < cores && uniform(kind[c]) && tables.vmin[c] == tables.vmin[first]
                        && tables.vmax[c] == tables.vmax[first]) {
                    int grown = size + offsets[c + 1] - offsets[c];
                    boolean pairsStill = pairs && onlyPairs(kind, c, c + 1)
                            && sameRegisters(tables, offsets[first], offsets[c], offsets[c + 1]);
                    if (grown > (pairsStill ? Math.max(laneGroupSize, GROUP_SIZE) : GROUP_SIZE)) {
                        break;
                    }
                    pairs = pairsStill;
                    size = grown;
                    c++;
                }
            }
            groupStart[groups] = first;
            groupUniform[groups++] = uniform;
        }
        groupStart[groups] = cores;
        boolean[] pairLanes = new boolean[groups];
        int[] pairStart = new int[groups];
        int[] accumulator = null;
        int pairs = 0;
        for (int k = 0; k < groups && lanes && vectorised; k++) {
            pairStart[k] = pairs;
            if (!groupUniform[k] || !onlyPairs(kind, groupStart[k], groupStart[k + 1])
                    || !registersShared(tables, offsets[groupStart[k]], offsets[groupStart[k + 1]])) {
                continue;
            }
            pairLanes[k] = true;
            if (accumulator == null) {
                accumulator = new int[offsets[cores]];
                for (int g = 0; g < accumulator.length; g++) {
                    accumulator[g] = g;
                }
            }
            int g0 = offsets[groupStart[k]];
            for (int g = g0; g < offsets[groupStart[k + 1]]; g += 2, pairs++) {
                accumulator[g] = ~(2 * pairs);
                accumulator[g + 1] = ~(2 * pairs + 1);
            }
        }
        return new Loihi1CoreRuns(kind, bounds, role, vectorised, Arrays.copyOf(groupStart, groups + 1),
                Arrays.copyOf(groupUniform, groups), pairLanes, accumulator, pairStart, pairs);
    }

    /** Whether cores {@code first .. end - 1} are each one run of pairs. */
    private static boolean onlyPairs(byte[][] kind, int first, int end) {
        for (int c = first; c < end; c++) {
            if (kind[c].length != 1 || kind[c][0] != PAIR) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the pairs at global {@code g0 .. g1 - 1} (auxiliary at even offsets) agree on the
     * registers the lanes hold once per group: the somas' decays, threshold and refractory delay,
     * the auxiliaries' decays (an auxiliary never fires, so its threshold and delay are never read).
     */
    static boolean registersShared(Loihi1CompartmentTables t, int g0, int g1) {
        return sameRegisters(t, g0, g0 + 2, g1);
    }

    /**
     * Whether the pairs at global {@code from .. to - 1} have the registers of the pair at
     * {@code first} (as {@link #registersShared} compares them); {@code from - first} is even.
     */
    private static boolean sameRegisters(Loihi1CompartmentTables t, int first, int from, int to) {
        for (int g = from; g < to; g++) {
            int like = first + ((g - first) & 1);
            if (t.decayU[g] != t.decayU[like] || t.decayV[g] != t.decayV[like]) {
                return false;
            }
            if ((g - first) % 2 == 1 && (t.threshold[g] != t.threshold[like] || t.refractDelay[g] != t.refractDelay[like])) {
                return false;
            }
        }
        return true;
    }

    private static boolean uniform(byte[] kinds) {
        for (byte k : kinds) {
            if (k == GENERAL) {
                return false;
            }
        }
        return true;
    }

    private static void cut(Loihi1CompartmentTables t, int off, int n, int c, byte[][] kindOut, int[][] boundsOut) {
        byte[] kinds = new byte[n];
        int[] bounds = new int[n + 1];
        int runs = 0;
        int depth = 0;
        int start = 0;
        for (int i = 0; i < n; i++) {
            depth = depthAfter(t, off + i, depth);
            if (depth != 0 && i < n - 1) {
                continue;
            }
            byte k = classify(t, off, start, i + 1, depth);
            if (runs > 0 && kinds[runs - 1] == k && k != GENERAL) {
                bounds[runs] = i + 1;
            } else {
                kinds[runs] = k;
                bounds[runs] = start;
                bounds[++runs] = i + 1;
            }
            start = i + 1;
        }
        kindOut[c] = Arrays.copyOf(kinds, runs);
        boundsOut[c] = Arrays.copyOf(bounds, runs + 1);
    }

    private static int depthAfter(Loihi1CompartmentTables t, int g, int depth) {
        int in = t.stackIn[g];
        if (in == Loihi1StackIn.PEEK_A.code()) {
            // A peek leaves the depth as it is.
        } else if (in == Loihi1StackIn.POP_A.code()) {
            depth = depth > 0 ? depth - 1 : 0;
        } else if (in == Loihi1StackIn.POP_A_AND_B.code()) {
            depth = depth == 2 ? 0 : depth;
        }
        int out = t.stackOut[g];
        if ((out == Loihi1StackOut.PUSH.code() || out == Loihi1StackOut.PUSH_U.code()) && depth < 2) {
            depth++;
        }
        return depth;
    }

    /** The kind of the stack-balanced segment {@code from .. to - 1} (core-local) ending at {@code depth}. */
    private static byte classify(Loihi1CompartmentTables t, int off, int from, int to, int depth) {
        if (depth != 0) {
            return GENERAL;
        }
        if (to - from == 1 && isPlain(t, off + from)) {
            return PLAIN;
        }
        if (to - from == 2 && isAuxiliary(t, off + from) && isAddSoma(t, off + from + 1)) {
            return PAIR;
        }
        return GENERAL;
    }

    private static boolean isPlain(Loihi1CompartmentTables t, int g) {
        return t.stackIn[g] == Loihi1StackIn.SKIP.code() && t.stackOut[g] == Loihi1StackOut.SKIP.code()
                && t.joinOp[g] == Loihi1JoinOp.SKIP.code()
                && t.threshOp[g] == Loihi1ThresholdOp.SPIKE_AND_RESET.code() && !bapRefractory(t, g);
    }

    /** Pushes its U′, never emits, joins nothing: its own spike bit reaches no one under ADD. */
    private static boolean isAuxiliary(Loihi1CompartmentTables t, int g) {
        return t.stackIn[g] == Loihi1StackIn.SKIP.code() && t.stackOut[g] == Loihi1StackOut.PUSH_U.code()
                && t.joinOp[g] == Loihi1JoinOp.SKIP.code()
                && t.threshOp[g] == Loihi1ThresholdOp.NO_SPIKE_AND_PASS_V.code() && !bapRefractory(t, g);
    }

    private static boolean isAddSoma(Loihi1CompartmentTables t, int g) {
        return t.stackIn[g] == Loihi1StackIn.POP_A.code() && t.stackOut[g] == Loihi1StackOut.SKIP.code()
                && t.joinOp[g] == Loihi1JoinOp.ADD.code()
                && t.threshOp[g] == Loihi1ThresholdOp.SPIKE_AND_RESET.code() && !bapRefractory(t, g);
    }

    /** Whether any bAP source can start the refractory period (the only bAP action emulated). */
    private static boolean bapRefractory(Loihi1CompartmentTables t, int g) {
        int bits = t.bap[g];
        return (bits & Loihi1CompartmentTables.BAP_REFRACTORY) != 0 && (bits & ~Loihi1CompartmentTables.BAP_REFRACTORY) != 0;
    }
}
