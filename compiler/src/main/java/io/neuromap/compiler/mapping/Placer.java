package io.neuromap.compiler.mapping;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.ir.Network;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Puts the cores of a partition onto the target's mesh, minimising Σ traffic × hops over core
 * pairs. The chips used are the fewest that hold the cores, laid out compactly on the system's
 * chip grid. Two starts are improved and the better kept: a greedy one (cores in order of their
 * traffic with the cores already placed, each on the free slot nearest its heaviest neighbour
 * that costs least) and cores in numbering order (which follows the populations, often already
 * local). Improvement moves a core to, or swaps it with, slots around the weighted median of its
 * neighbours while that lowers the objective. Deterministic; all sums are integers.
 */
public final class Placer {
    private Placer() {
    }

    /** Places {@code partition} (of {@code network}) on its model's mesh. */
    public static Placement place(Network network, Partition partition, PlacementOptions options) {
        requireNonNull(network, "network is null");
        requireNonNull(partition, "partition is null");
        requireNonNull(options, "options is null");
        Mesh mesh = partition.model().mesh();
        int cores = partition.coreCount();
        int perChip = mesh.coresPerChip();
        int chipsNeeded = Math.max(1, (cores + perChip - 1) / perChip);
        List<Violation> violations = new ArrayList<>();
        if (chipsNeeded > mesh.chipsAvailable()) {
            violations.add(new Violation(partition.model().ruleId(MappingRule.CHIPS), Severity.ERROR, network.span(),
                    "chips", chipsNeeded, mesh.chipsAvailable(), "chips",
                    "the network needs " + chipsNeeded + " chips (" + cores + " cores at " + perChip
                            + " per chip); the system has " + mesh.chipsAvailable(),
                    "map onto a system with at least " + chipsNeeded + " chips (--chips " + chipsNeeded
                            + ") or make the network smaller"));
        }
        MeshLayout layout = mesh.layout(chipsNeeded);
        Graph graph = Graph.of(partition.traffic());
        Search search = new Search(layout, options.candidates());

        int[] naive = new int[cores];
        for (int c = 0; c < cores; c++) {
            naive[c] = c;
        }
        long naiveCost = cost(graph, layout, naive);
        int[] greedy = greedy(graph, layout, search);
        long greedyCost = improve(graph, layout, search, greedy, options.improvementPasses());
        int[] ordered = naive.clone();
        long orderedCost = improve(graph, layout, search, ordered, options.improvementPasses());
        int[] best = orderedCost < greedyCost ? ordered : greedy;
        long bestCost = Math.min(orderedCost, greedyCost);

        long interChip = 0;
        long interChipHops = 0;
        CoreTraffic traffic = partition.traffic();
        for (int e = 0; e < traffic.edgeCount(); e++) {
            int a = best[traffic.from(e)];
            int b = best[traffic.to(e)];
            if (layout.chipOf(a) != layout.chipOf(b)) {
                interChip += traffic.weight(e);
                interChipHops += traffic.weight(e) * layout.hops(a, b);
            }
        }
        return new Placement(layout, best, mesh.chipsAvailable(), bestCost, naiveCost, interChip, interChipHops,
                violations);
    }

    static long cost(Graph g, MeshLayout layout, int[] slotOf) {
        long sum = 0;
        for (int a = 0; a < g.nodes; a++) {
            for (int i = g.start[a]; i < g.start[a + 1]; i++) {
                int b = g.node[i];
                if (a < b) {
                    sum += g.weight[i] * layout.hops(slotOf[a], slotOf[b]);
                }
            }
        }
        return sum;
    }

    private static int[] greedy(Graph g, MeshLayout layout, Search search) {
        int n = g.nodes;
        int[] slotOf = new int[n];
        Arrays.fill(slotOf, -1);
        int[] owner = new int[layout.slots()];
        Arrays.fill(owner, -1);
        long[] attached = new long[n];
        // Max-heap on (weight to placed cores, then lowest core); stale entries are skipped.
        PriorityQueue<long[]> heap = new PriorityQueue<>((p, q) -> p[0] != q[0] ? Long.compare(q[0], p[0])
                : Long.compare(p[1], q[1]));
        Integer[] bySize = new Integer[n];
        for (int c = 0; c < n; c++) {
            bySize[c] = c;
        }
        Arrays.sort(bySize, (p, q) -> g.total[p] != g.total[q] ? Long.compare(g.total[q], g.total[p]) : Integer.compare(p, q));
        int seedCursor = 0;
        int lastSlot = centreSlot(layout);
        int placed = 0;
        while (placed < n) {
            int core = -1;
            while (!heap.isEmpty()) {
                long[] top = heap.poll();
                int c = (int) top[1];
                if (slotOf[c] < 0 && top[0] == attached[c]) {
                    core = c;
                    break;
                }
            }
            int anchor;
            if (core < 0) {
                while (slotOf[bySize[seedCursor]] >= 0) {
                    seedCursor++;
                }
                core = bySize[seedCursor];
                anchor = lastSlot;
            } else {
                anchor = heaviestPlacedNeighbourSlot(g, core, slotOf);
            }
            int slot = search.bestFreeSlot(g, core, slotOf, owner, anchor, layout.slots() - placed);
            slotOf[core] = slot;
            owner[slot] = core;
            lastSlot = slot;
            placed++;
            for (int i = g.start[core]; i < g.start[core + 1]; i++) {
                int m = g.node[i];
                if (slotOf[m] < 0) {
                    attached[m] += g.weight[i];
                    heap.add(new long[] {attached[m], m});
                }
            }
        }
        return slotOf;
    }

    private static int centreSlot(MeshLayout layout) {
        int s = layout.firstSlotAt(layout.width() / 2, layout.height() / 2);
        return s < 0 ? 0 : s;
    }

    private static int heaviestPlacedNeighbourSlot(Graph g, int core, int[] slotOf) {
        long best = -1;
        int slot = -1;
        for (int i = g.start[core]; i < g.start[core + 1]; i++) {
            int m = g.node[i];
            if (slotOf[m] >= 0 && g.weight[i] > best) {
                best = g.weight[i];
                slot = slotOf[m];
            }
        }
        return slot;
    }

    /** Improves {@code slotOf} in place by moves and swaps; returns its cost. */
    private static long improve(Graph g, MeshLayout layout, Search search, int[] slotOf, int passes) {
        int[] owner = new int[layout.slots()];
        Arrays.fill(owner, -1);
        for (int c = 0; c < slotOf.length; c++) {
            owner[slotOf[c]] = c;
        }
        for (int pass = 0; pass < passes; pass++) {
            boolean improved = false;
            for (int a = 0; a < g.nodes; a++) {
                if (g.start[a] == g.start[a + 1]) {
                    continue;
                }
                int target = search.medianSlot(g, a, slotOf);
                int[] candidates = search.nearestSlots(target, null, layout.slots());
                int current = slotOf[a];
                long bestDelta = 0;
                int bestSlot = -1;
                for (int k = 0; k < search.found; k++) {
                    int s = candidates[k];
                    if (s == current) {
                        continue;
                    }
                    int b = owner[s];
                    long delta = moveDelta(g, layout, slotOf, a, s, b);
                    if (b >= 0) {
                        delta += moveDelta(g, layout, slotOf, b, current, a);
                    }
                    if (delta < bestDelta) {
                        bestDelta = delta;
                        bestSlot = s;
                    }
                }
                if (bestSlot >= 0) {
                    int b = owner[bestSlot];
                    slotOf[a] = bestSlot;
                    owner[bestSlot] = a;
                    owner[current] = b;
                    if (b >= 0) {
                        slotOf[b] = current;
                    }
                    improved = true;
                }
            }
            if (!improved) {
                break;
            }
        }
        return cost(g, layout, slotOf);
    }

    /** Change in the cost of core {@code a}'s edges if it moved to {@code slot}, ignoring its edge to {@code other}. */
    private static long moveDelta(Graph g, MeshLayout layout, int[] slotOf, int a, int slot, int other) {
        long delta = 0;
        int from = slotOf[a];
        for (int i = g.start[a]; i < g.start[a + 1]; i++) {
            int m = g.node[i];
            if (m == other) {
                continue;
            }
            int sm = slotOf[m];
            delta += g.weight[i] * (layout.hops(slot, sm) - layout.hops(from, sm));
        }
        return delta;
    }

    /** The undirected core graph: traffic both ways summed, in CSR form, neighbours in increasing order. */
    static final class Graph {
        final int nodes;
        final int[] start;
        final int[] node;
        final long[] weight;
        final long[] total;

        private Graph(int nodes, int[] start, int[] node, long[] weight, long[] total) {
            this.nodes = nodes;
            this.start = start;
            this.node = node;
            this.weight = weight;
            this.total = total;
        }

        static Graph of(CoreTraffic t) {
            int n = t.cores();
            LongLongMap undirected = new LongLongMap(Math.max(16, t.edgeCount()));
            for (int e = 0; e < t.edgeCount(); e++) {
                int a = Math.min(t.from(e), t.to(e));
                int b = Math.max(t.from(e), t.to(e));
                undirected.add(((long) a << 32) | b, t.weight(e));
            }
            long[] keys = undirected.sortedKeys();
            int[] degree = new int[n + 1];
            for (long k : keys) {
                degree[(int) (k >>> 32) + 1]++;
                degree[(int) k + 1]++;
            }
            for (int i = 0; i < n; i++) {
                degree[i + 1] += degree[i];
            }
            int[] next = Arrays.copyOf(degree, n);
            int[] node = new int[keys.length * 2];
            long[] weight = new long[keys.length * 2];
            long[] total = new long[n];
            // Keys are sorted by (a, b): emitting both directions in this order keeps every list sorted.
            for (long k : keys) {
                int a = (int) (k >>> 32);
                int b = (int) k;
                long w = undirected.get(k);
                node[next[a]] = b;
                weight[next[a]++] = w;
                total[a] += w;
                total[b] += w;
            }
            for (long k : keys) {
                int a = (int) (k >>> 32);
                int b = (int) k;
                node[next[b]] = a;
                weight[next[b]++] = undirected.get(k);
            }
            for (int i = 0; i < n; i++) {
                sortRun(node, weight, degree[i], degree[i + 1]);
            }
            return new Graph(n, degree, node, weight, total);
        }

        private static void sortRun(int[] node, long[] weight, int from, int to) {
            for (int i = from + 1; i < to; i++) {
                int nv = node[i];
                long wv = weight[i];
                int j = i - 1;
                while (j >= from && node[j] > nv) {
                    node[j + 1] = node[j];
                    weight[j + 1] = weight[j];
                    j--;
                }
                node[j + 1] = nv;
                weight[j + 1] = wv;
            }
        }
    }

    /** Nearest-slot search on the router grid, rings of growing Manhattan radius, reusing its buffers. */
    static final class Search {
        private static final int MAX_POINTS = 1 << 16;
        private static final int SLACK_RADIUS = 2;
        private final MeshLayout layout;
        private final int wanted;
        private final int[] found0;
        int found;
        private long[] xs = new long[16];
        private long[] ys = new long[16];
        private int freeCursor;

        Search(MeshLayout layout, int wanted) {
            this.layout = layout;
            this.wanted = wanted;
            this.found0 = new int[wanted];
        }

        /**
         * Up to {@code wanted} slots nearest {@code centre} (all slots, or only free ones when
         * {@code owner} is given; {@code available} of them exist), nearest first, none more than
         * a few hops farther than the nearest; sets {@link #found}.
         */
        int[] nearestSlots(int centre, int[] owner, int available) {
            found = 0;
            int limit = Math.min(wanted, available);
            int cx = layout.x(centre);
            int cy = layout.y(centre);
            int maxRadius = layout.width() + layout.height();
            int points = 0;
            int per = layout.coresPerRouter();
            int lastRadius = maxRadius;
            for (int d = 0; d <= lastRadius && found < limit && points < MAX_POINTS; d++) {
                // Points at distance d, in a fixed order: dx from -d to d, dy = -(d - |dx|) then +(d - |dx|).
                for (int dx = -d; dx <= d && found < limit; dx++) {
                    int rest = d - Math.abs(dx);
                    for (int sign = -1; sign <= 1 && found < limit; sign += 2) {
                        if (rest == 0 && sign == 1) {
                            break;
                        }
                        int first = layout.firstSlotAt(cx + dx, cy + sign * rest);
                        points++;
                        if (first < 0) {
                            continue;
                        }
                        for (int s = first; s < first + per && found < limit; s++) {
                            if (owner == null || owner[s] < 0) {
                                found0[found++] = s;
                            }
                        }
                    }
                }
                if (found > 0 && lastRadius == maxRadius) {
                    // Slots much farther than the nearest one are not worth trying.
                    lastRadius = Math.min(maxRadius, d + SLACK_RADIUS);
                }
            }
            if (found == 0 && owner != null) {
                // The neighbourhood is full: fall back to the first free slot in slot order.
                while (owner[freeCursor] >= 0) {
                    freeCursor++;
                }
                found0[found++] = freeCursor;
            }
            return found0;
        }

        /** The free slot near {@code anchor} that costs {@code core} least with its placed neighbours. */
        int bestFreeSlot(Graph g, int core, int[] slotOf, int[] owner, int anchor, int free) {
            int[] candidates = nearestSlots(anchor, owner, free);
            long bestCost = Long.MAX_VALUE;
            int best = candidates[0];
            for (int k = 0; k < found; k++) {
                int s = candidates[k];
                long c = 0;
                for (int i = g.start[core]; i < g.start[core + 1]; i++) {
                    int m = g.node[i];
                    if (slotOf[m] >= 0) {
                        c += g.weight[i] * layout.hops(s, slotOf[m]);
                    }
                }
                if (c < bestCost) {
                    bestCost = c;
                    best = s;
                }
            }
            return best;
        }

        /** A slot at the weighted median router of core {@code a}'s neighbours. */
        int medianSlot(Graph g, int a, int[] slotOf) {
            int deg = g.start[a + 1] - g.start[a];
            if (xs.length < deg) {
                xs = new long[Math.max(deg, xs.length * 2)];
                ys = new long[xs.length];
            }
            long half = 0;
            for (int i = 0; i < deg; i++) {
                int e = g.start[a] + i;
                int s = slotOf[g.node[e]];
                // Pack coordinate and weight so one sort orders by coordinate; weights fit in 40 bits per core pair.
                xs[i] = ((long) layout.x(s) << 40) | Math.min(g.weight[e], (1L << 40) - 1);
                ys[i] = ((long) layout.y(s) << 40) | Math.min(g.weight[e], (1L << 40) - 1);
                half += Math.min(g.weight[e], (1L << 40) - 1);
            }
            int mx = median(xs, deg, half);
            int my = median(ys, deg, half);
            int s = layout.firstSlotAt(mx, my);
            return s >= 0 ? s : slotOf[a];
        }

        private static int median(long[] packed, int n, long total) {
            Arrays.sort(packed, 0, n);
            long acc = 0;
            for (int i = 0; i < n; i++) {
                acc += packed[i] & ((1L << 40) - 1);
                if (2 * acc >= total) {
                    return (int) (packed[i] >>> 40);
                }
            }
            return (int) (packed[n - 1] >>> 40);
        }
    }
}
