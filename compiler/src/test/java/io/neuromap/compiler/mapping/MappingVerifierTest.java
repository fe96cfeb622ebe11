package io.neuromap.compiler.mapping;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.ir.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The verifier catches every kind of broken mapping, each planted into an otherwise valid one. */
class MappingVerifierTest {

    /** A partition's parts, editable, to plant a defect and rebuild it. */
    private static final class Parts {
        final List<List<Slice>> slices = new ArrayList<>();
        final List<long[]> usage = new ArrayList<>();
        final List<Integer> neurons = new ArrayList<>();
        final List<Long> synapses = new ArrayList<>();
        int[] coreOf;
        final Partition original;

        Parts(Partition p, int neuronCount) {
            original = p;
            coreOf = new int[neuronCount];
            for (int n = 0; n < neuronCount; n++) {
                coreOf[n] = p.coreOf(n);
            }
            for (int c = 0; c < p.coreCount(); c++) {
                slices.add(new ArrayList<>(p.slices(c)));
                usage.add(p.usage(c));
                neurons.add(p.neurons(c));
                synapses.add(p.synapses(c));
            }
        }

        Partition build() {
            int cores = slices.size();
            int[] start = new int[cores + 1];
            List<Slice> flat = new ArrayList<>();
            for (int c = 0; c < cores; c++) {
                start[c] = flat.size();
                flat.addAll(slices.get(c));
            }
            start[cores] = flat.size();
            int[] pop = flat.stream().mapToInt(Slice::population).toArray();
            int[] from = flat.stream().mapToInt(Slice::from).toArray();
            int[] to = flat.stream().mapToInt(Slice::to).toArray();
            return new Partition(original.model(), coreOf, start, pop, from, to, usage.toArray(new long[0][]),
                    neurons.stream().mapToInt(Integer::intValue).toArray(),
                    synapses.stream().mapToLong(Long::longValue).toArray(), original.lowerBounds(), original.traffic(),
                    original.violations(), original.statistics());
        }
    }

    private static Network network() {
        return PartitionerPropertyTest.randomNetwork(new Random(11));
    }

    private static void assertCaught(String what, Consumer<Parts> defect) {
        Network net = network();
        Partition good = Partitioner.partition(net, ToyModel.roomy().withNeurons(16), PartitionOptions.defaults());
        assertTrue(good.coreCount() >= 2, "the fixture needs two cores");
        assertTrue(MappingVerifier.verify(net, good).valid(), "the fixture must start valid");
        Parts parts = new Parts(good, net.neuronCount());
        defect.accept(parts);
        MappingCheck check = MappingVerifier.verify(net, parts.build());
        assertTrue(!check.consistent(), what + " went unnoticed");
    }

    @Test
    void aNeuronOnTwoCoresIsCaught() {
        assertCaught("a neuron on two cores", p -> {
            Slice first = p.slices.get(0).get(0);
            p.slices.get(1).add(new Slice(first.population(), first.from(), first.from() + 1));
            p.neurons.set(1, p.neurons.get(1) + 1);
        });
    }

    @Test
    void aNeuronOnNoCoreIsCaught() {
        assertCaught("a dropped neuron", p -> {
            List<Slice> s = p.slices.get(0);
            Slice last = s.remove(s.size() - 1);
            if (last.size() > 1) {
                s.add(new Slice(last.population(), last.from(), last.to() - 1));
            }
            p.neurons.set(0, p.neurons.get(0) - 1);
        });
    }

    @Test
    void usageThatDisagreesWithARecountIsCaught() {
        for (int r = 0; r < ToyModel.roomy().resources().size(); r++) {
            int resource = r;
            assertCaught("a wrong " + ToyModel.roomy().resources().get(r).name(), p -> p.usage.get(0)[resource]++);
        }
    }

    @Test
    void aWrongSynapseCountIsCaught() {
        assertCaught("synapses counted twice", p -> p.synapses.set(0, p.synapses.get(0) + 1));
    }

    @Test
    void aCoreOfTableThatDisagreesWithTheSlicesIsCaught() {
        assertCaught("coreOf out of step", p -> {
            int n = 0;
            while (p.coreOf[n] != 0) {
                n++;
            }
            p.coreOf = p.coreOf.clone();
            p.coreOf[n] = 1;
        });
    }

    @Test
    void twoCoresOnOneSlotAreCaught() {
        Network net = network();
        Partition part = Partitioner.partition(net, ToyModel.roomy().withNeurons(16), PartitionOptions.defaults());
        Placement place = Placer.place(net, part, PlacementOptions.defaults());
        int[] slots = new int[part.coreCount()];
        for (int c = 0; c < slots.length; c++) {
            slots[c] = place.slotOf(c);
        }
        slots[1] = slots[0];
        Placement broken = new Placement(place.layout(), slots, place.chipsAvailable(), place.trafficHops(),
                place.naiveTrafficHops(), place.interChipTraffic(), place.interChipTrafficHops(), place.violations());
        assertTrue(!MappingVerifier.verify(net, part, broken).consistent());
        assertTrue(MappingVerifier.verifyPlacement(net, part, place).isEmpty(), "the placer's own placement");
        assertTrue(MappingVerifier.verifyPlacement(net, part, broken).stream().anyMatch(p -> p.contains("share slot")),
                () -> MappingVerifier.verifyPlacement(net, part, broken).toString());
    }
}
