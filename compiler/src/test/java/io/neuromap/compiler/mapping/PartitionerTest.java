package io.neuromap.compiler.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.ir.Network;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The partitioner's phases one at a time, each on a network built to exercise it. */
class PartitionerTest {

    private static int[][] noTargets(int rows) {
        int[][] t = new int[rows][];
        for (int i = 0; i < rows; i++) {
            t[i] = new int[0];
        }
        return t;
    }

    private static int[][] allTo(int rows, int cols) {
        int[][] t = new int[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[i][j] = j;
            }
        }
        return t;
    }

    private static MappingCheck valid(Network net, Partition part) {
        MappingCheck check = MappingVerifier.verify(net, part);
        assertTrue(check.consistent(), () -> check.problems().toString());
        return check;
    }

    @Test
    void greedyFillsCoresInPopulationOrderUpToTheBindingLimit() {
        NetworkBuilder b = new NetworkBuilder();
        b.lif("a", 5);
        b.lif("b", 5);
        Network net = b.build();
        Partition part = Partitioner.partition(net, ToyModel.roomy().withNeurons(3), PartitionOptions.defaults());
        assertEquals(4, part.coreCount());
        assertEquals(List.of(new Slice(0, 0, 3)), part.slices(0));
        assertEquals(List.of(new Slice(0, 3, 5), new Slice(1, 0, 1)), part.slices(1));
        assertEquals(List.of(new Slice(1, 1, 4)), part.slices(2));
        assertEquals(List.of(new Slice(1, 4, 5)), part.slices(3));
        assertEquals(4, part.lowerBounds().cores());
        assertEquals("neurons", part.lowerBounds().binding().orElseThrow().resource().name());
        assertTrue(valid(net, part).valid());
    }

    @Test
    void twoCompartmentNeuronsCountTwice() {
        NetworkBuilder b = new NetworkBuilder();
        double[] tauI = new double[6];
        java.util.Arrays.fill(tauI, 0.010);
        b.lif("cuba", 6, Map.of("tau_syn_I", tauI));
        Network net = b.build();
        Partition part = Partitioner.partition(net, ToyModel.roomy().withNeurons(4), PartitionOptions.defaults());
        assertEquals(3, part.coreCount());
        assertEquals(4, part.usage(0)[ToyModel.NEURONS]);
    }

    @Test
    void longDelaysLowerTheCompartmentCapacity() {
        NetworkBuilder b = new NetworkBuilder();
        int pre = b.lif("pre", 1);
        int post = b.lif("post", 16);
        b.projection("slow", pre, post, new int[][] {java.util.stream.IntStream.range(0, 16).toArray()}, 12);
        Network net = b.build();
        // The toy model halves its 8 compartments on cores with delays above 8 steps.
        ToyModel model = ToyModel.roomy().withNeurons(8);
        Partition part = Partitioner.partition(net, model, PartitionOptions.defaults());
        for (int c = 0; c < part.coreCount(); c++) {
            Utilization u = part.utilization(c);
            assertTrue(u.fits());
            if (part.usage(c)[ToyModel.DELAY] == 12) {
                assertEquals(4, u.rows().get(ToyModel.NEURONS).max());
            }
        }
        assertEquals(5, part.coreCount(), "pre and 3 of post on core 0, then 4 + 4 + 4 + 1");
        assertTrue(valid(net, part).valid());
    }

    @Test
    void aNeuronThatAloneExceedsACoreGetsItsOwnCoreAndAViolation() {
        NetworkBuilder b = new NetworkBuilder();
        int src = b.lif("src", 40);
        int hub = b.lif("hub", 3);
        b.projection("fanin", src, hub, allTo(40, 3), 1);
        Network net = b.build();
        ToyModel model = new ToyModel(64, 32, 256, 1 << 14, 16, 8, 16, 8, 4, GridMesh.nearSquare(4, 2, 2, 2));
        Partition part = Partitioner.partition(net, model, PartitionOptions.defaults());
        assertEquals(3, part.violations().size(), part.violations()::toString);
        for (Violation v : part.violations()) {
            assertEquals("TOY-AXIN-001", v.ruleId());
            assertEquals("inputs", v.resource());
            assertEquals(40, v.actual());
            assertEquals(32, v.limit());
            assertEquals(NetworkBuilder.span("hub"), v.span());
            assertTrue(v.fix().contains("hub"), v.fix());
        }
        assertEquals(4, part.coreCount(), "src on one core, each hub neuron alone on its own");
        MappingCheck check = valid(net, part);
        assertEquals(3, check.violations().size());
    }

    @Test
    void outputFanOutThatOutgrowsAClosedCoreIsRepaired() {
        NetworkBuilder b = new NetworkBuilder();
        int src = b.lif("src", 8);
        int dst = b.lif("dst", 32);
        b.projection("spread", src, dst, allTo(8, 32), 1);
        Network net = b.build();
        // 8 neurons per core: src fills core 0, dst takes 4 cores, so each src neuron needs 4
        // output axons and core 0 needs 32 > 12: it has to be split after the fill.
        ToyModel model = new ToyModel(8, 256, 12, 1 << 14, 16, 8, 16, 8, 4, GridMesh.nearSquare(4, 2, 2, 2));
        Partition part = Partitioner.partition(net, model, PartitionOptions.defaults());
        assertTrue(part.statistics().repairSplits() > 0);
        assertTrue(part.violations().isEmpty(), part.violations()::toString);
        for (int c = 0; c < part.coreCount(); c++) {
            assertTrue(part.utilization(c).fits(), part.utilization(c)::toString);
        }
        assertTrue(valid(net, part).valid());
    }

    @Test
    void refinementMovesABoundarySliceToCutTraffic() {
        NetworkBuilder b = new NetworkBuilder();
        int a = b.lif("a", 8);
        int c = b.lif("c", 8);
        b.projection("aa", a, a, allTo(8, 8), 1);
        b.projection("cc", c, c, allTo(8, 8), 1);
        Network net = b.build();
        // 10 neurons per core: the fill puts a and c[0:2] on core 0, so c is split and chatters
        // across cores; moving c[0:2] to core 1 leaves two independent cores.
        ToyModel model = ToyModel.roomy().withNeurons(10);
        Partition unrefined = Partitioner.partition(net, model, PartitionOptions.defaults().withRefinePasses(0));
        assertEquals(List.of(new Slice(0, 0, 8), new Slice(1, 0, 2)), unrefined.slices(0));
        assertTrue(unrefined.traffic().interCore() > 0);

        Partition refined = Partitioner.partition(net, model, PartitionOptions.defaults());
        assertEquals(2, refined.coreCount());
        assertEquals(List.of(new Slice(0, 0, 8)), refined.slices(0));
        assertEquals(List.of(new Slice(1, 0, 8)), refined.slices(1));
        assertEquals(0, refined.traffic().interCore());
        assertEquals(2, refined.statistics().refineMoves());
        assertTrue(valid(net, refined).valid());
    }

    @Test
    void hostInjectedSourcesTakeNoCoreButCostInputAxons() {
        NetworkBuilder b = new NetworkBuilder();
        int src = b.poisson("noise", 20, 5);
        int pop = b.lif("pop", 4);
        b.projection("in", src, pop, allTo(20, 4), 1);
        Network net = b.build();
        Partition part = Partitioner.partition(net, ToyModel.roomy(), PartitionOptions.defaults());
        assertEquals(1, part.coreCount());
        assertEquals(List.of(new Slice(1, 0, 4)), part.slices(0));
        assertEquals(-1, part.coreOf(0));
        assertEquals(20, part.usage(0)[ToyModel.INPUTS]);
        assertEquals(0, part.usage(0)[ToyModel.OUTPUTS]);
        assertEquals(20 * 5 * SpikeRates.SCALE, part.traffic().externalTotal());
        assertTrue(valid(net, part).valid());
    }

    @Test
    void projectionsOntoOffCoreNeuronsAreViolations() {
        NetworkBuilder b = new NetworkBuilder();
        int pop = b.lif("pop", 2);
        int src = b.poisson("noise", 3, 5);
        b.projection("back", pop, src, allTo(2, 3), 1);
        Network net = b.build();
        Partition part = Partitioner.partition(net, ToyModel.roomy(), PartitionOptions.defaults());
        assertEquals(1, part.violations().size());
        Violation v = part.violations().get(0);
        assertEquals("TOY-SRC-001", v.ruleId());
        assertEquals(NetworkBuilder.span("back"), v.span());
        assertEquals(6, v.actual());
        MappingCheck check = valid(net, part);
        assertEquals(1, check.violations().size());
    }

    @Test
    void synapseMemoryAndProfilesAndFormatsBind() {
        NetworkBuilder b = new NetworkBuilder();
        int src = b.lif("src", 10);
        int dst = b.lif("dst", 10);
        b.projection("dense", src, dst, allTo(10, 10), 1);
        // memory: each of 10 rows costs groupCost(m) for m neurons on a core; 10 * 24 = 240 holds m <= 5.
        ToyModel memoryBound = new ToyModel(64, 256, 256, 240, 16, 8, 16, 8, 4, GridMesh.nearSquare(4, 2, 2, 2));
        Partition part = Partitioner.partition(b.build(), memoryBound, PartitionOptions.defaults());
        assertEquals("memory", part.lowerBounds().binding().orElseThrow().resource().name());
        for (int c = 0; c < part.coreCount(); c++) {
            assertTrue(part.usage(c)[ToyModel.MEMORY] <= 240);
        }

        NetworkBuilder h = new NetworkBuilder();
        double[] tau = new double[12];
        for (int i = 0; i < 12; i++) {
            tau[i] = 0.010 + 0.001 * i;
        }
        h.lif("hetero", 12, Map.of("tau_m", tau));
        ToyModel profileBound = new ToyModel(64, 256, 256, 1 << 14, 5, 8, 16, 8, 4, GridMesh.nearSquare(4, 2, 2, 2));
        Partition prof = Partitioner.partition(h.build(), profileBound, PartitionOptions.defaults());
        assertEquals(3, prof.coreCount());
        assertEquals(3, prof.lowerBounds().cores());
        assertEquals("profiles", prof.lowerBounds().binding().orElseThrow().resource().name());

        NetworkBuilder f = new NetworkBuilder();
        int s = f.lif("s", 1);
        int d = f.lif("d", 4);
        for (int j = 0; j < 4; j++) {
            int[][] one = noTargets(1);
            one[0] = new int[] {j};
            f.projection("p" + j, s, d, one, 1);
        }
        ToyModel formatBound = new ToyModel(64, 256, 256, 1 << 14, 16, 2, 16, 8, 4, GridMesh.nearSquare(4, 2, 2, 2));
        Partition fmt = Partitioner.partition(f.build(), formatBound, PartitionOptions.defaults());
        assertEquals(2, fmt.coreCount());
        assertEquals("formats", fmt.lowerBounds().binding().orElseThrow().resource().name());
        for (int c = 0; c < fmt.coreCount(); c++) {
            assertTrue(fmt.utilization(c).fits());
        }
    }
}
