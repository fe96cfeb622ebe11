package io.neuromap.compiler.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.ir.Network;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Placement on the mesh: what it optimises, and the chip limit as a violation. */
class PlacerTest {

    /** A ring of columns, declared in a shuffled order; each column talks to itself and its two ring neighbours. */
    private static Network shuffledRing(int columns, int size, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            order.add(c);
        }
        Collections.shuffle(order, new Random(seed));
        NetworkBuilder b = new NetworkBuilder();
        int[] pop = new int[columns];
        for (int c : order) {
            pop[c] = b.lif("col" + c, size);
        }
        for (int c = 0; c < columns; c++) {
            for (int d = -1; d <= 1; d++) {
                int[][] targets = new int[size][];
                for (int i = 0; i < size; i++) {
                    targets[i] = java.util.stream.IntStream.range(0, size).toArray();
                }
                b.projection("c" + c + "to" + d, pop[c], pop[(c + d + columns) % columns], targets, 1);
            }
        }
        return b.build();
    }

    @Test
    void placementFollowsTrafficBetterThanCoreOrder() {
        Network net = shuffledRing(16, 8, 3);
        // One column per core, 16 cores on one chip of 4 x 4 routers.
        ToyModel model = ToyModel.roomy().withNeurons(8).withMesh(new GridMesh(1, 1, 1, 4, 4, 1));
        Partition part = Partitioner.partition(net, model, PartitionOptions.defaults());
        assertEquals(16, part.coreCount());
        Placement place = Placer.place(net, part, PlacementOptions.defaults());
        assertTrue(place.violations().isEmpty());
        assertTrue(place.trafficHops() * 10 <= place.naiveTrafficHops() * 7,
                () -> "traffic x hops " + place.trafficHops() + " vs " + place.naiveTrafficHops() + " in core order");
        // A ring of 16 on a 4 x 4 grid can have every neighbour one hop away.
        long ringTraffic = part.traffic().interCore();
        assertTrue(place.trafficHops() <= ringTraffic * 3 / 2, () -> place.trafficHops() + " vs ring " + ringTraffic);
        assertEquals(0, place.interChipTraffic());
        MappingCheck check = MappingVerifier.verify(net, part, place);
        assertTrue(check.valid(), () -> check.problems() + " " + check.violations());
    }

    @Test
    void crossChipTrafficIsReported() {
        Network net = shuffledRing(8, 8, 5);
        // Two chips of 2 x 2 routers: the ring must cross between them at least twice.
        ToyModel model = ToyModel.roomy().withNeurons(8).withMesh(new GridMesh(1, 2, 2, 2, 2, 1));
        Partition part = Partitioner.partition(net, model, PartitionOptions.defaults());
        Placement place = Placer.place(net, part, PlacementOptions.defaults());
        assertEquals(2, place.chipsUsed());
        assertTrue(place.interChipTraffic() > 0);
        assertTrue(place.interChipTraffic() < part.traffic().interCore());
        assertTrue(MappingVerifier.verify(net, part, place).valid());
    }

    @Test
    void tooFewChipsIsAViolationNotAnException() {
        Network net = shuffledRing(6, 8, 1);
        ToyModel model = ToyModel.roomy().withNeurons(8).withMesh(new GridMesh(1, 1, 1, 2, 2, 1));
        Partition part = Partitioner.partition(net, model, PartitionOptions.defaults());
        assertEquals(6, part.coreCount());
        Placement place = Placer.place(net, part, PlacementOptions.defaults());
        assertEquals(1, place.violations().size());
        Violation v = place.violations().get(0);
        assertEquals("TOY-CHIP-001", v.ruleId());
        assertEquals("chips", v.resource());
        assertEquals(2, v.actual());
        assertEquals(1, v.limit());
        assertEquals(net.span(), v.span());
        assertTrue(v.fix().contains("--chips 2"), v.fix());
        assertEquals(2, place.chipsUsed(), "placed anyway, on the chips it needs");
        MappingCheck check = MappingVerifier.verify(net, part, place);
        assertTrue(check.consistent(), check.problems()::toString);
        assertEquals(List.of("TOY-CHIP-001"), check.violations().stream().map(Violation::ruleId).toList());
    }

    @Test
    void layoutsAreCompactAndHopsAreManhattan() {
        GridMesh mesh = new GridMesh(3, 4, 12, 2, 1, 2);
        assertEquals(4, mesh.coresPerChip());
        MeshLayout three = mesh.layout(3);
        assertEquals(3, three.chips());
        assertEquals(0, three.chipRow(2), "1 x 3 beats 2 x 2: same perimeter, less area");
        MeshLayout four = mesh.layout(4);
        assertEquals(1, four.chipRow(3), "2 x 2");
        assertEquals(1, four.chipColumn(3));
        // Slot 0 and 1 share router (0, 0); slot 2 is on router (1, 0); chip 1 starts at x = 2.
        assertEquals(0, four.hops(0, 1));
        assertEquals(1, four.hops(0, 2));
        assertEquals(2, four.hops(0, 4));
        assertEquals(3 + 1, four.hops(0, 3 * 4 + 2), "chip 3 at (1, 1): its core 2 on router (3, 1)");
        MeshLayout over = mesh.layout(20);
        assertEquals(20, over.chips(), "more chips than the system: a virtual layout");
        assertTrue(GridMesh.nearSquareGrid(32)[0] == 4 && GridMesh.nearSquareGrid(32)[1] == 8);
        assertTrue(GridMesh.nearSquareGrid(7)[0] == 3 && GridMesh.nearSquareGrid(7)[1] == 3);
        assertTrue(GridMesh.nearSquareGrid(2)[0] == 1 && GridMesh.nearSquareGrid(2)[1] == 2);
    }
}
