package io.neuromap.compiler.mapping;

import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.compiler.ir.SynapseMatrix;
import java.util.Arrays;

/**
 * Spike traffic between cores, as placement needs it: one directed edge per (source core,
 * destination core) pair with the summed rate of the spike messages it carries, plus the
 * traffic the host injects into each core. A neuron sends one message per spike to every core
 * holding at least one of its targets (its output axons), so an edge's weight is the sum of the
 * rates of the neurons of its source core with targets on its destination core. Rates are in
 * 1/{@link SpikeRates#SCALE} Hz. Computed from a core assignment by one pass over the synapses;
 * immutable.
 */
public final class CoreTraffic {
    private final int cores;
    private final int[] from;
    private final int[] to;
    private final long[] weight;
    private final long[] external;
    private final long remoteFanout;
    private final long externalFanout;

    private CoreTraffic(int cores, int[] from, int[] to, long[] weight, long[] external, long remoteFanout,
            long externalFanout) {
        this.cores = cores;
        this.from = from;
        this.to = to;
        this.weight = weight;
        this.external = external;
        this.remoteFanout = remoteFanout;
        this.externalFanout = externalFanout;
    }

    /**
     * The traffic of an assignment: {@code coreOf[n]} is neuron n's core, or -1 for neurons that
     * run off-core (their spikes come from the host); {@code weights} are per-neuron rates.
     */
    static CoreTraffic of(Network network, Connectivity conn, int[] coreOf, int cores, long[] weights) {
        LongLongMap edges = new LongLongMap(Math.max(16, cores * 8));
        long[] external = new long[cores];
        int[] stamp = new int[cores];
        Arrays.fill(stamp, -1);
        int[] hit = new int[Math.max(1, cores)];
        long remote = 0;
        long ext = 0;
        for (int pop = 0; pop < conn.populations; pop++) {
            int[] projs = conn.projectionsFrom[pop];
            if (projs.length == 0) {
                continue;
            }
            int offset = network.populations().get(pop).offset();
            int size = network.populations().get(pop).size();
            for (int i = 0; i < size; i++) {
                int s = offset + i;
                int hits = 0;
                for (int j : projs) {
                    SynapseMatrix m = network.projections().get(j).synapses();
                    int[] targets = m.targetArray();
                    int post = conn.postOffset[j];
                    for (int k = m.rowStart(i), end = m.rowEnd(i); k < end; k++) {
                        int c = coreOf[post + targets[k]];
                        if (c >= 0 && stamp[c] != s) {
                            stamp[c] = s;
                            hit[hits++] = c;
                        }
                    }
                }
                int home = coreOf[s];
                long w = weights[s];
                for (int h = 0; h < hits; h++) {
                    int c = hit[h];
                    if (home < 0) {
                        external[c] += w;
                        ext++;
                    } else if (c != home) {
                        if (w != 0) {
                            edges.add(((long) home << 32) | c, w);
                        }
                        remote++;
                    }
                }
            }
        }
        long[] keys = edges.sortedKeys();
        int[] from = new int[keys.length];
        int[] to = new int[keys.length];
        long[] weight = new long[keys.length];
        for (int e = 0; e < keys.length; e++) {
            from[e] = (int) (keys[e] >>> 32);
            to[e] = (int) keys[e];
            weight[e] = edges.get(keys[e]);
        }
        return new CoreTraffic(cores, from, to, weight, external, remote, ext);
    }

    public int cores() {
        return cores;
    }

    /** Directed edges with non-zero weight, sorted by (from, to). */
    public int edgeCount() {
        return from.length;
    }

    public int from(int edge) {
        return from[edge];
    }

    public int to(int edge) {
        return to[edge];
    }

    public long weight(int edge) {
        return weight[edge];
    }

    /** Traffic the host injects into core {@code core}. */
    public long external(int core) {
        return external[core];
    }

    /** Σ of edge weights: rate of spike messages between cores. */
    public long interCore() {
        long sum = 0;
        for (long w : weight) {
            sum += w;
        }
        return sum;
    }

    /** Σ of host-injected traffic. */
    public long externalTotal() {
        long sum = 0;
        for (long w : external) {
            sum += w;
        }
        return sum;
    }

    /** (neuron, other core) pairs with at least one synapse, unweighted: output axons that leave their core. */
    public long remoteFanout() {
        return remoteFanout;
    }

    /** (host-injected source, core) pairs: input axons fed by the host. */
    public long externalFanout() {
        return externalFanout;
    }

    @Override
    public String toString() {
        return "CoreTraffic[" + cores + " cores, " + from.length + " edges, inter-core " + interCore() + ", external "
                + externalTotal() + "]";
    }
}
