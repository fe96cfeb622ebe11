package io.neuromap.backends.loihi1.mapping;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1Resource;
import io.neuromap.backends.loihi1.Loihi1SynapseFormat;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.compiler.ir.SynapseMatrix;
import io.neuromap.compiler.mapping.Demand;
import io.neuromap.compiler.mapping.GroupCost;
import io.neuromap.compiler.mapping.MappingRule;
import io.neuromap.compiler.mapping.Mesh;
import io.neuromap.compiler.mapping.Resource;
import io.neuromap.compiler.mapping.ResourceKind;
import io.neuromap.compiler.mapping.ResourceModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one Loihi 1 core holds, for the target-independent mapping engine. Every capacity comes
 * from {@link Loihi1Limits}; the accounting choices:
 *
 * <table>
 *   <caption>Resources of a Loihi 1 core</caption>
 *   <tr><th>resource</th><th>counted as</th></tr>
 *   <tr><td>compartments</td><td>Σ compartments of the core's neurons (2 for two-compartment trees);
 *       the capacity is 1024, lowered by the longest synaptic delay into the core to
 *       {@code min(1024, 8192 / 2^delayBits)} (§1.6)</td></tr>
 *   <tr><td>input axons</td><td>one discrete axon per source neuron with a synapse onto the core
 *       (whether the source is on another core, on this core, or injected by the host); two slots
 *       for a source with a projection that learns on the chip (a learning axon takes two
 *       synapse-map entries, the map entry and its pre-trace entry: nengo-loihi writes the trace
 *       at {@code synapseMap[axon + 1]}), on every core the source reaches; the capacity is 4096
 *       minus the core's reward axons (next row), which the config keeps inside the core's axon
 *       range. Population axons, which could share an axon among many sources, are not modelled:
 *       this counts at least what the chip needs.</td></tr>
 *   <tr><td>output axons</td><td>one per (neuron on the core, core holding one of its targets),
 *       its own core included</td></tr>
 *   <tr><td>synaptic memory</td><td>Σ over (source, projection) of {@code bits_per_axon} of the
 *       synapses the source has on the core, in the projection's {@link Loihi1SynapseFormat}: each
 *       projection's synapses of one axon form their own chunk list, so formats never mix in a
 *       chunk (at least what a merged list would take)</td></tr>
 *   <tr><td>compartment, threshold profiles</td><td>distinct keys among the core's compartments
 *       ({@link Loihi1NeuronProfiles})</td></tr>
 *   <tr><td>synapse formats</td><td>distinct formats among the projections with a synapse onto the core</td></tr>
 *   <tr><td>synaptic delay</td><td>longest language delay into the core, at most 63 steps (delay field 62
 *       plus the one-step axon latency)</td></tr>
 *   <tr><td>reward traces</td><td>distinct modulators whose reward trace a plastic synapse on the
 *       core reads ({@link Loihi1PlasticProjections}): one reward axon and one reward trace each
 *       (loihi1-compartments-reward.md §2.5: every core holding a plastic synapse of a modulated
 *       pathway gets its reward axon)</td></tr>
 * </table>
 * Spike sources (Poisson, spike times) run off-core: the host injects their spikes into the input
 * axons of the cores their targets are on.
 *
 * @see "loihi1.md §1.1, §1.2, §1.6; loihi1-compartments-reward.md §3"
 */
public final class Loihi1ResourceModel implements ResourceModel {
    /** Row of the compartments resource. */
    public static final int COMPARTMENTS = 0;
    /** Row of the input axons resource. */
    public static final int INPUT_AXONS = 1;
    /** Row of the output axons resource. */
    public static final int OUTPUT_AXONS = 2;
    /** Row of the synaptic memory resource. */
    public static final int SYNAPSE_BITS = 3;
    /** Row of the compartment profiles resource. */
    public static final int COMPARTMENT_PROFILES = 4;
    /** Row of the threshold profiles resource. */
    public static final int THRESHOLD_PROFILES = 5;
    /** Row of the synapse formats resource. */
    public static final int SYNAPSE_FORMATS = 6;
    /** Row of the synaptic delay resource. */
    public static final int SYNAPTIC_DELAY = 7;
    /** Row of the reward traces resource (one reward axon each). */
    public static final int REWARD_TRACES = 8;

    /** Longest language delay a core supports (steps): the longest delay field plus the axon latency. */
    public static final int MAX_DELAY_STEPS = Loihi1Limits.MAX_DELAY_FIELD + Loihi1Limits.AXON_LATENCY_STEPS;

    private final Loihi1Limits limits;
    private final Loihi1NeuronProfiles profiles;
    private final Loihi1SynapseFormats formats;
    private final Loihi1PlasticProjections plastic;
    private final List<Resource> resources;
    private final Mesh mesh;

    /** The model with the plastic projections read from the IR ({@link Loihi1PlasticProjections#IR}). */
    public Loihi1ResourceModel(Loihi1Limits limits, Loihi1NeuronProfiles profiles, Loihi1SynapseFormats formats) {
        this(limits, profiles, formats, Loihi1PlasticProjections.IR);
    }

    public Loihi1ResourceModel(Loihi1Limits limits, Loihi1NeuronProfiles profiles, Loihi1SynapseFormats formats,
            Loihi1PlasticProjections plastic) {
        this.limits = requireNonNull(limits, "limits is null");
        this.profiles = requireNonNull(profiles, "profiles is null");
        this.formats = requireNonNull(formats, "formats is null");
        this.plastic = requireNonNull(plastic, "plastic is null");
        this.mesh = Loihi1Mesh.of(limits.system());
        this.resources = List.of(
                resource(Loihi1Resource.COMPARTMENTS, ResourceKind.NEURON_SUM, "LOIHI1-CX-001",
                        "loihi1.md §1.1, §1.6; Davies18 p. 89 (1); nengo-loihi MAX_COMPARTMENTS",
                        "a neuron of `%s` alone takes more compartments than a core holds; shorten the delays into `%s`"),
                resource(Loihi1Resource.INPUT_AXONS, ResourceKind.INPUT_SOURCES, "LOIHI1-AXIN-001",
                        "loihi1.md §1.1; Davies18 p. 89 (4); nengo-loihi MAX_IN_AXONS",
                        "give each neuron of `%s` synapses from at most " + Loihi1Limits.INPUT_AXONS_PER_CORE
                                + " presynaptic neurons (fewer with plastic projections)"),
                resource(Loihi1Resource.OUTPUT_AXONS, ResourceKind.OUTPUT_FANOUT, "LOIHI1-AXOUT-001",
                        "loihi1.md §1.1, §1.3; Davies18 p. 89 (3); nengo-loihi MAX_OUT_AXONS",
                        "let each neuron of `%s` reach at most " + Loihi1Limits.OUTPUT_AXONS_PER_CORE
                                + " cores: lower its fan-out or make its targets local"),
                resource(Loihi1Resource.SYNAPSE_BITS, ResourceKind.INPUT_GROUPS, "LOIHI1-SYNMEM-001",
                        "loihi1.md §1.1, §1.2; Davies18 p. 89 (2); nengo-loihi MAX_SYNAPSE_BITS, bits_per_axon",
                        "lower the fan-in of `%s`, or store its weights in fewer bits"),
                resource(Loihi1Resource.COMPARTMENT_PROFILES, ResourceKind.NEURON_DISTINCT, "LOIHI1-CXPROF-001",
                        "loihi1.md §1.6; loihi1-compartments-reward.md §3.1, §3.3",
                        "use fewer distinct time constants and refractory periods in `%s` (--heterogeneity bin)"),
                resource(Loihi1Resource.THRESHOLD_PROFILES, ResourceKind.NEURON_DISTINCT, "LOIHI1-VTHPROF-001",
                        "loihi1.md §1.6; loihi1-compartments-reward.md §3.1, §3.3",
                        "use fewer distinct thresholds in `%s` (--heterogeneity bin)"),
                resource(Loihi1Resource.SYNAPSE_FORMATS, ResourceKind.INPUT_DISTINCT, "LOIHI1-SYNFMT-001",
                        "loihi1.md §1.6; loihi1-compartments-reward.md §3.1 (synapse_fmt: 16 entries, entry 0 illegal)",
                        "merge projections into `%s` that differ only in weight scale or delay range"),
                new Resource("synaptic delay", "steps", ResourceKind.NEURON_MAX, MAX_DELAY_STEPS, "LOIHI1-DELAY-001",
                        "loihi1.md §1.1, §1.6; loihi1-compartments-reward.md §3.4; Davies18 p. 92 (up to 62)",
                        "keep every delay into `%s` at most " + MAX_DELAY_STEPS + " time steps (or use a larger dt)"),
                resource(Loihi1Resource.REWARD_TRACES, ResourceKind.NEURON_DISTINCT, "LOIHI1-LEARN-003",
                        "loihi1-compartments-reward.md §2.1, §2.5, §3.1 (reward_trace: 4 entries)",
                        "let at most " + Loihi1Limits.REWARD_TRACES_PER_CORE
                                + " modulators gate the plastic projections into each neuron of `%s`"));
    }

    /** The model with the IR-derived profiles, the default synapse formats and the IR's plastic projections. */
    public static Loihi1ResourceModel of(Loihi1Limits limits) {
        return new Loihi1ResourceModel(limits, Loihi1DerivedProfiles.INSTANCE, Loihi1DefaultSynapseFormats.INSTANCE);
    }

    private Resource resource(Loihi1Resource r, ResourceKind kind, String ruleId, String source, String fix) {
        return new Resource(r.label(), r.unit(), kind, limits.capacity(r), ruleId, source, fix);
    }

    public Loihi1Limits limits() {
        return limits;
    }

    @Override
    public String target() {
        return "loihi1";
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
        switch (rule) {
            case CHIPS:
                return "LOIHI1-CHIP-001";
            case OFF_CORE_TARGET:
                return "LOIHI1-SRC-001";
            default:
                throw new IllegalArgumentException("no rule id for " + rule);
        }
    }

    /**
     * Compartments: {@code min(1024, 8192 / 2^delayBits)} for the core's longest delay; input
     * axons: 4096 less the core's reward axons; the rest static. Both only shrink as a core
     * grows (the engine's contract).
     */
    @Override
    public long capacity(int resource, long[] used) {
        if (resource == COMPARTMENTS) {
            return compartmentCapacity(used[SYNAPTIC_DELAY]);
        }
        if (resource == INPUT_AXONS) {
            return Math.max(0, resources.get(INPUT_AXONS).capacity() - used[REWARD_TRACES]);
        }
        return resources.get(resource).capacity();
    }

    /**
     * Compartments a core holds when its longest input delay is {@code delaySteps} (language
     * delay D uses delay field D - 1). A delay beyond any core's range is the delay resource's
     * violation; the compartments then get the smallest cap, not zero, so each limit reports
     * its own cause.
     */
    public static int compartmentCapacity(long delaySteps) {
        long field = Math.max(0, delaySteps - Loihi1Limits.AXON_LATENCY_STEPS);
        int cap = Loihi1Limits.compartmentsPerCoreForDelay((int) Math.min(field, Integer.MAX_VALUE));
        return cap > 0 ? cap : Loihi1Limits.compartmentsPerCoreForDelay(Loihi1Limits.MAX_DELAY_FIELD);
    }

    @Override
    public Demand demand(Network network) {
        requireNonNull(network, "network is null");
        int n = network.neuronCount();
        Demand.Builder b = Demand.builder(network, resources);
        int[] compartments = new int[n];
        int[] cxStart = new int[n + 1];
        long[] cxKeys = new long[n];
        int[] vthStart = new int[n + 1];
        long[] vthKeys = new long[n];
        int cxCount = 0;
        int vthCount = 0;
        for (int p = 0; p < network.populations().size(); p++) {
            Population pop = network.populations().get(p);
            if (pop.isSource()) {
                b.offCore(p);
                for (int i = 0; i < pop.size(); i++) {
                    cxStart[pop.offset() + i + 1] = cxCount;
                    vthStart[pop.offset() + i + 1] = vthCount;
                }
                continue;
            }
            Loihi1PopulationProfiles prof = profiles.of(network, p);
            if (prof.size() != pop.size()) {
                throw new IllegalStateException("profiles of `" + pop.name() + "` cover " + prof.size() + " of "
                        + pop.size() + " neurons");
            }
            int k = 0;
            for (int i = 0; i < pop.size(); i++) {
                int g = pop.offset() + i;
                compartments[g] = prof.compartments()[i];
                if (cxCount + compartments[g] > cxKeys.length) {
                    cxKeys = java.util.Arrays.copyOf(cxKeys, Math.max(cxKeys.length * 2, cxCount + compartments[g]));
                }
                for (int c = 0; c < compartments[g]; c++) {
                    cxKeys[cxCount++] = prof.compartmentKeys()[k++];
                }
                cxStart[g + 1] = cxCount;
                long vth = prof.thresholdKeys()[i];
                if (vth != Loihi1PopulationProfiles.NO_THRESHOLD) {
                    vthKeys[vthCount++] = vth;
                }
                vthStart[g + 1] = vthCount;
            }
        }
        int[] inputSlots = new int[n];
        int[] outputSlots = new int[n];
        java.util.Arrays.fill(inputSlots, 1);
        java.util.Arrays.fill(outputSlots, 1);
        int[] delay = new int[n];
        int projections = network.projections().size();
        GroupCost[] costs = new GroupCost[projections];
        long[] formatKeys = new long[projections];
        Map<Loihi1SynapseFormat, Integer> formatIds = new LinkedHashMap<>();
        for (int j = 0; j < projections; j++) {
            Projection proj = network.projections().get(j);
            if (plastic.learns(network, j)) {
                Population pre = network.populations().get(proj.pre());
                java.util.Arrays.fill(inputSlots, pre.offset(), pre.offset() + pre.size(),
                        Loihi1Limits.LEARNING_AXON_MAP_SLOTS);
            }
            longestDelays(proj.synapses(), network.populations().get(proj.post()).offset(), delay);
            Loihi1SynapseFormat format = requireNonNull(formats.format(network, j), "format of projection " + j);
            costs[j] = new FormatCost(format);
            formatKeys[j] = formatIds.computeIfAbsent(format, f -> formatIds.size());
        }
        int[] rewardStart = new int[n + 1];
        long[] rewardKeys = rewardKeys(network, rewardStart);
        return b.neuronAmounts(COMPARTMENTS, compartments)
                .sourceAmounts(INPUT_AXONS, inputSlots)
                .sourceAmounts(OUTPUT_AXONS, outputSlots)
                .groupCosts(SYNAPSE_BITS, costs)
                .neuronKeys(COMPARTMENT_PROFILES, cxStart, java.util.Arrays.copyOf(cxKeys, cxCount))
                .neuronKeys(THRESHOLD_PROFILES, vthStart, java.util.Arrays.copyOf(vthKeys, vthCount))
                .projectionKeys(SYNAPSE_FORMATS, formatKeys)
                .neuronValues(SYNAPTIC_DELAY, delay)
                .neuronKeys(REWARD_TRACES, rewardStart, rewardKeys)
                .build();
    }

    /**
     * Per neuron, the modulators whose reward trace a plastic synapse into it reads (ascending,
     * the keys of {@link #REWARD_TRACES}); fills {@code start} (one entry per neuron plus one).
     * A core then holds one reward axon per distinct key among its neurons, exactly the channels
     * the learning section gives it. One bit per (neuron, modulator), set in one pass over the
     * synapses of the modulated projections.
     */
    private long[] rewardKeys(Network network, int[] start) {
        int n = network.neuronCount();
        int modulators = network.modulators().size();
        int words = (modulators + 63) / 64;
        long[] bits = null;
        for (int j = 0; j < network.projections().size(); j++) {
            int m = plastic.learns(network, j) ? plastic.rewardModulator(network, j) : -1;
            if (m < 0 || m >= modulators) {
                continue;
            }
            if (bits == null) {
                bits = new long[n * words];
            }
            Projection proj = network.projections().get(j);
            int postOffset = network.populations().get(proj.post()).offset();
            long bit = 1L << (m & 63);
            int word = m >>> 6;
            for (int t : proj.synapses().targetArray()) {
                bits[(postOffset + t) * words + word] |= bit;
            }
        }
        if (bits == null) {
            return new long[0];
        }
        int count = 0;
        for (long w : bits) {
            count += Long.bitCount(w);
        }
        long[] keys = new long[count];
        int k = 0;
        for (int g = 0; g < n; g++) {
            start[g] = k;
            for (int w = 0; w < words; w++) {
                long v = bits[g * words + w];
                while (v != 0) {
                    keys[k++] = w * 64L + Long.numberOfTrailingZeros(v);
                    v &= v - 1;
                }
            }
        }
        start[n] = k;
        return keys;
    }

    /** Raises {@code delay[post neuron]} to the longest delay of the matrix's synapses into it. */
    private static void longestDelays(SynapseMatrix m, int postOffset, int[] delay) {
        int[] targets = m.targetArray();
        if (m.delays().isHomogeneous()) {
            int d = m.count() == 0 ? 0 : m.delays().max();
            for (int t : targets) {
                if (delay[postOffset + t] < d) {
                    delay[postOffset + t] = d;
                }
            }
            return;
        }
        for (int k = 0; k < targets.length; k++) {
            int d = m.delaySteps(k);
            if (delay[postOffset + targets[k]] < d) {
                delay[postOffset + targets[k]] = d;
            }
        }
    }

    @Override
    public String toString() {
        return "Loihi1ResourceModel[" + limits.system().name() + ", " + limits.system().chips() + " chips]";
    }

    /**
     * Synaptic memory of one axon's synapse list in one format: nengo-loihi's
     * {@code bits_per_axon}. Its lower bound for a row split over cores: every split keeps at
     * least {@code ceil(n / c)} chunks of {@code b} bits per synapse plus a 10-bit header, and
     * the chunks' words hold at least that many bits, so Σ cost >= roundUp64(n·b + 10·ceil(n/c)).
     */
    static final class FormatCost implements GroupCost {
        private final int bitsPerSynapse;
        private final int chunkField;
        /** Cost of a full chunk. */
        private final long fullChunk;
        /** Cost of a last chunk of r synapses, r = 0 .. chunk - 1. */
        private final long[] partial;
        /** log2 of the chunk size when it is a power of two (nengo-loihi's 64), else -1. */
        private final int shift;

        FormatCost(Loihi1SynapseFormat format) {
            this.bitsPerSynapse = format.bitsPerSynapse();
            this.chunkField = format.synapsesPerChunkField();
            int chunk = chunkField + 1;
            // Tabulated once: the partitioner asks for this cost twice per synapse it places, and
            // bitsPerAxon divides by the chunk size each time.
            this.fullChunk = Loihi1SynapseFormat.bitsPerAxon(bitsPerSynapse, chunkField, chunk);
            this.partial = new long[chunk];
            for (int r = 0; r < chunk; r++) {
                partial[r] = Loihi1SynapseFormat.bitsPerAxon(bitsPerSynapse, chunkField, r);
            }
            this.shift = Integer.bitCount(chunk) == 1 ? Integer.numberOfTrailingZeros(chunk) : -1;
        }

        @Override
        public long cost(int synapses) {
            if (shift >= 0) {
                return (synapses >>> shift) * fullChunk + partial[synapses & (partial.length - 1)];
            }
            return (synapses / partial.length) * fullChunk + partial[synapses % partial.length];
        }

        @Override
        public long lowerBound(int synapses) {
            if (synapses == 0) {
                return 0;
            }
            long chunk = chunkField + 1L;
            long chunks = (synapses + chunk - 1) / chunk;
            long raw = (long) synapses * bitsPerSynapse
                    + chunks * (Loihi1Limits.SYNAPSE_CHUNK_FORMAT_BITS + Loihi1Limits.SYNAPSE_CHUNK_COUNT_BITS);
            long word = Loihi1Limits.SYNAPSE_WORD_BITS;
            return (raw + word - 1) / word * word;
        }
    }
}
