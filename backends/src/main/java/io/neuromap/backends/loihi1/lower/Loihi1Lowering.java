package io.neuromap.backends.loihi1.lower;

import io.neuromap.backends.report.QuantizationRow;
import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.learning.LearningLowering;
import io.neuromap.backends.loihi1.mapping.Loihi1NeuronProfiles;
import io.neuromap.backends.loihi1.mapping.Loihi1PopulationProfiles;
import io.neuromap.backends.loihi1.mapping.Loihi1SynapseFormats;
import io.neuromap.compiler.ir.Network;
import java.util.List;

/**
 * A network lowered to Loihi 1 numbers (stage 4): the output of the {@code lower} pass and what
 * partitioning, routing, emission, the design rules and the reports read. The network here is the
 * input network with its spike stimuli turned into host-injected source populations and
 * projections ({@link #network()}; the original populations and projections keep their
 * indices, the added ones follow). Immutable; the arrays inside are owned.
 *
 * @param network the network as lowered (stimulus sources appended)
 * @param originalPopulations how many of its populations the input network had
 * @param populations one per population of {@link #network()}
 * @param projections one per projection of {@link #network()}
 * @param sources per population, the spikes of a host-injected source (null for neurons)
 * @param injections windowed dc stimuli as current injections
 * @param probes the probes the chip can record
 * @param facts raw measurements for the design rules
 * @param quantization the quantization-error table
 * @param binning what heterogeneity handling did per population and role
 * @param options the lowering options used
 * @param learning the plastic projections lowered to the learning engine
 * @param modulation the management program of the modulators and their neuron-parameter effects
 */
public record Loihi1Lowering(Network network, int originalPopulations, List<PopulationLowering> populations,
        List<ProjectionLowering> projections, List<SpikeSource> sources, List<CurrentInjection> injections,
        List<LoweredProbe> probes, LoweringFacts facts, List<QuantizationRow> quantization, List<BinningRow> binning,
        Loihi1LowerOptions options, LearningLowering learning, ModulationLowering.Result modulation) {

    /** A lowering without neuromodulation. */
    public Loihi1Lowering(Network network, int originalPopulations, List<PopulationLowering> populations,
            List<ProjectionLowering> projections, List<SpikeSource> sources, List<CurrentInjection> injections,
            List<LoweredProbe> probes, LoweringFacts facts, List<QuantizationRow> quantization, List<BinningRow> binning,
            Loihi1LowerOptions options, LearningLowering learning) {
        this(network, originalPopulations, populations, projections, sources, injections, probes, facts, quantization,
                binning, options, learning, ModulationLowering.Result.none(network.populations().size()));
    }

    public Loihi1Lowering {
        requireNonNull(learning, "learning is null");
        requireNonNull(network, "network is null");
        populations = List.copyOf(requireNonNull(populations, "populations is null"));
        projections = List.copyOf(requireNonNull(projections, "projections is null"));
        sources = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(requireNonNull(sources,
                "sources is null")));
        injections = List.copyOf(requireNonNull(injections, "injections is null"));
        probes = List.copyOf(requireNonNull(probes, "probes is null"));
        requireNonNull(facts, "facts is null");
        quantization = List.copyOf(requireNonNull(quantization, "quantization is null"));
        binning = List.copyOf(requireNonNull(binning, "binning is null"));
        requireNonNull(options, "options is null");
        requireNonNull(modulation, "modulation is null");
        if (populations.size() != network.populations().size() || projections.size() != network.projections().size()
                || sources.size() != network.populations().size()) {
            throw new IllegalArgumentException("a lowering must cover every population and projection of its network");
        }
    }

    /** A lowering in which nothing learns on the chip. */
    public Loihi1Lowering(Network network, int originalPopulations, List<PopulationLowering> populations,
            List<ProjectionLowering> projections, List<SpikeSource> sources, List<CurrentInjection> injections,
            List<LoweredProbe> probes, LoweringFacts facts, List<QuantizationRow> quantization, List<BinningRow> binning,
            Loihi1LowerOptions options) {
        this(network, originalPopulations, populations, projections, sources, injections, probes, facts, quantization,
                binning, options, LearningLowering.none(network.projections().size(), network.modulators().size()));
    }

    /** True when every population's model was lowered (no placeholder compartments). */
    public boolean allSupported() {
        for (PopulationLowering p : populations) {
            if (!p.isSupported()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The compartments and profile keys the partitioner must respect: the lowered (binned)
     * registers, so that the partition's profile counts are the config's.
     */
    public Loihi1NeuronProfiles profiles() {
        return (net, population) -> {
            PopulationLowering p = populations.get(population);
            int n = p.size();
            int per = p.compartmentsPerNeuron();
            int[] compartments = new int[n];
            long[] keys = new long[n * per];
            long[] thresholds = new long[n];
            int k = 0;
            for (int i = 0; i < n; i++) {
                compartments[i] = per;
                for (int c = 0; c < per; c++) {
                    keys[k++] = p.profileKey(c, i) | ((long) modulation.decayGroup(population, c, i) << 56);
                }
                // A neuron whose threshold a pathway moves needs a profile of its own group.
                thresholds[i] = p.vthMant() | ((long) modulation.thresholdGroup(population, i) << 32);
            }
            return new Loihi1PopulationProfiles(compartments, keys, thresholds);
        };
    }

    /** The synapse format of every projection, for the partitioner's memory and format accounting. */
    public Loihi1SynapseFormats formats() {
        return (net, projection) -> projections.get(projection).format();
    }

    /** Problems that are bugs in the lowering (the verifier of the {@code lowered} IR kind). */
    public List<String> verify() {
        java.util.List<String> problems = new java.util.ArrayList<>();
        for (PopulationLowering p : populations) {
            if (!p.registersInRange()) {
                problems.add("population `" + p.name() + "` has a register outside its field");
            }
            if (p.size() != network.populations().get(p.population()).size()) {
                problems.add("population `" + p.name() + "` lowered with " + p.size() + " neurons");
            }
        }
        for (int p = 0; p < populations.size(); p++) {
            boolean source = network.populations().get(p).isSource();
            if (source != (sources.get(p) != null) || source != populations.get(p).isSource()) {
                problems.add("population `" + populations.get(p).name() + "`: source lowering disagrees with the IR");
            }
        }
        return problems;
    }

    @Override
    public String toString() {
        return "Loihi1Lowering[" + network.name() + ", " + populations.size() + " populations, " + projections.size()
                + " projections]";
    }
}
