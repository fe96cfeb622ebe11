package io.neuromap.compiler.mapping;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.compiler.ir.SynapseMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lower bounds on the number of cores, one per resource, computed from the {@link Demand} alone
 * (never from a partition), so "cores achieved vs lower bound" measures the partitioner:
 * <ul>
 *   <li>sums per neuron: Σ amount / capacity, each neuron's amount taken over the capacity of any
 *       core it could share (a neuron with long input delays only fits cores capped lower);</li>
 *   <li>distinct keys: distinct keys in the network / capacity (every key needs a core, a core
 *       holds at most capacity of them): the structural bound on profiles;</li>
 *   <li>input sources and output fan-out: every source with a synapse onto a core needs at least
 *       one input axon and its neuron one output axon, somewhere;</li>
 *   <li>groups: Σ over rows of the least any split of the row over cores can cost
 *       ({@link GroupCost#lowerBound}) / capacity.</li>
 * </ul>
 * The bound is the largest of these (at least one core when any neuron runs on a core).
 */
public final class LowerBounds {
    private final List<LowerBound> rows;
    private final long cores;

    private LowerBounds(List<LowerBound> rows, long cores) {
        this.rows = List.copyOf(rows);
        this.cores = cores;
    }

    /** The bounds of {@code network} under {@code model}. */
    public static LowerBounds of(Network network, ResourceModel model) {
        requireNonNull(network, "network is null");
        requireNonNull(model, "model is null");
        return compute(network, Connectivity.of(network), model.demand(network), model);
    }

    static LowerBounds compute(Network network, Connectivity conn, Demand demand, ResourceModel model) {
        List<Resource> resources = model.resources();
        int resourceCount = resources.size();
        long[] zero = new long[resourceCount];
        int projections = network.projections().size();
        boolean anyPlaced = false;
        for (int n = 0; n < conn.neurons && !anyPlaced; n++) {
            anyPlaced = demand.placed(conn.populationOf[n]);
        }
        boolean[] postPlaced = new boolean[projections];
        for (int j = 0; j < projections; j++) {
            postPlaced[j] = demand.placed(network.projections().get(j).post());
        }
        boolean[] hasTarget = new boolean[conn.neurons];
        for (int j = 0; j < projections; j++) {
            if (!postPlaced[j]) {
                continue;
            }
            SynapseMatrix m = network.projections().get(j).synapses();
            for (int i = 0; i < m.rows(); i++) {
                if (m.rowLength(i) > 0) {
                    hasTarget[conn.rowSource[conn.rowBase[j] + i]] = true;
                }
            }
        }
        int[] maxRes = indices(resources, ResourceKind.NEURON_MAX);
        List<LowerBound> rows = new ArrayList<>();
        long best = anyPlaced ? 1 : 0;
        for (int r = 0; r < resourceCount; r++) {
            Resource res = resources.get(r);
            long cap0 = model.capacity(r, zero);
            LowerBound bound;
            switch (res.kind()) {
                case NEURON_SUM: {
                    long[] probe = new long[resourceCount];
                    double share = 0;
                    long total = 0;
                    for (int n = 0; n < conn.neurons; n++) {
                        if (!demand.placed(conn.populationOf[n])) {
                            continue;
                        }
                        int a = demand.neuronAmount(r, n);
                        if (a == 0) {
                            continue;
                        }
                        for (int m : maxRes) {
                            probe[m] = demand.neuronValue(m, n);
                        }
                        long cap = model.capacity(r, probe);
                        total += a;
                        share += cap > 0 ? a / (double) cap : 1;
                    }
                    bound = new LowerBound(res, total, ceil(share),
                            "sum per neuron over the capacity of a core it can share");
                    break;
                }
                case NEURON_DISTINCT: {
                    LongLongMap distinct = new LongLongMap();
                    for (int n = 0; n < conn.neurons; n++) {
                        if (demand.placed(conn.populationOf[n])) {
                            for (int i = 0; i < demand.keyCount(r, n); i++) {
                                distinct.add(demand.key(r, n, i), 1);
                            }
                        }
                    }
                    bound = new LowerBound(res, distinct.size(), ceilDiv(distinct.size(), cap0),
                            "distinct values in the network over the per-core table size");
                    break;
                }
                case NEURON_MAX: {
                    long max = 0;
                    for (int n = 0; n < conn.neurons; n++) {
                        if (demand.placed(conn.populationOf[n])) {
                            max = Math.max(max, demand.neuronValue(r, n));
                        }
                    }
                    bound = new LowerBound(res, max, anyPlaced ? 1 : 0, "a per-neuron limit: bounds no core count");
                    break;
                }
                case INPUT_SOURCES:
                case OUTPUT_FANOUT: {
                    long total = 0;
                    boolean output = res.kind() == ResourceKind.OUTPUT_FANOUT;
                    for (int s = 0; s < conn.neurons; s++) {
                        if (hasTarget[s] && (!output || demand.placed(conn.populationOf[s]))) {
                            total += demand.sourceAmount(r, s);
                        }
                    }
                    bound = new LowerBound(res, total, ceilDiv(total, cap0), output
                            ? "one per neuron with targets, over the per-core capacity"
                            : "one per source with targets, over the per-core capacity");
                    break;
                }
                case INPUT_GROUPS: {
                    long total = 0;
                    for (int j = 0; j < projections; j++) {
                        if (!postPlaced[j]) {
                            continue;
                        }
                        GroupCost g = demand.groupCost(r, j);
                        SynapseMatrix m = network.projections().get(j).synapses();
                        for (int i = 0; i < m.rows(); i++) {
                            int len = m.rowLength(i);
                            if (len > 0) {
                                total += g.lowerBound(len);
                            }
                        }
                    }
                    bound = new LowerBound(res, total, ceilDiv(total, cap0),
                            "the least each row costs however it is split, over the per-core capacity");
                    break;
                }
                case INPUT_DISTINCT: {
                    LongLongMap distinct = new LongLongMap();
                    for (int j = 0; j < projections; j++) {
                        Projection p = network.projections().get(j);
                        if (postPlaced[j] && p.synapseCount() > 0) {
                            distinct.add(demand.projectionKey(r, j), 1);
                        }
                    }
                    bound = new LowerBound(res, distinct.size(), ceilDiv(distinct.size(), cap0),
                            "distinct values in the network over the per-core table size");
                    break;
                }
                default:
                    throw new IllegalStateException("unknown kind " + res.kind());
            }
            rows.add(bound);
            best = Math.max(best, bound.cores());
        }
        return new LowerBounds(rows, best);
    }

    private static int[] indices(List<Resource> resources, ResourceKind kind) {
        return java.util.stream.IntStream.range(0, resources.size()).filter(r -> resources.get(r).kind() == kind)
                .toArray();
    }

    private static long ceilDiv(long demand, long capacity) {
        if (demand <= 0) {
            return 0;
        }
        if (capacity <= 0) {
            return 0;
        }
        return (demand + capacity - 1) / capacity;
    }

    private static long ceil(double share) {
        // The shares are sums of exact fractions; forgive the rounding of their sum.
        double tolerance = 1e-9 * Math.max(1, share);
        return (long) Math.ceil(share - tolerance);
    }

    /** One bound per resource, in the model's order. */
    public List<LowerBound> rows() {
        return rows;
    }

    /** The largest bound: the network needs at least this many cores. */
    public long cores() {
        return cores;
    }

    /** The resource that gives the largest bound (the first on ties). */
    public Optional<LowerBound> binding() {
        LowerBound best = null;
        for (LowerBound b : rows) {
            if (best == null || b.cores() > best.cores()) {
                best = b;
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public String toString() {
        return "LowerBounds[" + cores + " cores" + binding().map(b -> " (" + b.resource().name() + ")").orElse("") + "]";
    }
}
