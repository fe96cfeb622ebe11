package io.neuromap.compiler.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.ir.Network;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The incremental accounting agrees with the partition's and undoes exactly. */
class CoreLoadsTest {

    @Test
    void slicesAddedAsThePartitionPlacedThemGiveItsUtilization() {
        for (int seed = 0; seed < 40; seed++) {
            Random rnd = new Random(seed);
            Network net = PartitionerPropertyTest.randomNetwork(rnd);
            ToyModel model = PartitionerPropertyTest.randomModel(rnd);
            Partition part = Partitioner.partition(net, model, PartitionOptions.defaults());
            CoreLoads loads = CoreLoads.of(net, model);
            for (int c = 0; c < part.coreCount(); c++) {
                assertEquals(c, loads.newCore());
                for (Slice s : part.slices(c)) {
                    loads.add(c, s);
                }
            }
            for (int c = 0; c < part.coreCount(); c++) {
                assertEquals(part.utilization(c), loads.utilization(c), "seed " + seed + " core " + c);
            }
            assertEquals(part.statistics().trafficAfterRefine(), loads.traffic());
            // Taking everything off and putting it back restores every number.
            for (int c = 0; c < part.coreCount(); c++) {
                for (Slice s : part.slices(c)) {
                    loads.remove(s);
                }
            }
            for (int c = 0; c < part.coreCount(); c++) {
                for (long u : loads.utilization(c).rows().stream().mapToLong(Utilization.Row::used).toArray()) {
                    assertEquals(0, u);
                }
            }
            long hostOnly = loads.traffic();
            assertTrue(hostOnly >= 0);
        }
    }

    @Test
    void askingWhetherASliceStillFits() {
        NetworkBuilder b = new NetworkBuilder();
        b.lif("a", 10);
        Network net = b.build();
        CoreLoads loads = CoreLoads.of(net, ToyModel.roomy().withNeurons(6));
        int core = loads.newCore();
        loads.add(core, new Slice(0, 0, 6));
        assertTrue(loads.fits(core));
        loads.add(core, new Slice(0, 6, 7));
        assertFalse(loads.fits(core));
        assertEquals(7, loads.utilization(core).rows().get(ToyModel.NEURONS).used());
        loads.remove(new Slice(0, 6, 7));
        assertTrue(loads.fits(core));
        assertThrows(IllegalArgumentException.class, () -> loads.add(core, new Slice(0, 5, 8)));
        assertThrows(IllegalArgumentException.class, () -> loads.remove(new Slice(0, 7, 8)));
    }
}
