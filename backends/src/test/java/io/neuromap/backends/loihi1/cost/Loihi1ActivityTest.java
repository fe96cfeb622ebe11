package io.neuromap.backends.loihi1.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.TestNmap;
import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.mapping.Loihi1ResourceModel;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.mapping.Partition;
import io.neuromap.compiler.mapping.PartitionOptions;
import io.neuromap.compiler.mapping.Partitioner;
import io.neuromap.compiler.mapping.Placement;
import io.neuromap.compiler.mapping.PlacementOptions;
import io.neuromap.compiler.mapping.Placer;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Activity read from a real network through the real mapping, against counts worked out by hand. */
class Loihi1ActivityTest {
    @TempDir
    Path dir;

    private Network elaborate(String text) {
        return TestNmap.elaborate(dir, text);
    }

    private static void close(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * 1e-9 + 1e-12);
    }

    private static long coresOf(Partition partition, int population) {
        return java.util.stream.IntStream.range(0, partition.coreCount())
                .filter(c -> partition.slices(c).stream().anyMatch(s -> s.population() == population)).count();
    }

    @Test
    void countsFollowRatesFanOutAndCores() throws IOException {
        Network network = elaborate("""
                network N {
                  population src[10] : poisson { rate = 100 Hz; }
                  population a[20] : lif;
                  project src -> a with all_to_all { weight = 0.5 nA; receptor = exc; }
                  project a -> a with one_to_one { weight = 0.5 nA; receptor = exc; }
                }
                simulate N { dt = 1 ms; duration = 1 s; seed = 1; }
                """);
        Loihi1ResourceModel model = Loihi1ResourceModel.of(Loihi1Limits.singleChip());
        Partition partition = Partitioner.partition(network, model, PartitionOptions.defaults());
        Placement placement = Placer.place(network, partition, PlacementOptions.defaults());
        assertEquals(1, partition.coreCount());
        Loihi1Activity activity = Loihi1Activity.of(network, partition, placement, 5);
        Loihi1CoreActivity core = activity.cores().get(0);
        // src: 10 neurons x 100 Hz x 1 ms = 1 spike per step, each reaching 20 synapses on the one core;
        // a: 20 neurons x 5 Hz x 1 ms = 0.1 spike per step, each reaching one synapse on its own core.
        close(1 * 20 + 0.1, core.synapticOps());
        close(0, core.plasticUpdates());
        close(0.1, core.spikes());
        close(0.1, core.messagesOut());
        close(1 + 0.1, core.messagesIn());
        close(0, core.hopsEastWest() + core.hopsNorthSouth());
        close(1, activity.hostMessages());
        close(partition.usage(0)[Loihi1ResourceModel.COMPARTMENTS], core.compartments());
        assertEquals(1, activity.chips());
        assertEquals(1, activity.tiles());
        close(1e-3, activity.dt());
    }

    @Test
    void messagesAreConservedAcrossCores() throws IOException {
        Network network = elaborate("""
                network N {
                  population src[10] : poisson { rate = 100 Hz; }
                  population a[4500] : lif;
                  population b[10] : lif;
                  project src -> a with all_to_all { weight = 0.5 nA; receptor = exc; }
                  project a -> b with fixed_indegree(100) { weight = 0.5 nA; receptor = exc; }
                }
                simulate N { dt = 1 ms; duration = 1 s; seed = 1; }
                """);
        Loihi1ResourceModel model = Loihi1ResourceModel.of(Loihi1Limits.singleChip());
        Partition partition = Partitioner.partition(network, model, PartitionOptions.defaults());
        Placement placement = Placer.place(network, partition, PlacementOptions.defaults());
        int cores = partition.coreCount();
        assertTrue(cores >= 5, "cores " + cores);
        Loihi1Activity activity = Loihi1Activity.of(network, partition, placement, 2);
        double in = activity.total(Loihi1CoreActivity::messagesIn);
        double out = activity.total(Loihi1CoreActivity::messagesOut);
        close(out + activity.hostMessages(), in);
        // a: 2 Hz x 1 ms per neuron; each a neuron with a target in b sends one message to every core
        // holding part of b; b's 10 neurons receive 100 synapses each; every src spike (1 per step)
        // reaches 4500 synapses and every core that holds part of a.
        var ab = network.projections().get(1).synapses();
        long senders = java.util.stream.IntStream.range(0, ab.rows()).filter(i -> ab.rowLength(i) > 0).count();
        long coresOfA = coresOf(partition, 1);
        long coresOfB = coresOf(partition, 2);
        assertEquals(1, coresOfB);
        close(2e-3 * senders, out);
        close(1 * 4500 + 2e-3 * 10 * 100, activity.total(Loihi1CoreActivity::synapticOps));
        close(coresOfA, activity.hostMessages());
        close(4510 * 2e-3, activity.total(Loihi1CoreActivity::spikes));
        assertTrue(activity.tiles() >= 2);
        assertTrue(activity.total(c -> c.hopsEastWest() + c.hopsNorthSouth()) > 0);
    }
}
