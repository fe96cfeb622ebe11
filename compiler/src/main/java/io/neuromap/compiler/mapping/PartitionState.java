package io.neuromap.compiler.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The partitioner's working state: which core each neuron is on, every core's usage, every
 * source's fan-out in cores, and the weighted inter-core traffic, all kept exact as neurons are
 * added to and removed from cores. Adding or removing neuron x costs O(in-degree of x) hash
 * operations on small per-core tables, with no allocation; a move is a removal plus an addition,
 * and undoing it restores every number exactly (traffic is an integer), which is what lets the
 * refinement try moves and roll them back.
 *
 * <p>Definitions. Φ(s, c) = synapses from source s onto core c; λ(s) = number of cores with
 * Φ(s, c) > 0 (one output axon each, on the source's core); remote(s) = λ(s) minus 1 if s sits
 * on one of those cores; traffic = Σ weight(s) · remote(s), i.e. spike messages that leave a
 * core (or come from the host), weighted by the source's expected rate.
 */
final class PartitionState {
    private final Connectivity conn;
    private final ResourceModel model;
    private final ResourceKind[] kinds;
    private final int resourceCount;
    private final int[] sumRes;
    private final int[] keyRes;
    private final int[] maxRes;
    private final int[] srcRes;
    private final int[] groupRes;
    private final int[] projKeyRes;
    private final int[] outRes;
    private final int[][] amount;
    private final int[][] keyStart;
    private final long[][] keys;
    private final int[][] value;
    private final GroupCost[][] cost;
    private final long[][] projKey;

    final int[] coreOf;
    final int[] fanout;
    final long[] weight;
    long traffic;
    final List<CoreState> cores = new ArrayList<>();

    private int[] touchStamp = new int[16];
    private int touchEpoch;
    private int[] touched = new int[16];
    private int touchedCount;

    PartitionState(Connectivity conn, Demand demand, ResourceModel model, long[] weight) {
        this.conn = conn;
        this.model = model;
        this.weight = weight;
        List<Resource> resources = model.resources();
        resourceCount = resources.size();
        if (demand.resourceCount() != resourceCount) {
            throw new IllegalArgumentException("demand has " + demand.resourceCount() + " resources, the model "
                    + resourceCount);
        }
        kinds = new ResourceKind[resourceCount];
        amount = new int[resourceCount][];
        keyStart = new int[resourceCount][];
        keys = new long[resourceCount][];
        value = new int[resourceCount][];
        cost = new GroupCost[resourceCount][];
        projKey = new long[resourceCount][];
        for (int r = 0; r < resourceCount; r++) {
            kinds[r] = resources.get(r).kind();
            switch (kinds[r]) {
                case NEURON_SUM:
                    amount[r] = demand.neuronAmounts(r);
                    break;
                case NEURON_DISTINCT:
                    keyStart[r] = demand.keyStarts(r);
                    keys[r] = demand.keys(r);
                    break;
                case NEURON_MAX:
                    value[r] = demand.neuronValues(r);
                    break;
                case INPUT_SOURCES:
                case OUTPUT_FANOUT:
                    amount[r] = demand.sourceAmounts(r);
                    break;
                case INPUT_GROUPS:
                    cost[r] = demand.groupCosts(r);
                    break;
                case INPUT_DISTINCT:
                    projKey[r] = demand.projectionKeys(r);
                    break;
                default:
                    throw new IllegalStateException("unknown kind " + kinds[r]);
            }
        }
        sumRes = indices(ResourceKind.NEURON_SUM);
        keyRes = indices(ResourceKind.NEURON_DISTINCT);
        maxRes = indices(ResourceKind.NEURON_MAX);
        srcRes = indices(ResourceKind.INPUT_SOURCES);
        groupRes = indices(ResourceKind.INPUT_GROUPS);
        projKeyRes = indices(ResourceKind.INPUT_DISTINCT);
        outRes = indices(ResourceKind.OUTPUT_FANOUT);
        coreOf = new int[conn.neurons];
        Arrays.fill(coreOf, -1);
        fanout = new int[conn.neurons];
    }

    private int[] indices(ResourceKind kind) {
        int n = 0;
        for (ResourceKind k : kinds) {
            if (k == kind) {
                n++;
            }
        }
        int[] out = new int[n];
        n = 0;
        for (int r = 0; r < kinds.length; r++) {
            if (kinds[r] == kind) {
                out[n++] = r;
            }
        }
        return out;
    }

    ResourceKind[] kinds() {
        return kinds;
    }

    /** The indices of the output-fanout resources. */
    int[] outputResources() {
        return outRes;
    }

    /** The per-source amount of output-fanout resource {@code r}. */
    int outputAmount(int r, int source) {
        return amount[r][source];
    }

    /** Whether {@code reserved} output units fit resource {@code r} of core {@code core}. */
    boolean fitsReserved(int core, int r, long reserved) {
        long[] used = cores.get(core).used;
        return reserved <= model.capacity(r, used);
    }

    /**
     * Appends an empty core and returns its index. Its tables start at the size the previous
     * core's reached: cores of one network are alike, and growing a table a dozen times per core
     * was a measurable part of the fill.
     */
    int newCore() {
        CoreState previous = cores.isEmpty() ? null : cores.get(cores.size() - 1);
        cores.add(new CoreState(kinds, previous == null ? 0 : previous.rows.size(),
                previous == null ? 0 : previous.sources.size()));
        int c = cores.size() - 1;
        if (c >= touchStamp.length) {
            touchStamp = Arrays.copyOf(touchStamp, Math.max(c + 1, touchStamp.length * 2));
        }
        return c;
    }

    /** Removes the last core, which must be empty. */
    void dropLastCore() {
        CoreState last = cores.get(cores.size() - 1);
        if (last.neurons != 0) {
            throw new IllegalStateException("the last core is not empty");
        }
        cores.remove(cores.size() - 1);
    }

    int neurons(int core) {
        return cores.get(core).neurons;
    }

    /**
     * Whether core {@code core} is within every capacity, by the model's
     * {@link ResourceModel#capacity}, except the per-neuron maxima ({@link ResourceKind#NEURON_MAX}):
     * a neuron whose own value exceeds such a limit breaks it on any core, alone or not, so the
     * engine packs it as if the limit held (other capacities still shrink with its value) and
     * the violation is reported once per core instead of costing one core per neuron.
     */
    boolean fits(int core) {
        long[] used = cores.get(core).used;
        for (int r = 0; r < resourceCount; r++) {
            if (kinds[r] != ResourceKind.NEURON_MAX && used[r] > model.capacity(r, used)) {
                return false;
            }
        }
        return true;
    }

    /** Puts neuron {@code x} (on no core) onto core {@code c}. */
    void add(int x, int c) {
        CoreState core = cores.get(c);
        long[] used = core.used;
        coreOf[x] = c;
        int lambda = fanout[x];
        if (lambda > 0) {
            for (int r : outRes) {
                used[r] += (long) lambda * amount[r][x];
            }
        }
        if (core.sources.get(x) > 0) {
            traffic -= weight[x];
        }
        for (int r : sumRes) {
            used[r] += amount[r][x];
        }
        for (int r : keyRes) {
            LongLongMap counts = core.keyCounts[r];
            long[] k = keys[r];
            for (int i = keyStart[r][x], end = keyStart[r][x + 1]; i < end; i++) {
                if (counts.add(k[i], 1) == 1) {
                    used[r]++;
                }
            }
        }
        for (int r : maxRes) {
            int v = value[r][x];
            core.keyCounts[r].add(v, 1);
            if (v > used[r]) {
                used[r] = v;
            }
        }
        core.neurons++;
        int[] inRow = conn.inRow;
        int[] rowProjection = conn.rowProjection;
        int[] rowSource = conn.rowSource;
        int from = conn.inStart[x];
        int to = conn.inStart[x + 1];
        for (int k = from; k < to; k++) {
            int row = inRow[k];
            int p = rowProjection[row];
            int count = core.rows.add(row, 1);
            if (count == 1 && core.projections.add(p, 1) == 1) {
                for (int r : projKeyRes) {
                    if (core.keyCounts[r].add(projKey[r][p], 1) == 1) {
                        used[r]++;
                    }
                }
            }
            for (int r : groupRes) {
                GroupCost g = cost[r][p];
                used[r] += g.cost(count) - g.cost(count - 1);
            }
            int s = rowSource[row];
            if (core.sources.add(s, 1) == 1) {
                attach(s, c, used);
            }
        }
        core.synapses += to - from;
    }

    /** Takes neuron {@code x} off its core. */
    void remove(int x) {
        int c = coreOf[x];
        CoreState core = cores.get(c);
        long[] used = core.used;
        int[] inRow = conn.inRow;
        int[] rowProjection = conn.rowProjection;
        int[] rowSource = conn.rowSource;
        int from = conn.inStart[x];
        int to = conn.inStart[x + 1];
        for (int k = from; k < to; k++) {
            int row = inRow[k];
            int p = rowProjection[row];
            int count = core.rows.add(row, -1);
            for (int r : groupRes) {
                GroupCost g = cost[r][p];
                used[r] += g.cost(count) - g.cost(count + 1);
            }
            if (count == 0 && core.projections.add(p, -1) == 0) {
                for (int r : projKeyRes) {
                    if (core.keyCounts[r].add(projKey[r][p], -1) == 0) {
                        used[r]--;
                    }
                }
            }
            int s = rowSource[row];
            if (core.sources.add(s, -1) == 0) {
                detach(s, c, used);
            }
        }
        core.synapses -= to - from;
        core.neurons--;
        for (int r : sumRes) {
            used[r] -= amount[r][x];
        }
        for (int r : keyRes) {
            LongLongMap counts = core.keyCounts[r];
            long[] k = keys[r];
            for (int i = keyStart[r][x], end = keyStart[r][x + 1]; i < end; i++) {
                if (counts.add(k[i], -1) == 0) {
                    used[r]--;
                }
            }
        }
        for (int r : maxRes) {
            int v = value[r][x];
            if (core.keyCounts[r].add(v, -1) == 0 && v == used[r]) {
                used[r] = core.keyCounts[r].maxKey(0);
            }
        }
        if (core.sources.get(x) > 0) {
            traffic += weight[x];
        }
        int lambda = fanout[x];
        if (lambda > 0) {
            for (int r : outRes) {
                used[r] -= (long) lambda * amount[r][x];
            }
        }
        coreOf[x] = -1;
    }

    /** Moves neuron {@code x} to core {@code c}. */
    void move(int x, int c) {
        remove(x);
        add(x, c);
    }

    private void attach(int s, int c, long[] used) {
        fanout[s]++;
        for (int r : srcRes) {
            used[r] += amount[r][s];
        }
        int home = coreOf[s];
        if (home != c) {
            traffic += weight[s];
        }
        if (home >= 0) {
            long[] homeUsed = cores.get(home).used;
            for (int r : outRes) {
                homeUsed[r] += amount[r][s];
            }
            if (home != c) {
                touch(home);
            }
        }
    }

    private void detach(int s, int c, long[] used) {
        fanout[s]--;
        for (int r : srcRes) {
            used[r] -= amount[r][s];
        }
        int home = coreOf[s];
        if (home != c) {
            traffic -= weight[s];
        }
        if (home >= 0) {
            long[] homeUsed = cores.get(home).used;
            for (int r : outRes) {
                homeUsed[r] -= amount[r][s];
            }
            if (home != c) {
                touch(home);
            }
        }
    }

    /** Starts recording the cores whose output usage changes as a side effect of moves. */
    void beginTouch() {
        touchEpoch++;
        touchedCount = 0;
    }

    private void touch(int core) {
        if (touchStamp[core] != touchEpoch) {
            touchStamp[core] = touchEpoch;
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touched.length * 2);
            }
            touched[touchedCount++] = core;
        }
    }

    /** Whether every core touched since {@link #beginTouch()} fits. */
    boolean touchedFit() {
        for (int i = 0; i < touchedCount; i++) {
            if (!fits(touched[i])) {
                return false;
            }
        }
        return true;
    }

    /** Reorders cores by {@code newIndex[old]} (a permutation), dropping nothing. */
    void renumber(int[] newIndex) {
        CoreState[] reordered = new CoreState[cores.size()];
        for (int c = 0; c < newIndex.length; c++) {
            reordered[newIndex[c]] = cores.get(c);
        }
        cores.clear();
        cores.addAll(Arrays.asList(reordered));
        for (int x = 0; x < coreOf.length; x++) {
            if (coreOf[x] >= 0) {
                coreOf[x] = newIndex[coreOf[x]];
            }
        }
    }
}
