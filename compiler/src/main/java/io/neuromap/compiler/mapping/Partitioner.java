package io.neuromap.compiler.mapping;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.ir.Projection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Splits a network's neurons into cores so that every core satisfies every per-core limit of
 * the target at once (never an equal split that ignores all but one resource: STYLE Avoid 10).
 *
 * <ol>
 *   <li><b>Greedy fill.</b> Neurons in population order (declaration order, then index) are
 *       added to the current core while it still fits; the first neuron that does not fit opens
 *       the next core. Fitting is monotone as a core grows ({@link ResourceModel}'s contract), so
 *       this uses the fewest cores any split of that order into contiguous runs can.</li>
 *   <li><b>Repair.</b> A core's output fan-out keeps growing after it is closed, as the targets
 *       of its neurons are placed on later cores; a core that overflowed is split by moving its
 *       last neurons to a new core until it fits. When that happened, the fill is run again with
 *       each neuron's fan-out from the first fill reserved up front, and the fill with fewer
 *       cores is kept.</li>
 *   <li><b>Refinement.</b> Each boundary between consecutive cores is shifted by the number of
 *       neurons (up to a window) that most reduces inter-core spike traffic, weighted by the
 *       sources' expected rates, among the shifts that keep every core within every limit.</li>
 * </ol>
 * A neuron that alone exceeds a core is put on a core of its own and reported as a
 * {@link Violation}; one whose own value exceeds a per-neuron limit (a synaptic delay longer than
 * any core supports) is packed as usual and each core holding such neurons is reported. Deterministic: the same network, model and options give the same result.
 * Working memory is primitive arrays: 4 bytes per synapse for the post-major index, a few per
 * neuron, and small per-core tables.
 */
public final class Partitioner {
    private Partitioner() {
    }

    /** Partitions {@code network} for the target {@code model} describes. */
    public static Partition partition(Network network, ResourceModel model, PartitionOptions options) {
        requireNonNull(network, "network is null");
        requireNonNull(model, "model is null");
        requireNonNull(options, "options is null");
        long t0 = System.nanoTime();
        Connectivity conn = Connectivity.of(network);
        Demand demand = model.demand(network);
        if (demand.neuronCount() != network.neuronCount() || demand.projectionCount() != network.projections().size()) {
            throw new IllegalArgumentException("the model's demand does not describe this network");
        }
        long[] weights = SpikeRates.weights(network, options.defaultRateHz());
        int[] order = placedOrder(network, demand, model);
        long t1 = System.nanoTime();

        PartitionState state = new PartitionState(conn, demand, model, weights);
        Ranges ranges = new Ranges();
        greedy(state, order, ranges, null);
        int greedyCores = state.cores.size();
        int splits = repair(state, order, ranges, options.repairRounds());
        if (splits > 0) {
            // Output fan-out outgrew cores closed early. Fill again, this time reserving for each
            // neuron the fan-out it reached, and keep the fill with fewer cores.
            int[] reserve = state.fanout.clone();
            PartitionState second = new PartitionState(conn, demand, model, weights);
            Ranges secondRanges = new Ranges();
            greedy(second, order, secondRanges, reserve);
            int secondGreedy = second.cores.size();
            int secondSplits = repair(second, order, secondRanges, options.repairRounds());
            if (second.cores.size() < state.cores.size()) {
                state = second;
                ranges = secondRanges;
                greedyCores = secondGreedy;
                splits = secondSplits;
            }
        }
        long trafficBefore = state.traffic;
        long t2 = System.nanoTime();

        long moves = BoundaryRefiner.refine(state, order, ranges, options);
        long trafficAfter = state.traffic;
        long t3 = System.nanoTime();

        Partition result = finish(network, model, conn, demand, state, order, ranges, weights, greedyCores, splits,
                moves, trafficBefore, trafficAfter, t1 - t0, t2 - t1, t3 - t2, t3);
        return result;
    }

    /**
     * The neurons that run on cores, in population then index order, except that a population
     * with more distinct keys of some table (profiles) than a core's table holds is ordered by
     * its keys: neurons that share a profile then share cores, and the population spreads over
     * as few cores as its distinct profiles need. Index order is kept otherwise, since it
     * usually follows the network's structure.
     */
    private static int[] placedOrder(Network network, Demand demand, ResourceModel model) {
        int count = 0;
        for (int p = 0; p < network.populations().size(); p++) {
            if (demand.placed(p)) {
                count += network.populations().get(p).size();
            }
        }
        List<Resource> resources = model.resources();
        long[] zero = new long[resources.size()];
        List<Integer> tables = new ArrayList<>();
        for (int r = 0; r < resources.size(); r++) {
            if (resources.get(r).kind() == ResourceKind.NEURON_DISTINCT) {
                tables.add(r);
            }
        }
        int[] order = new int[count];
        int n = 0;
        for (int p = 0; p < network.populations().size(); p++) {
            if (!demand.placed(p)) {
                continue;
            }
            Population pop = network.populations().get(p);
            int from = n;
            for (int i = 0; i < pop.size(); i++) {
                order[n++] = pop.offset() + i;
            }
            boolean crowded = false;
            for (int r : tables) {
                LongLongMap distinct = new LongLongMap();
                long cap = model.capacity(r, zero);
                for (int i = from; i < n && distinct.size() <= cap; i++) {
                    for (int k = 0; k < demand.keyCount(r, order[i]); k++) {
                        distinct.add(demand.key(r, order[i], k), 1);
                    }
                }
                crowded |= distinct.size() > cap;
            }
            if (crowded) {
                IndexSort.sort(order, from, n, (a, b) -> compareKeys(demand, tables, a, b));
            }
        }
        return order;
    }

    /** Neurons by their keys, table by table, then by index. */
    private static int compareKeys(Demand demand, List<Integer> tables, int a, int b) {
        for (int r : tables) {
            int ka = demand.keyCount(r, a);
            int kb = demand.keyCount(r, b);
            for (int k = 0; k < Math.min(ka, kb); k++) {
                int c = Long.compare(demand.key(r, a, k), demand.key(r, b, k));
                if (c != 0) {
                    return c;
                }
            }
            if (ka != kb) {
                return Integer.compare(ka, kb);
            }
        }
        return Integer.compare(a, b);
    }

    /**
     * Fills cores in order. With {@code reserve}, a core also closes when the output fan-out its
     * neurons reached in an earlier fill ({@code reserve[n]} cores for neuron n) would overflow it.
     */
    private static void greedy(PartitionState state, int[] order, Ranges ranges, int[] reserve) {
        if (order.length == 0) {
            return;
        }
        int[] outRes = state.outputResources();
        long[] reserved = new long[outRes.length];
        int c = ranges.open(state.newCore(), 0);
        for (int pos = 0; pos < order.length; pos++) {
            int x = order[pos];
            state.add(x, c);
            if (state.fits(c) && reservedFits(state, c, x, reserve, outRes, reserved)) {
                continue;
            }
            if (state.neurons(c) == 1) {
                // This neuron alone exceeds a core: it keeps the core to itself and is reported.
                ranges.close(c, pos + 1);
                c = ranges.open(state.newCore(), pos + 1);
                Arrays.fill(reserved, 0);
                continue;
            }
            state.remove(x);
            ranges.close(c, pos);
            c = ranges.open(state.newCore(), pos);
            Arrays.fill(reserved, 0);
            state.add(x, c);
            if (!state.fits(c) || !reservedFits(state, c, x, reserve, outRes, reserved)) {
                ranges.close(c, pos + 1);
                c = ranges.open(state.newCore(), pos + 1);
                Arrays.fill(reserved, 0);
            }
        }
        ranges.close(c, order.length);
        if (state.neurons(c) == 0) {
            state.dropLastCore();
            ranges.dropLast();
        }
    }

    /** Adds x's reservation to the core's running sums; false (sums unchanged) if that would overflow. */
    private static boolean reservedFits(PartitionState state, int c, int x, int[] reserve, int[] outRes, long[] reserved) {
        if (reserve == null) {
            return true;
        }
        for (int i = 0; i < outRes.length; i++) {
            long next = reserved[i] + (long) reserve[x] * state.outputAmount(outRes[i], x);
            if (!state.fitsReserved(c, outRes[i], next)) {
                return false;
            }
        }
        for (int i = 0; i < outRes.length; i++) {
            reserved[i] += (long) reserve[x] * state.outputAmount(outRes[i], x);
        }
        return true;
    }

    private static int repair(PartitionState state, int[] order, Ranges ranges, int rounds) {
        int splits = 0;
        for (int round = 0; round < rounds; round++) {
            boolean split = false;
            int cores = state.cores.size();
            for (int c = 0; c < cores; c++) {
                if (state.neurons(c) <= 1 || state.fits(c)) {
                    continue;
                }
                int end = ranges.end[c];
                int d = ranges.open(state.newCore(), end);
                int cut = end;
                while (state.neurons(c) > 1 && !state.fits(c)) {
                    cut--;
                    state.move(order[cut], d);
                }
                ranges.start[d] = cut;
                ranges.close(d, end);
                ranges.close(c, cut);
                splits++;
                split = true;
            }
            if (!split) {
                break;
            }
        }
        return splits;
    }

    private static Partition finish(Network network, ResourceModel model, Connectivity conn, Demand demand,
            PartitionState state, int[] order, Ranges ranges, long[] weights, int greedyCores, int splits, long moves,
            long trafficBefore, long trafficAfter, long indexNanos, long greedyNanos, long refineNanos, long t3) {
        int cores = state.cores.size();
        // Number cores by their first neuron, so the result does not depend on how they were made.
        Integer[] byStart = new Integer[cores];
        for (int c = 0; c < cores; c++) {
            byStart[c] = c;
        }
        Arrays.sort(byStart, (a, b) -> Integer.compare(ranges.start[a], ranges.start[b]));
        int[] newIndex = new int[cores];
        int[] start = new int[cores];
        int[] end = new int[cores];
        for (int i = 0; i < cores; i++) {
            newIndex[byStart[i]] = i;
            start[i] = ranges.start[byStart[i]];
            end[i] = ranges.end[byStart[i]];
        }
        state.renumber(newIndex);

        // Slices: a core's run of the order, cut where the population changes.
        int[] sliceStart = new int[cores + 1];
        List<int[]> slices = new ArrayList<>();
        for (int c = 0; c < cores; c++) {
            sliceStart[c] = slices.size();
            int pos = start[c];
            while (pos < end[c]) {
                int pop = conn.populationOf[order[pos]];
                int offset = network.populations().get(pop).offset();
                int from = order[pos] - offset;
                int to = from;
                while (pos < end[c] && conn.populationOf[order[pos]] == pop && order[pos] - offset == to) {
                    to++;
                    pos++;
                }
                slices.add(new int[] {pop, from, to});
            }
            // Ordered by keys, a core's run may hold a population's neurons out of index order.
            slices.subList(sliceStart[c], slices.size()).sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0])
                    : Integer.compare(x[1], y[1]));
        }
        sliceStart[cores] = slices.size();
        int[] slicePopulation = new int[slices.size()];
        int[] sliceFrom = new int[slices.size()];
        int[] sliceTo = new int[slices.size()];
        for (int i = 0; i < slices.size(); i++) {
            slicePopulation[i] = slices.get(i)[0];
            sliceFrom[i] = slices.get(i)[1];
            sliceTo[i] = slices.get(i)[2];
        }

        long[][] usage = new long[cores][];
        int[] neurons = new int[cores];
        long[] synapses = new long[cores];
        for (int c = 0; c < cores; c++) {
            CoreState core = state.cores.get(c);
            usage[c] = core.used.clone();
            neurons[c] = core.neurons;
            synapses[c] = core.synapses;
        }
        LowerBounds bounds = LowerBounds.compute(network, conn, demand, model);
        CoreTraffic traffic = CoreTraffic.of(network, conn, state.coreOf, cores, weights);
        List<Violation> violations = new ArrayList<>();
        for (int j = 0; j < network.projections().size(); j++) {
            Projection p = network.projections().get(j);
            if (!demand.placed(p.post()) && p.synapseCount() > 0) {
                String post = network.populations().get(p.post()).name();
                violations.add(new Violation(model.ruleId(MappingRule.OFF_CORE_TARGET), Severity.ERROR, p.span(),
                        "core assignment", p.synapseCount(), 0, "synapses",
                        "projection `" + p.name() + "` ends on population `" + post + "`, whose neurons do not run on a "
                                + model.target() + " core",
                        "project onto a population of neurons, not onto a spike source"));
            }
        }
        for (int c = 0; c < cores; c++) {
            Utilization u = model.utilization(usage[c]);
            if (u.fits()) {
                continue;
            }
            Population pop = network.populations().get(slicePopulation[sliceStart[c]]);
            String where = describe(network, slicePopulation, sliceFrom, sliceTo, sliceStart[c], sliceStart[c + 1]);
            for (Utilization.Row row : u.overLimit()) {
                Resource r = row.resource();
                violations.add(new Violation(r.ruleId(), Severity.ERROR, pop.span(), r.name(), row.used(), row.max(),
                        r.unit(),
                        String.format(Locale.ROOT, "core %d (%s, %d neuron%s) needs %d %s of %s; a core has %d", c, where,
                                neurons[c], neurons[c] == 1 ? "" : "s", row.used(), r.unit(), r.name(), row.max()),
                        r.fix().replace("%s", pop.name())));
            }
        }
        long finishNanos = System.nanoTime() - t3;
        PartitionStatistics stats = new PartitionStatistics(greedyCores, splits, moves, trafficBefore, trafficAfter,
                indexNanos, greedyNanos, refineNanos, finishNanos);
        return new Partition(model, state.coreOf, sliceStart, slicePopulation, sliceFrom, sliceTo, usage, neurons,
                synapses, bounds, traffic, violations, stats);
    }

    private static String describe(Network network, int[] pop, int[] from, int[] to, int first, int last) {
        StringBuilder out = new StringBuilder();
        for (int i = first; i < last && i < first + 3; i++) {
            out.append(i == first ? "" : ", ").append('`').append(network.populations().get(pop[i]).name()).append('[')
                    .append(from[i]).append(':').append(to[i]).append("]`");
        }
        if (last - first > 3) {
            out.append(", ...");
        }
        return out.toString();
    }

    /** Each core's run {@code [start, end)} of the placed order; cores stay contiguous runs throughout. */
    static final class Ranges {
        int[] start = new int[16];
        int[] end = new int[16];
        private int count;

        int open(int core, int at) {
            if (core != count) {
                throw new IllegalStateException("cores must be opened in order");
            }
            if (count == start.length) {
                start = Arrays.copyOf(start, count * 2);
                end = Arrays.copyOf(end, count * 2);
            }
            start[core] = at;
            end[core] = at;
            count++;
            return core;
        }

        void close(int core, int at) {
            end[core] = at;
        }

        void dropLast() {
            count--;
        }

        int count() {
            return count;
        }
    }
}
