package io.neuromap.compiler.mapping;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ir.Network;
import java.util.List;

/**
 * What each neuron, source and projection of one network costs on a core of one target, stated
 * in the vocabulary of {@link ResourceKind}: the target's whole contribution to partitioning. A
 * {@link ResourceModel} builds it once per network (per-neuron numbers as primitive arrays
 * indexed by network-global neuron, per-projection numbers indexed by projection); the engine
 * then keeps every core's usage current by itself, and the verifier recomputes it from scratch
 * from the same numbers. Immutable after {@link Builder#build()}; arrays are owned.
 */
public final class Demand {
    private final int resources;
    private final int neurons;
    private final int projections;
    private final boolean[] placed;
    private final int[][] neuronAmount;
    private final int[][] keyStart;
    private final long[][] keys;
    private final int[][] neuronValue;
    private final int[][] sourceAmount;
    private final GroupCost[][] groupCost;
    private final long[][] projectionKey;

    private Demand(Builder b) {
        this.resources = b.kinds.length;
        this.neurons = b.neurons;
        this.projections = b.projections;
        this.placed = b.placed;
        this.neuronAmount = b.neuronAmount;
        this.keyStart = b.keyStart;
        this.keys = b.keys;
        this.neuronValue = b.neuronValue;
        this.sourceAmount = b.sourceAmount;
        this.groupCost = b.groupCost;
        this.projectionKey = b.projectionKey;
    }

    /**
     * A builder for {@code network} with the model's resources; every resource must be given its
     * numbers (the method matching its kind) before {@link Builder#build()}.
     */
    public static Builder builder(Network network, List<Resource> resources) {
        return new Builder(network, resources);
    }

    public int resourceCount() {
        return resources;
    }

    public int neuronCount() {
        return neurons;
    }

    public int projectionCount() {
        return projections;
    }

    /** Whether population {@code population} runs on cores; false for neurons the host injects (spike sources on Loihi). */
    public boolean placed(int population) {
        return placed[population];
    }

    /** {@link ResourceKind#NEURON_SUM}: the amount neuron {@code neuron} uses. */
    public int neuronAmount(int resource, int neuron) {
        return neuronAmount[resource][neuron];
    }

    /** {@link ResourceKind#NEURON_DISTINCT}: the number of keys of {@code neuron}. */
    public int keyCount(int resource, int neuron) {
        return keyStart[resource][neuron + 1] - keyStart[resource][neuron];
    }

    /** {@link ResourceKind#NEURON_DISTINCT}: key {@code i} of {@code neuron}. */
    public long key(int resource, int neuron, int i) {
        return keys[resource][keyStart[resource][neuron] + i];
    }

    /** {@link ResourceKind#NEURON_MAX}: the value of {@code neuron}. */
    public int neuronValue(int resource, int neuron) {
        return neuronValue[resource][neuron];
    }

    /** {@link ResourceKind#INPUT_SOURCES} and {@link ResourceKind#OUTPUT_FANOUT}: the amount per source and core. */
    public int sourceAmount(int resource, int source) {
        return sourceAmount[resource][source];
    }

    /** {@link ResourceKind#INPUT_GROUPS}: the cost function of projection {@code projection}. */
    public GroupCost groupCost(int resource, int projection) {
        return groupCost[resource][projection];
    }

    /** {@link ResourceKind#INPUT_DISTINCT}: the key of projection {@code projection}. */
    public long projectionKey(int resource, int projection) {
        return projectionKey[resource][projection];
    }

    // Raw arrays for the engine's hot loops (read-only by contract).

    int[] neuronAmounts(int resource) {
        return neuronAmount[resource];
    }

    int[] keyStarts(int resource) {
        return keyStart[resource];
    }

    long[] keys(int resource) {
        return keys[resource];
    }

    int[] neuronValues(int resource) {
        return neuronValue[resource];
    }

    int[] sourceAmounts(int resource) {
        return sourceAmount[resource];
    }

    GroupCost[] groupCosts(int resource) {
        return groupCost[resource];
    }

    long[] projectionKeys(int resource) {
        return projectionKey[resource];
    }

    @Override
    public String toString() {
        return "Demand[" + resources + " resources, " + neurons + " neurons, " + projections + " projections]";
    }

    /** Collects a model's numbers; checks that each resource gets exactly the numbers its kind needs. */
    public static final class Builder {
        private final ResourceKind[] kinds;
        private final String[] names;
        private final int neurons;
        private final int projections;
        private final boolean[] placed;
        private final int[][] neuronAmount;
        private final int[][] keyStart;
        private final long[][] keys;
        private final int[][] neuronValue;
        private final int[][] sourceAmount;
        private final GroupCost[][] groupCost;
        private final long[][] projectionKey;

        private Builder(Network network, List<Resource> resources) {
            requireNonNull(network, "network is null");
            requireNonNull(resources, "resources is null");
            int r = resources.size();
            kinds = new ResourceKind[r];
            names = new String[r];
            for (int i = 0; i < r; i++) {
                kinds[i] = resources.get(i).kind();
                names[i] = resources.get(i).name();
            }
            neurons = network.neuronCount();
            projections = network.projections().size();
            placed = new boolean[network.populations().size()];
            java.util.Arrays.fill(placed, true);
            neuronAmount = new int[r][];
            keyStart = new int[r][];
            keys = new long[r][];
            neuronValue = new int[r][];
            sourceAmount = new int[r][];
            groupCost = new GroupCost[r][];
            projectionKey = new long[r][];
        }

        /** Marks a population as run off-core (injected by the host); all are placed by default. */
        public Builder offCore(int population) {
            placed[population] = false;
            return this;
        }

        /** {@link ResourceKind#NEURON_SUM}: one amount per network neuron, each {@code >= 0}. */
        public Builder neuronAmounts(int resource, int[] amounts) {
            expect(resource, ResourceKind.NEURON_SUM);
            neuronAmount[resource] = checkNonNegative(resource, amounts, neurons);
            return this;
        }

        /**
         * {@link ResourceKind#NEURON_DISTINCT}: the keys of neuron {@code n} are
         * {@code keys[starts[n] .. starts[n+1])}; {@code starts} has one entry per neuron plus one.
         */
        public Builder neuronKeys(int resource, int[] starts, long[] neuronKeys) {
            expect(resource, ResourceKind.NEURON_DISTINCT);
            requireNonNull(starts, "starts is null");
            requireNonNull(neuronKeys, "neuronKeys is null");
            if (starts.length != neurons + 1 || starts[0] != 0 || starts[neurons] != neuronKeys.length) {
                throw new IllegalArgumentException(names[resource] + ": key starts must have " + (neurons + 1)
                        + " entries from 0 to the number of keys");
            }
            for (int n = 0; n < neurons; n++) {
                if (starts[n + 1] < starts[n]) {
                    throw new IllegalArgumentException(names[resource] + ": key starts decrease at neuron " + n);
                }
            }
            for (long k : neuronKeys) {
                if (k == LongLongMap.EMPTY) {
                    throw new IllegalArgumentException(names[resource] + ": Long.MIN_VALUE is reserved and is not a key");
                }
            }
            keyStart[resource] = starts;
            keys[resource] = neuronKeys;
            return this;
        }

        /** {@link ResourceKind#NEURON_MAX}: one value per network neuron, each {@code >= 0}. */
        public Builder neuronValues(int resource, int[] values) {
            expect(resource, ResourceKind.NEURON_MAX);
            neuronValue[resource] = checkNonNegative(resource, values, neurons);
            return this;
        }

        /** {@link ResourceKind#INPUT_SOURCES} or {@link ResourceKind#OUTPUT_FANOUT}: one amount per network neuron. */
        public Builder sourceAmounts(int resource, int[] amounts) {
            if (kinds[resource] != ResourceKind.INPUT_SOURCES && kinds[resource] != ResourceKind.OUTPUT_FANOUT) {
                throw new IllegalArgumentException(names[resource] + " is " + kinds[resource] + ", not a per-source resource");
            }
            sourceAmount[resource] = checkNonNegative(resource, amounts, neurons);
            return this;
        }

        /** {@link ResourceKind#INPUT_GROUPS}: one cost function per projection. */
        public Builder groupCosts(int resource, GroupCost[] costs) {
            expect(resource, ResourceKind.INPUT_GROUPS);
            requireNonNull(costs, "costs is null");
            if (costs.length != projections) {
                throw new IllegalArgumentException(names[resource] + ": " + costs.length + " cost functions for "
                        + projections + " projections");
            }
            for (int p = 0; p < projections; p++) {
                requireNonNull(costs[p], "cost of projection " + p + " is null");
                if (costs[p].cost(0) != 0) {
                    throw new IllegalArgumentException(names[resource] + ": an empty group of projection " + p
                            + " must cost 0");
                }
            }
            groupCost[resource] = costs;
            return this;
        }

        /** {@link ResourceKind#INPUT_DISTINCT}: one key per projection. */
        public Builder projectionKeys(int resource, long[] projectionKeys) {
            expect(resource, ResourceKind.INPUT_DISTINCT);
            requireNonNull(projectionKeys, "projectionKeys is null");
            if (projectionKeys.length != projections) {
                throw new IllegalArgumentException(names[resource] + ": " + projectionKeys.length + " keys for "
                        + projections + " projections");
            }
            for (long k : projectionKeys) {
                if (k == LongLongMap.EMPTY) {
                    throw new IllegalArgumentException(names[resource] + ": Long.MIN_VALUE is reserved and is not a key");
                }
            }
            projectionKey[resource] = projectionKeys;
            return this;
        }

        /** The demand; fails if a resource lacks its numbers. */
        public Demand build() {
            for (int r = 0; r < kinds.length; r++) {
                boolean given;
                switch (kinds[r]) {
                    case NEURON_SUM:
                        given = neuronAmount[r] != null;
                        break;
                    case NEURON_DISTINCT:
                        given = keys[r] != null;
                        break;
                    case NEURON_MAX:
                        given = neuronValue[r] != null;
                        break;
                    case INPUT_SOURCES:
                    case OUTPUT_FANOUT:
                        given = sourceAmount[r] != null;
                        break;
                    case INPUT_GROUPS:
                        given = groupCost[r] != null;
                        break;
                    case INPUT_DISTINCT:
                        given = projectionKey[r] != null;
                        break;
                    default:
                        throw new IllegalStateException("unknown kind " + kinds[r]);
                }
                if (!given) {
                    throw new IllegalStateException("resource " + names[r] + " (" + kinds[r] + ") has no demand");
                }
            }
            return new Demand(this);
        }

        private void expect(int resource, ResourceKind kind) {
            if (kinds[resource] != kind) {
                throw new IllegalArgumentException(names[resource] + " is " + kinds[resource] + ", not " + kind);
            }
        }

        private int[] checkNonNegative(int resource, int[] values, int length) {
            requireNonNull(values, "values is null");
            if (values.length != length) {
                throw new IllegalArgumentException(names[resource] + ": " + values.length + " values for " + length
                        + " neurons");
            }
            for (int v : values) {
                if (v < 0) {
                    throw new IllegalArgumentException(names[resource] + ": negative amount " + v);
                }
            }
            return values;
        }
    }
}
