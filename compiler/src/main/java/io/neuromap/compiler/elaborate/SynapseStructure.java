package io.neuromap.compiler.elaborate;

import io.neuromap.compiler.ir.IndexRange;
import io.neuromap.compiler.ir.KeyedRandom;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Builds the CSR skeleton (row starts and targets) of a projection from a connector, in two
 * passes over the same keyed streams: count every row, allocate exactly, fill every row. No
 * growable buffers and no per-synapse objects, so peak memory is the final arrays.
 */
final class SynapseStructure {
    /** The most synapses one projection can hold: the largest Java array. */
    static final long MAX_SYNAPSES = Integer.MAX_VALUE - 8;
    private static final int MIN_CHUNK = 1024;

    private final int[] rowStart;
    private final int[] targets;

    SynapseStructure(int[] rowStart, int[] targets) {
        this.rowStart = rowStart;
        this.targets = targets;
    }

    int[] rowStart() {
        return rowStart;
    }

    int[] targets() {
        return targets;
    }

    /**
     * Source-major generation over the pre rows of {@code preRange}; stream of row i keyed by
     * {@code (seed, pathHash, i)}. Returns null after calling {@code tooLarge} with the count when
     * the projection would exceed {@link #MAX_SYNAPSES}.
     */
    static SynapseStructure byRows(Parallel parallel, Connectors.RowConnector connector, int preSize, IndexRange preRange,
            long seed, long pathHash, LongConsumer tooLarge) {
        int[] rowStart = new int[preSize + 1];
        int rows = preRange.size();
        int chunk = parallel.chunkSize(rows, MIN_CHUNK);
        List<Long> sums = parallel.chunks(rows, chunk, (f, t) -> {
            KeyedRandom rng = new KeyedRandom();
            DistinctSampler sampler = new DistinctSampler();
            long sum = 0;
            for (int r = preRange.from() + f; r < preRange.from() + t; r++) {
                if (connector.random()) {
                    rng.reset(KeyedRandom.key(seed, pathHash, r));
                }
                int n = connector.row(r, rng, sampler, null, 0);
                rowStart[r + 1] = n;
                sum += n;
            }
            return sum;
        });
        long total = 0;
        for (long s : sums) {
            total += s;
        }
        if (total > MAX_SYNAPSES) {
            tooLarge.accept(total);
            return null;
        }
        for (int r = 0; r < preSize; r++) {
            rowStart[r + 1] += rowStart[r];
        }
        int[] targets = new int[(int) total];
        parallel.chunks(rows, chunk, (f, t) -> {
            KeyedRandom rng = new KeyedRandom();
            DistinctSampler sampler = new DistinctSampler();
            for (int r = preRange.from() + f; r < preRange.from() + t; r++) {
                if (connector.random()) {
                    rng.reset(KeyedRandom.key(seed, pathHash, r));
                }
                int n = connector.row(r, rng, sampler, targets, rowStart[r]);
                if (n != rowStart[r + 1] - rowStart[r]) {
                    throw new IllegalStateException("row " + r + " counted " + (rowStart[r + 1] - rowStart[r])
                            + " synapses but wrote " + n);
                }
            }
            return null;
        });
        return new SynapseStructure(rowStart, targets);
    }

    /**
     * {@code fixed_indegree(k)}: each post neuron of {@code postRange} draws k distinct pre neurons
     * from its own stream (keyed by the post index); the columns are transposed into source-major
     * rows by counting, then replaying the streams. Rows come out sorted by target because posts
     * are visited in order. Sequential: the transposition's cursors are shared.
     */
    static SynapseStructure byColumns(int k, int preSize, IndexRange preRange, IndexRange postRange, boolean excludeSelf,
            long seed, long pathHash, LongConsumer tooLarge) {
        long total = (long) k * postRange.size();
        if (total > MAX_SYNAPSES) {
            tooLarge.accept(total);
            return null;
        }
        int[] rowStart = new int[preSize + 1];
        KeyedRandom rng = new KeyedRandom();
        DistinctSampler sampler = new DistinctSampler();
        int[] column = new int[k];
        for (int j = postRange.from(); j < postRange.to(); j++) {
            rng.reset(KeyedRandom.key(seed, pathHash, j));
            Connectors.column(j, k, preRange, excludeSelf, rng, sampler, column);
            for (int i : column) {
                rowStart[i + 1]++;
            }
        }
        for (int r = 0; r < preSize; r++) {
            rowStart[r + 1] += rowStart[r];
        }
        int[] cursor = java.util.Arrays.copyOf(rowStart, preSize);
        int[] targets = new int[(int) total];
        for (int j = postRange.from(); j < postRange.to(); j++) {
            rng.reset(KeyedRandom.key(seed, pathHash, j));
            Connectors.column(j, k, preRange, excludeSelf, rng, sampler, column);
            for (int i : column) {
                targets[cursor[i]++] = j;
            }
        }
        return new SynapseStructure(rowStart, targets);
    }

    /**
     * Explicit synapses ({@code from_list}), grouped by pre neuron with a stable counting sort, so
     * each row keeps the file's order. {@code order[k]} is the list entry that became synapse k.
     */
    static SynapseStructure fromPairs(int preSize, int[] pre, int[] post, int[] order) {
        int[] rowStart = new int[preSize + 1];
        for (int i : pre) {
            rowStart[i + 1]++;
        }
        for (int r = 0; r < preSize; r++) {
            rowStart[r + 1] += rowStart[r];
        }
        int[] cursor = java.util.Arrays.copyOf(rowStart, preSize);
        int[] targets = new int[pre.length];
        for (int e = 0; e < pre.length; e++) {
            int k = cursor[pre[e]]++;
            targets[k] = post[e];
            order[k] = e;
        }
        return new SynapseStructure(rowStart, targets);
    }
}
