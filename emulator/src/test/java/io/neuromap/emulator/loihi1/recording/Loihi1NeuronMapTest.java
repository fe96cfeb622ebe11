package io.neuromap.emulator.loihi1.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.loihi1.config.Loihi1Origin;
import io.neuromap.backends.loihi1.config.Loihi1Population;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The origin table as lookups: global numbering with host-injected and empty populations. */
class Loihi1NeuronMapTest {
    /**
     * Populations: src[3] (host-injected, no rows), none[0], two[2] with soma + aux on core (0, 5),
     * one[1] with its soma on core (1, 2).
     */
    private static Loihi1NeuronMap map() {
        Loihi1Origin origin = new Loihi1Origin(
                List.of(new Loihi1Population("src", 3), new Loihi1Population("none", 0), new Loihi1Population("two", 2),
                        new Loihi1Population("one", 1)),
                List.of("soma", "aux"),
                new int[] {0, 0, 0, 0, 1},
                new int[] {5, 5, 5, 5, 2},
                new int[] {0, 1, 2, 3, 0},
                new int[] {2, 2, 2, 2, 3},
                new int[] {0, 0, 1, 1, 0},
                new int[] {1, 0, 1, 0, 0});
        return Loihi1NeuronMap.of(origin);
    }

    @Test
    void compartmentsMapToTheNetworksGlobalNeurons() {
        Loihi1NeuronMap m = map();
        assertEquals(6, m.neuronCount());
        assertEquals(3, m.offset(2));
        assertEquals(5, m.offset(3));
        assertEquals(3, m.neuron(0, 5, 0), "aux of two[0]");
        assertEquals(3, m.neuron(0, 5, 1), "soma of two[0]");
        assertEquals(4, m.neuron(0, 5, 3));
        assertEquals(5, m.neuron(1, 2, 0));
        assertEquals("soma", m.compartmentNameOfRow(m.row(0, 5, 1)));
        assertEquals("aux", m.compartmentNameOfRow(m.row(0, 5, 2)));
        assertEquals(-1, m.neuron(0, 5, 4), "no such compartment");
        assertEquals(-1, m.neuron(3, 0, 0), "no such core");
    }

    @Test
    void onlyPopulationsWithCompartmentsAreOnChip() {
        Loihi1NeuronMap m = map();
        assertFalse(m.onChip(0));
        assertFalse(m.onChip(1));
        assertTrue(m.onChip(2));
        assertEquals(4, m.compartments(2));
        assertArrayEquals(new int[] {2, 3}, m.onChipPopulations());
    }

    @Test
    void populationOfANeuronSkipsEmptyPopulations() {
        Loihi1NeuronMap m = map();
        assertEquals(0, m.populationOf(0));
        assertEquals(0, m.populationOf(2));
        assertEquals(2, m.populationOf(3), "none[0] starts at 3 too, but holds nothing");
        assertEquals(2, m.populationOf(4));
        assertEquals(3, m.populationOf(5));
    }
}
