package io.neuromap.compiler.elaborate;

import io.neuromap.compiler.ir.IndexRange;
import io.neuromap.compiler.ir.KeyedRandom;

/**
 * The generated connectors, as row generators over population-local indices. A row generator
 * either counts a row (first pass) or writes it (second pass) from the same stream, so CSR is
 * built with exact-size arrays and no per-synapse objects; rows are independent, so both passes
 * run in parallel. Targets are written ascending.
 *
 * <p>{@code allow_self = false} (when pre and post are the same population) drops the synapse
 * from neuron i to itself; the candidates of a degree-based connector are then the others.
 */
final class Connectors {
    private Connectors() {
    }

    /** Source-major generator: the post neurons of one pre neuron. Immutable; per-thread state comes in. */
    interface RowConnector {
        /**
         * Counts (when {@code out} is null) or writes the targets of row {@code pre}, drawing from
         * {@code rng} (positioned at the row's stream); both calls must agree.
         */
        int row(int pre, KeyedRandom rng, DistinctSampler sampler, int[] out, int offset);

        /** False when rows need no random numbers. */
        boolean random();
    }

    /** Every pre to every post of the endpoints. */
    static RowConnector allToAll(IndexRange post, boolean excludeSelf) {
        return new RowConnector() {
            @Override
            public int row(int pre, KeyedRandom rng, DistinctSampler sampler, int[] out, int offset) {
                int n = 0;
                boolean skip = excludeSelf && post.contains(pre);
                if (out == null) {
                    return post.size() - (skip ? 1 : 0);
                }
                for (int j = post.from(); j < post.to(); j++) {
                    if (!(skip && j == pre)) {
                        out[offset + n++] = j;
                    }
                }
                return n;
            }

            @Override
            public boolean random() {
                return false;
            }
        };
    }

    /** Pre {@code pre.from + i} to post {@code post.from + i}; the endpoints have equal sizes. */
    static RowConnector oneToOne(IndexRange pre, IndexRange post) {
        return new RowConnector() {
            @Override
            public int row(int i, KeyedRandom rng, DistinctSampler sampler, int[] out, int offset) {
                if (out != null) {
                    out[offset] = post.from() + (i - pre.from());
                }
                return 1;
            }

            @Override
            public boolean random() {
                return false;
            }
        };
    }

    /**
     * Each pair independently with probability p, by geometric skipping: the gap to the next
     * synapse is {@code floor(E / -log(1 - p))} with E standard exponential (the same law as
     * {@code floor(log(U) / log(1 - p))}, without a logarithm per synapse), so a row costs
     * O(its synapses), not O(N).
     */
    static RowConnector fixedProbability(double p, IndexRange post, boolean excludeSelf) {
        double rate = -StrictMath.log1p(-p);
        return new RowConnector() {
            @Override
            public int row(int pre, KeyedRandom rng, DistinctSampler sampler, int[] out, int offset) {
                int m = post.size();
                int exclude = excludeSelf && post.contains(pre) ? pre - post.from() : -1;
                int n = 0;
                if (p >= 1) {
                    for (int j = 0; j < m; j++) {
                        if (j != exclude) {
                            if (out != null) {
                                out[offset + n] = post.from() + j;
                            }
                            n++;
                        }
                    }
                    return n;
                }
                if (p <= 0) {
                    return 0;
                }
                long j = -1;
                while (true) {
                    double gap = Math.floor(rng.nextExponential() / rate);
                    if (gap >= m - j - 1) {
                        return n;
                    }
                    j += (long) gap + 1;
                    if (j == exclude) {
                        continue;
                    }
                    if (out != null) {
                        out[offset + n] = post.from() + (int) j;
                    }
                    n++;
                }
            }

            @Override
            public boolean random() {
                return true;
            }
        };
    }

    /** Each pre to exactly k distinct posts. */
    static RowConnector fixedOutdegree(int k, IndexRange post, boolean excludeSelf) {
        return new RowConnector() {
            @Override
            public int row(int pre, KeyedRandom rng, DistinctSampler sampler, int[] out, int offset) {
                if (out == null) {
                    return k;
                }
                int exclude = excludeSelf && post.contains(pre) ? pre - post.from() : -1;
                sampler.sample(rng, post.size(), k, exclude, out, offset);
                for (int i = offset; i < offset + k; i++) {
                    out[i] += post.from();
                }
                return k;
            }

            @Override
            public boolean random() {
                return true;
            }
        };
    }

    /**
     * The k distinct pre neurons of post neuron {@code post} for {@code fixed_indegree}, ascending,
     * drawn from the column's stream.
     */
    static void column(int post, int k, IndexRange pre, boolean excludeSelf, KeyedRandom rng, DistinctSampler sampler,
            int[] out) {
        int exclude = excludeSelf && pre.contains(post) ? post - pre.from() : -1;
        sampler.sample(rng, pre.size(), k, exclude, out, 0);
        for (int i = 0; i < k; i++) {
            out[i] += pre.from();
        }
    }
}
