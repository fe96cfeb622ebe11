package io.neuromap.compiler.mapping;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Population;

/**
 * The partitioner's incremental accounting, open to other stages: put slices on cores, take
 * them off, and ask after each step whether a core still fits and what its utilization is. For
 * reports that try a fix ("would `exc` fit on three cores?") and for tests; the partitioner uses
 * the same state internally. Each step costs O(in-degree) per neuron, with no allocation; every
 * number is exact, so removing what was added restores the previous state. Not thread-safe.
 */
public final class CoreLoads {
    private final Network network;
    private final ResourceModel model;
    private final Demand demand;
    private final PartitionState state;

    private CoreLoads(Network network, ResourceModel model) {
        this.network = network;
        this.model = model;
        Connectivity conn = Connectivity.of(network);
        this.demand = model.demand(network);
        this.state = new PartitionState(conn, demand, model,
                SpikeRates.weights(network, PartitionOptions.DEFAULT_RATE_HZ));
    }

    /** Empty cores for {@code network} under {@code model}. */
    public static CoreLoads of(Network network, ResourceModel model) {
        requireNonNull(network, "network is null");
        requireNonNull(model, "model is null");
        return new CoreLoads(network, model);
    }

    /** Opens an empty core; returns its index. */
    public int newCore() {
        return state.newCore();
    }

    public int coreCount() {
        return state.cores.size();
    }

    /** Puts every neuron of {@code slice} on {@code core}; they must be on no core, and run on cores. */
    public void add(int core, Slice slice) {
        requireNonNull(slice, "slice is null");
        if (core < 0 || core >= state.cores.size()) {
            throw new IllegalArgumentException("no core " + core);
        }
        if (!demand.placed(slice.population())) {
            throw new IllegalArgumentException("population " + slice.population() + " runs off-core");
        }
        int offset = offset(slice);
        for (int i = slice.from(); i < slice.to(); i++) {
            if (state.coreOf[offset + i] >= 0) {
                throw new IllegalArgumentException("neuron " + i + " of " + slice + " is already on core "
                        + state.coreOf[offset + i]);
            }
        }
        for (int i = slice.from(); i < slice.to(); i++) {
            state.add(offset + i, core);
        }
    }

    /** Takes every neuron of {@code slice} off its core; they must all be on a core. */
    public void remove(Slice slice) {
        requireNonNull(slice, "slice is null");
        int offset = offset(slice);
        for (int i = slice.from(); i < slice.to(); i++) {
            if (state.coreOf[offset + i] < 0) {
                throw new IllegalArgumentException("neuron " + i + " of " + slice + " is on no core");
            }
        }
        for (int i = slice.to() - 1; i >= slice.from(); i--) {
            state.remove(offset + i);
        }
    }

    /** The core of network-global neuron {@code neuron}, or -1. */
    public int coreOf(int neuron) {
        return state.coreOf[neuron];
    }

    /** Whether {@code core} is within every limit (per-neuron maxima included). */
    public boolean fits(int core) {
        return utilization(core).fits();
    }

    /** THE utilization table of {@code core} as it stands. */
    public Utilization utilization(int core) {
        return model.utilization(state.cores.get(core).used);
    }

    /** Spike messages per second that leave a core or come from the host, in 1/{@link SpikeRates#SCALE} Hz. */
    public long traffic() {
        return state.traffic;
    }

    private int offset(Slice slice) {
        if (slice.population() >= network.populations().size()) {
            throw new IllegalArgumentException("no population " + slice.population());
        }
        Population pop = network.populations().get(slice.population());
        if (slice.to() > pop.size()) {
            throw new IllegalArgumentException(slice + " is beyond population `" + pop.name() + "` of " + pop.size());
        }
        return pop.offset();
    }
}
