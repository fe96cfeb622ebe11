package io.neuromap.backends.loihi1.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Loihi1CoreIndexTest {
    @Test
    void findsEveryCoreAfterGrowingAndRejectsDuplicates() {
        Loihi1CoreIndex index = new Loihi1CoreIndex();
        for (int chip = 0; chip < 40; chip++) {
            for (int core = 0; core < 128; core += 3) {
                assertTrue(index.add(chip, core, chip * 1000 + core + 1, core + 7));
            }
        }
        assertFalse(index.add(5, 9, 1, 1), "chip 5, core 9 was added already");
        for (int chip = 0; chip < 40; chip++) {
            for (int core = 0; core < 128; core++) {
                boolean present = core % 3 == 0;
                assertEquals(present ? chip * 1000 + core + 1 : -1, index.compartments(chip, core));
                assertEquals(present ? core + 7 : -1, index.inputAxons(chip, core));
            }
        }
        assertEquals(-1, index.compartments(40, 0));
        assertEquals(-1, index.inputAxons(-1, 0));
        assertEquals(-1, index.inputAxons(0, 1L << 40));
    }

    @Test
    void checkTargetNamesAMissingCoreAndAnIndexOutOfRange() {
        Loihi1CoreIndex index = new Loihi1CoreIndex();
        index.add(1, 2, 10, 4);
        assertNull(index.checkTarget(1, 2, "axon", 3, true));
        assertEquals("axon 4 outside [0, 3]", index.checkTarget(1, 2, "axon", 4, true));
        assertEquals(Loihi1CoreIndex.missing(2, 1), index.checkTarget(2, 1, "axon", 0, true));
        assertEquals("compartment 10 outside [0, 9]", index.checkTarget(1, 2, "compartment", 10, false));
    }
}
