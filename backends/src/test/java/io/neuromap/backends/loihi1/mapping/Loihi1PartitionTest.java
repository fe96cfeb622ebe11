package io.neuromap.backends.loihi1.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1SignMode;
import io.neuromap.backends.loihi1.Loihi1SynapseFormat;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.mapping.MappingCheck;
import io.neuromap.compiler.mapping.MappingVerifier;
import io.neuromap.compiler.mapping.Partition;
import io.neuromap.compiler.mapping.PartitionOptions;
import io.neuromap.compiler.mapping.Partitioner;
import io.neuromap.compiler.mapping.Placement;
import io.neuromap.compiler.mapping.PlacementOptions;
import io.neuromap.compiler.mapping.Placer;
import io.neuromap.compiler.mapping.Slice;
import io.neuromap.compiler.mapping.SpikeRates;
import io.neuromap.compiler.mapping.Utilization;
import io.neuromap.compiler.mapping.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each Loihi 1 per-core limit made the binding one by a network built for it, partitioned for a
 * single chip and verified.
 */
class Loihi1PartitionTest {
    private static final Loihi1ResourceModel LOIHI = Loihi1ResourceModel.of(Loihi1Limits.singleChip());

    private static Partition partition(Network net, Loihi1ResourceModel model) {
        Partition part = Partitioner.partition(net, model, PartitionOptions.defaults());
        Placement place = Placer.place(net, part, PlacementOptions.defaults());
        MappingCheck check = MappingVerifier.verify(net, part, place);
        assertTrue(check.consistent(), () -> check.problems().toString());
        return part;
    }

    private static Partition fitting(Network net) {
        Partition part = partition(net, LOIHI);
        assertTrue(part.violations().isEmpty(), () -> part.violations().toString());
        return part;
    }

    /** The name of the resource with the highest used/max on core {@code core}. */
    private static String binding(Partition part, int core) {
        return part.utilization(core).binding().orElseThrow().resource().name();
    }

    private static String lowerBoundBinding(Partition part) {
        return part.lowerBounds().binding().orElseThrow().resource().name();
    }

    /** The cores holding neurons of population {@code population}. */
    private static List<Integer> coresOf(Partition part, int population) {
        return java.util.stream.IntStream.range(0, part.coreCount())
                .filter(c -> part.slices(c).stream().anyMatch(s -> s.population() == population)).boxed().toList();
    }

    @Test
    void denseFanInSplitsOnSynapticMemory() {
        Partition part = fitting(Networks.net("""
                population src[300] : lif;
                population dst[1000] : lif;
                project src -> dst with all_to_all { weight = 0.1 nA; }
                """));
        // 300 axons per core, each carrying one 18-bit synapse per dst neuron: about 184 dst per core.
        assertEquals("synaptic memory", lowerBoundBinding(part));
        assertTrue(part.coreCount() >= 6, part::summary);
        for (int c : coresOf(part, 1)) {
            if (part.neurons(c) > 100) {
                assertEquals("synaptic memory", binding(part, c), part.utilization(c)::toString);
            }
            assertTrue(part.usage(c)[Loihi1ResourceModel.SYNAPSE_BITS] <= Loihi1Limits.SYNAPSE_BITS_PER_CORE);
        }
        assertTrue(part.coreCount() <= part.lowerBounds().cores() * 11 / 10 + 1, part::summary);
    }

    @Test
    void manyDistinctSourcesSplitOnInputAxons() {
        Partition part = fitting(Networks.net("""
                population b[10] : lif;
                population a[5000] : lif;
                project a -> b with fixed_indegree(1000) { weight = 0.1 nA; }
                """));
        // Each b neuron hears 1000 of 5000 sources; about 7 of them together hear 4096.
        List<Integer> cores = coresOf(part, 0);
        assertEquals(2, cores.size());
        assertEquals("input axons", binding(part, cores.get(0)), part.utilization(cores.get(0))::toString);
        assertTrue(part.usage(cores.get(0))[Loihi1ResourceModel.INPUT_AXONS] > 3500);
    }

    @Test
    void heterogeneousTimeConstantsSplitOnCompartmentProfiles() {
        Partition part = fitting(Networks.net("""
                population p[300] : lif { tau_m ~ uniform(5 ms, 100 ms); }
                """));
        // About 150 distinct decayV values, at most 32 per core.
        assertEquals("compartment profiles", lowerBoundBinding(part));
        assertTrue(part.lowerBounds().cores() >= 4, part::summary);
        for (int c = 0; c < part.coreCount(); c++) {
            assertEquals("compartment profiles", binding(part, c), part.utilization(c)::toString);
        }
        // Neurons ordered by profile share cores: the bound is reached (in index order it takes 9).
        assertEquals(part.lowerBounds().cores(), part.coreCount(), part::summary);
        assertTrue(part.slices(0).size() > 1, "a core holds the neurons of its profiles, wherever they are");
    }

    @Test
    void heterogeneousThresholdsSplitOnThresholdProfiles() {
        Partition part = fitting(Networks.net("""
                population p[100] : lif { v_thresh ~ uniform(-55 mV, -45 mV); }
                """));
        assertEquals("threshold profiles", lowerBoundBinding(part));
        assertEquals(13, part.lowerBounds().cores());
        assertEquals(13, part.coreCount());
        assertEquals(Loihi1Limits.THRESHOLD_PROFILES_PER_CORE, part.usage(0)[Loihi1ResourceModel.THRESHOLD_PROFILES]);
    }

    @Test
    void longDelaysCapCompartments() {
        Partition part = fitting(Networks.net("""
                population a[1000] : lif;
                population b[1000] : lif;
                project a -> b with one_to_one { weight = 0.1 nA; delay = 20 ms; }
                """));
        // Delay 20 steps is delay field 19: 5 delay bits, 32 accumulators each, 256 compartments.
        List<Integer> cores = coresOf(part, 1);
        assertEquals(4, cores.size());
        for (int c : cores) {
            Utilization u = part.utilization(c);
            assertEquals(256, u.rows().get(Loihi1ResourceModel.COMPARTMENTS).max());
            assertEquals("compartments", binding(part, c));
        }
        assertEquals(5, part.coreCount());
        assertEquals(5, part.lowerBounds().cores(), "1000/1024 + 1000/256 cores of compartments");
    }

    @Test
    void aDelayNoCoreSupportsIsReportedPerCoreWithItsRule() {
        Partition part = partition(Networks.net("""
                population a[300] : lif;
                population b[300] : lif;
                project a -> b with one_to_one { weight = 0.1 nA; delay = 80 ms; }
                """), LOIHI);
        assertTrue(part.violations().size() >= 1);
        for (Violation v : part.violations()) {
            assertEquals("LOIHI1-DELAY-001", v.ruleId());
            assertEquals(80, v.actual());
            assertEquals(63, v.limit());
            assertTrue(v.span().toString().contains("net.nmap"), v.span()::toString);
            assertTrue(v.fix().contains("`b`"), v.fix());
        }
        // Packed at the smallest compartment cap (128 per core), not one core per neuron.
        assertEquals(1 + 3, part.coreCount(), part::summary);
    }

    @Test
    void twoCompartmentNeuronsTakeTwoCompartments() {
        Partition tree = fitting(Networks.net("population t[1000] : two_comp;"));
        assertEquals(2, tree.coreCount());
        assertEquals(1024, tree.usage(0)[Loihi1ResourceModel.COMPARTMENTS]);
        assertEquals(2, tree.usage(0)[Loihi1ResourceModel.COMPARTMENT_PROFILES], "soma and dendrite profiles");
        Partition cuba = fitting(Networks.net("""
                population c[600] : lif { tau_syn_E = 5 ms; tau_syn_I = 10 ms; }
                """));
        assertEquals(2, cuba.coreCount());
        assertEquals(2, cuba.lowerBounds().cores());
    }

    @Test
    void manyFormatsIntoOnePopulationSplitOnTheFormatTable() {
        StringBuilder text = new StringBuilder("population s[20] : lif;\npopulation d[100] : lif;\n");
        for (int k = 0; k < 20; k++) {
            text.append("project p").append(k).append(" : s -> d[").append(5 * k).append(':').append(5 * k + 5)
                    .append("] with all_to_all { weight = 0.1 nA; }\n");
        }
        Network net = Networks.net(text.toString());
        // A weight exponent per projection (as a lowering might choose), so every projection has its own format.
        Loihi1SynapseFormats distinct = (network, j) -> new Loihi1SynapseFormat(Loihi1Limits.WEIGHT_BITS_CODE_MAX,
                j / 15, 0, 5, Loihi1Limits.COMPRESSION_SPARSE, Loihi1Limits.SYNAPSES_PER_CHUNK_FIELD_MAX,
                Loihi1SignMode.EXCITATORY.code(), j % 15 - 7);
        Loihi1ResourceModel model = new Loihi1ResourceModel(Loihi1Limits.singleChip(), Loihi1DerivedProfiles.INSTANCE,
                distinct);
        Partition part = partition(net, model);
        assertTrue(part.violations().isEmpty(), part.violations()::toString);
        assertEquals(2, part.coreCount());
        assertEquals("synapse formats", lowerBoundBinding(part));
        assertEquals(Loihi1Limits.SYNAPSE_FORMATS_PER_CORE, part.usage(0)[Loihi1ResourceModel.SYNAPSE_FORMATS]);
        // With the default formats (same delays, same sign) all 20 projections share one format.
        assertEquals(1, fitting(net).coreCount());
    }

    @Test
    void wideFanOutSplitsItsSourcesOnOutputAxons() {
        Partition part = fitting(Networks.net("""
                population a[1000] : lif;
                population b[20000] : lif;
                project a -> b with fixed_outdegree(40) { weight = 0.1 nA; }
                """));
        // Each a neuron reaches about 17 of b's 20 cores: a core holds at most ~240 of them.
        List<Integer> cores = coresOf(part, 0);
        assertTrue(cores.size() >= 4, part::summary);
        for (int c : cores) {
            assertTrue(part.usage(c)[Loihi1ResourceModel.OUTPUT_AXONS] <= Loihi1Limits.OUTPUT_AXONS_PER_CORE);
        }
        assertEquals("output axons", binding(part, cores.get(0)), part.utilization(cores.get(0))::toString);
    }

    @Test
    void spikeSourcesAreInjectedByTheHost() {
        Partition part = fitting(Networks.net("""
                population s[100] : poisson { rate = 20 Hz; }
                population p[2000] : lif;
                project s -> p with fixed_prob(0.5) { weight = 0.1 nA; }
                """));
        assertEquals(2, part.coreCount());
        assertEquals(List.of(new Slice(1, 0, 1024)), part.slices(0));
        assertEquals(100, part.usage(0)[Loihi1ResourceModel.INPUT_AXONS]);
        assertEquals(100L * 2 * 20 * SpikeRates.SCALE, part.traffic().externalTotal());
        assertEquals(0, part.traffic().interCore());
    }

    @Test
    void moreCoresThanTheSystemHasIsAChipViolation() {
        Network net = Networks.net("population p[140000] : lif;");
        Partition part = fitting(net);
        assertEquals(137, part.coreCount());
        Placement place = Placer.place(net, part, PlacementOptions.defaults());
        assertEquals(1, place.violations().size());
        Violation v = place.violations().get(0);
        assertEquals("LOIHI1-CHIP-001", v.ruleId());
        assertEquals(2, v.actual());
        assertEquals(1, v.limit());
        assertTrue(v.fix().contains("--chips 2"), v.fix());
    }
}
