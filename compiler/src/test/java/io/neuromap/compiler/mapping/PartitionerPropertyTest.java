package io.neuromap.compiler.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.ir.Network;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The laws of partitioning and placement over a few hundred random networks and random
 * capacities (deterministic seeds): the verifier finds the mapping consistent (every on-core
 * neuron on one core, every synapse assigned exactly once, usage equal to a recount); every core
 * fits unless a single neuron alone exceeds a core or a neuron's own delay exceeds the limit; the lower bound never exceeds the cores
 * achieved by a partition that fits; and the same input gives the same mapping.
 */
class PartitionerPropertyTest {

    static Network randomNetwork(Random rnd) {
        NetworkBuilder b = new NetworkBuilder();
        int pops = 1 + rnd.nextInt(5);
        int[] ids = new int[pops];
        for (int p = 0; p < pops; p++) {
            int size = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 300 : 60);
            if (p > 0 && rnd.nextInt(5) == 0) {
                ids[p] = b.poisson("src" + p, size, 5 + rnd.nextInt(20));
                continue;
            }
            Map<String, double[]> params = new HashMap<>();
            if (rnd.nextBoolean()) {
                double[] tau = new double[size];
                int distinct = 1 + rnd.nextInt(12);
                for (int i = 0; i < size; i++) {
                    tau[i] = 0.01 + 0.001 * rnd.nextInt(distinct);
                }
                params.put("tau_m", tau);
            }
            if (rnd.nextInt(4) == 0) {
                double[] ti = new double[size];
                for (int i = 0; i < size; i++) {
                    ti[i] = rnd.nextInt(3) == 0 ? 0.01 : 0.005;
                }
                params.put("tau_syn_I", ti);
            }
            ids[p] = b.lif("pop" + p, size, params);
        }
        int projections = rnd.nextInt(7);
        for (int j = 0; j < projections; j++) {
            int pre = ids[rnd.nextInt(pops)];
            int post = ids[rnd.nextInt(pops)];
            if (post != ids[0] && isSource(b, post)) {
                post = ids[0];
            }
            double p = rnd.nextInt(10) == 0 ? 0.6 : 0.02 + 0.15 * rnd.nextDouble();
            b.random("proj" + j, pre, post, p, 1 + rnd.nextInt(12), rnd);
        }
        return b.build();
    }

    private static boolean isSource(NetworkBuilder b, int population) {
        return b.build().populations().get(population).isSource();
    }

    static ToyModel randomModel(Random rnd) {
        Mesh mesh = GridMesh.nearSquare(1 + rnd.nextInt(4), 1 + rnd.nextInt(3), 1 + rnd.nextInt(2), 1 + rnd.nextInt(3));
        return new ToyModel(6 + rnd.nextInt(80), 4 + rnd.nextInt(200), 4 + rnd.nextInt(200), 256 + rnd.nextInt(4000),
                2 + rnd.nextInt(10), 2 + rnd.nextInt(4), 6 + rnd.nextInt(8), 3 + rnd.nextInt(6), 1 + rnd.nextInt(6), mesh);
    }

    @Test
    void everyMappingIsConsistentFitsWhereItCanAndBeatsNoBound() {
        int infeasible = 0;
        int refined = 0;
        for (int seed = 0; seed < 300; seed++) {
            Random rnd = new Random(seed);
            Network net = randomNetwork(rnd);
            ToyModel model = randomModel(rnd);
            Partition part = Partitioner.partition(net, model, PartitionOptions.defaults());
            Placement place = Placer.place(net, part, PlacementOptions.defaults());
            MappingCheck check = MappingVerifier.verify(net, part, place);
            String context = "seed " + seed + ": " + net + ", " + part;
            assertTrue(check.consistent(), () -> context + ": " + check.problems());
            for (int c = 0; c < part.coreCount(); c++) {
                Utilization u = part.utilization(c);
                if (!u.fits()) {
                    boolean perNeuronOnly = u.overLimit().stream()
                            .allMatch(row -> row.resource().kind() == ResourceKind.NEURON_MAX);
                    assertTrue(part.neurons(c) == 1 || perNeuronOnly,
                            context + ": core " + c + " does not fit with more than one neuron: " + u);
                    infeasible++;
                }
            }
            for (Violation v : part.violations()) {
                assertTrue(v.ruleId().startsWith("TOY-"), v::toString);
            }
            if (part.violations().isEmpty()) {
                // With a neuron over a core's limits, the bound counts demand no core can hold.
                assertTrue(part.lowerBounds().cores() <= part.coreCount(), context);
            }
            if (part.statistics().refineMoves() > 0) {
                refined++;
                assertTrue(part.statistics().trafficAfterRefine() < part.statistics().trafficBeforeRefine(), context);
            }
            assertTrue(place.trafficHops() <= place.naiveTrafficHops(), context);

            Partition again = Partitioner.partition(net, model, PartitionOptions.defaults());
            assertEquals(part.coreCount(), again.coreCount(), context);
            for (int c = 0; c < part.coreCount(); c++) {
                assertEquals(part.slices(c), again.slices(c), context);
                assertEquals(List.of(part.utilization(c)), List.of(again.utilization(c)), context);
            }
            Placement placeAgain = Placer.place(net, again, PlacementOptions.defaults());
            for (int c = 0; c < part.coreCount(); c++) {
                assertEquals(place.slotOf(c), placeAgain.slotOf(c), context);
            }
        }
        // The generator must exercise both the infeasible-neuron path and refinement.
        assertTrue(infeasible > 0, "no random network had a neuron that alone exceeds a core");
        assertTrue(refined > 0, "refinement never moved a neuron");
    }
}
