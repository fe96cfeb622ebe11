package io.neuromap.compiler.mapping;

import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.compiler.ir.SynapseMatrix;
import java.util.List;

/**
 * Test support: a small target with one resource of every {@link ResourceKind} and small,
 * configurable capacities, so that tests can make any resource bind with a few neurons. Its
 * compartment capacity halves on cores whose longest input delay exceeds {@code delaySplit},
 * like Loihi's delay-capped compartments.
 */
final class ToyModel implements ResourceModel {
    static final int NEURONS = 0;
    static final int INPUTS = 1;
    static final int OUTPUTS = 2;
    static final int MEMORY = 3;
    static final int PROFILES = 4;
    static final int FORMATS = 5;
    static final int DELAY = 6;

    final int neurons;
    final int inputs;
    final int outputs;
    final int memory;
    final int profiles;
    final int formats;
    final int maxDelay;
    final int delaySplit;
    final int formatModulo;
    private final Mesh mesh;
    private final List<Resource> resources;

    ToyModel(int neurons, int inputs, int outputs, int memory, int profiles, int formats, int maxDelay, int delaySplit,
            int formatModulo, Mesh mesh) {
        this.neurons = neurons;
        this.inputs = inputs;
        this.outputs = outputs;
        this.memory = memory;
        this.profiles = profiles;
        this.formats = formats;
        this.maxDelay = maxDelay;
        this.delaySplit = delaySplit;
        this.formatModulo = formatModulo;
        this.mesh = mesh;
        this.resources = List.of(
                new Resource("neurons", "compartments", ResourceKind.NEURON_SUM, neurons, "TOY-CX-001", "test", "split %s"),
                new Resource("inputs", "axons", ResourceKind.INPUT_SOURCES, inputs, "TOY-AXIN-001", "test", "fewer sources into %s"),
                new Resource("outputs", "axons", ResourceKind.OUTPUT_FANOUT, outputs, "TOY-AXOUT-001", "test", "less fan-out from %s"),
                new Resource("memory", "bits", ResourceKind.INPUT_GROUPS, memory, "TOY-MEM-001", "test", "less fan-in into %s"),
                new Resource("profiles", "profiles", ResourceKind.NEURON_DISTINCT, profiles, "TOY-PROF-001", "test", "fewer tau_m in %s"),
                new Resource("formats", "formats", ResourceKind.INPUT_DISTINCT, formats, "TOY-FMT-001", "test", "fewer projections into %s"),
                new Resource("delay", "steps", ResourceKind.NEURON_MAX, maxDelay, "TOY-DELAY-001", "test", "shorter delays into %s"));
    }

    /** Roomy capacities on a 4-chip mesh of 2 x 2 routers with 2 cores each. */
    static ToyModel roomy() {
        return new ToyModel(64, 256, 256, 1 << 14, 16, 8, 16, 8, 4, GridMesh.nearSquare(4, 2, 2, 2));
    }

    ToyModel withNeurons(int n) {
        return new ToyModel(n, inputs, outputs, memory, profiles, formats, maxDelay, delaySplit, formatModulo, mesh);
    }

    ToyModel withMesh(Mesh m) {
        return new ToyModel(neurons, inputs, outputs, memory, profiles, formats, maxDelay, delaySplit, formatModulo, m);
    }

    /** Memory cost of a group of n synapses: 3 bits each plus a 5-bit header, in 8-bit words. */
    static long groupCost(int n) {
        return n == 0 ? 0 : (3L * n + 5 + 7) / 8 * 8;
    }

    @Override
    public String target() {
        return "toy";
    }

    @Override
    public List<Resource> resources() {
        return resources;
    }

    @Override
    public Mesh mesh() {
        return mesh;
    }

    @Override
    public String ruleId(MappingRule rule) {
        return rule == MappingRule.CHIPS ? "TOY-CHIP-001" : "TOY-SRC-001";
    }

    @Override
    public long capacity(int resource, long[] used) {
        if (resource == NEURONS && used[DELAY] > delaySplit) {
            return neurons / 2;
        }
        return resources.get(resource).capacity();
    }

    @Override
    public Demand demand(Network network) {
        int n = network.neuronCount();
        Demand.Builder b = Demand.builder(network, resources);
        int[] amount = new int[n];
        int[] ones = new int[n];
        int[] starts = new int[n + 1];
        long[] keys = new long[n];
        int[] delay = new int[n];
        for (int p = 0; p < network.populations().size(); p++) {
            Population pop = network.populations().get(p);
            if (pop.isSource()) {
                b.offCore(p);
            }
            for (int i = 0; i < pop.size(); i++) {
                int g = pop.offset() + i;
                ones[g] = 1;
                if (!pop.isSource()) {
                    double e = pop.parameter("tau_syn_E").orElseThrow().get(i);
                    double in = pop.parameter("tau_syn_I").orElseThrow().get(i);
                    amount[g] = e == in ? 1 : 2;
                    keys[g] = Double.doubleToLongBits(pop.parameter("tau_m").orElseThrow().get(i));
                }
                starts[g + 1] = starts[g] + 1;
            }
        }
        for (Projection proj : network.projections()) {
            SynapseMatrix m = proj.synapses();
            int post = network.populations().get(proj.post()).offset();
            for (int k = 0; k < m.count(); k++) {
                int g = post + m.target(k);
                delay[g] = Math.max(delay[g], m.delaySteps(k));
            }
        }
        GroupCost[] costs = new GroupCost[network.projections().size()];
        long[] formatKeys = new long[costs.length];
        for (int j = 0; j < costs.length; j++) {
            costs[j] = ToyModel::groupCost;
            formatKeys[j] = j % formatModulo;
        }
        return b.neuronAmounts(NEURONS, amount).sourceAmounts(INPUTS, ones).sourceAmounts(OUTPUTS, ones)
                .groupCosts(MEMORY, costs).neuronKeys(PROFILES, starts, keys).projectionKeys(FORMATS, formatKeys)
                .neuronValues(DELAY, delay).build();
    }
}
