package io.neuromap.backends.loihi1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Loihi 1 limits against the numbers the specs state, and the table built from them. */
final class Loihi1LimitsTest {

    @Test
    void perCoreLimitsMatchSpecSection1() {
        // loihi1.md §1.1 and §1.6 (which overrides §1.2's profile counts).
        assertEquals(128, Loihi1Limits.CORES_PER_CHIP);
        assertEquals(1024, Loihi1Limits.COMPARTMENTS_PER_CORE);
        assertEquals(131_072, Loihi1Limits.COMPARTMENTS_PER_CHIP);
        assertEquals(4096, Loihi1Limits.INPUT_AXONS_PER_CORE);
        assertEquals(4096, Loihi1Limits.OUTPUT_AXONS_PER_CORE);
        assertEquals(1_048_576, Loihi1Limits.SYNAPSE_BITS_PER_CORE);
        assertEquals(32, Loihi1Limits.COMPARTMENT_PROFILES_PER_CORE);
        assertEquals(8, Loihi1Limits.THRESHOLD_PROFILES_PER_CORE);
        assertEquals(15, Loihi1Limits.SYNAPSE_FORMATS_PER_CORE);
        assertEquals(8_388_544, Loihi1Limits.VTH_MAX);
        assertEquals(524_160, Loihi1Limits.BIAS_MAX);
        assertEquals((1 << 23) - 1, Loihi1Limits.V_MAX);
        assertEquals(4095, Loihi1Limits.DECAY_MAX);
    }

    @Test
    void longDelaysCapCompartmentsAsSection16Says() {
        int[][] table = {{0, 1024}, {6, 1024}, {7, 512}, {14, 512}, {15, 256}, {30, 256}, {31, 128}, {62, 128},
            {63, 0}, {1000, 0}};
        for (int[] row : table) {
            assertEquals(row[1], Loihi1Limits.compartmentsPerCoreForDelay(row[0]), "delay " + row[0]);
        }
        assertEquals(3, Loihi1Limits.delayBitsForDelay(6));
        assertEquals(6, Loihi1Limits.delayBitsForDelay(62));
        assertEquals(-1, Loihi1Limits.delayBitsForDelay(63));
        assertThrows(IllegalArgumentException.class, () -> Loihi1Limits.delayBitsForDelay(-1));
    }

    @Test
    void maxDelayForCompartmentsInvertsTheCap() {
        for (int c = 0; c <= Loihi1Limits.COMPARTMENTS_PER_CORE; c++) {
            int delay = Loihi1Limits.maxDelayFieldForCompartments(c);
            assertTrue(Loihi1Limits.compartmentsPerCoreForDelay(delay) >= c, "c=" + c);
            assertTrue(Loihi1Limits.compartmentsPerCoreForDelay(delay + 1) < Math.max(c, 1), "c=" + c);
        }
        assertEquals(-1, Loihi1Limits.maxDelayFieldForCompartments(Loihi1Limits.COMPARTMENTS_PER_CORE + 1));
    }

    @Test
    void capacityCoversEveryResourceAndFollowsTheFormatTable() {
        Loihi1Limits full = Loihi1Limits.singleChip();
        for (Loihi1Resource r : Loihi1Resource.values()) {
            assertTrue(full.capacity(r) > 0, r.name());
        }
        assertEquals(15, full.capacity(Loihi1Resource.SYNAPSE_FORMATS));
        Loihi1Limits compat = full.withSynapseFormats(Loihi1Limits.SynapseFormatTable.COMPAT_7);
        assertEquals(7, compat.capacity(Loihi1Resource.SYNAPSE_FORMATS));
        assertEquals(Loihi1Limits.SYNAPSE_BITS_PER_CORE, compat.capacity(Loihi1Resource.SYNAPSE_BITS));
    }

    @Test
    void codeMapsAreNengoLoihis() {
        int[] weightBits = {0, 1, 2, 3, 4, 5, 6, 8};
        int[] indexBits = {0, 6, 7, 8, 9, 10, 11, 12};
        for (int code = 0; code < 8; code++) {
            assertEquals(weightBits[code], Loihi1Limits.weightBitsOfCode(code));
            assertEquals(indexBits[code], Loihi1Limits.indexBitsOfCode(code));
        }
        assertThrows(IllegalArgumentException.class, () -> Loihi1Limits.weightBitsOfCode(8));
        assertThrows(IllegalArgumentException.class, () -> Loihi1Limits.indexBitsOfCode(-1));
    }

    @Test
    void indexCodeIsTheSmallestThatAddressesTheTargets() {
        assertEquals(0, Loihi1Limits.indexBitsCodeFor(0));
        assertEquals(1, Loihi1Limits.indexBitsCodeFor(1));
        assertEquals(1, Loihi1Limits.indexBitsCodeFor(63));
        assertEquals(2, Loihi1Limits.indexBitsCodeFor(64));
        assertEquals(7, Loihi1Limits.indexBitsCodeFor(4095));
        assertEquals(-1, Loihi1Limits.indexBitsCodeFor(4096));
    }

    @Test
    void voltageLimitsFollowTheirFormulas() {
        assertEquals(0, Loihi1Limits.vminOfExponent(0));
        assertEquals(-(1L << 23) + 1, Loihi1Limits.vminOfExponent(23));
        assertEquals(511, Loihi1Limits.vmaxOfExponent(0));
        assertEquals((1L << 23) - 1, Loihi1Limits.vmaxOfExponent(7));
        assertThrows(IllegalArgumentException.class, () -> Loihi1Limits.vmaxOfExponent(8));
    }

    @Test
    void systemsByNameAndChipCount() {
        assertEquals(Optional.of(Loihi1System.NAHUKU), Loihi1System.byName("Nahuku"));
        assertEquals(Optional.empty(), Loihi1System.byName("pohoiki-beach"));
        assertEquals(2, Loihi1System.KAPOHO_BAY.chips());
        assertEquals(32, Loihi1System.NAHUKU.chips());
        assertEquals(768, Loihi1System.POHOIKI_SPRINGS.chips());
        assertEquals(Loihi1System.POHOIKI_SPRINGS, Loihi1System.ofChips(768));
        Loihi1System custom = Loihi1System.ofChips(5);
        assertEquals("custom", custom.name());
        assertEquals(5 * 128L, Loihi1Limits.of(custom).cores());
        assertFalse(Loihi1System.isValidChipCount(0));
        assertTrue(Loihi1System.isValidChipCount(Loihi1Limits.MAX_CHIPS));
        assertFalse(Loihi1System.isValidChipCount(Loihi1Limits.MAX_CHIPS + 1L));
        assertThrows(IllegalArgumentException.class, () -> Loihi1System.ofChips(0));
    }

    @Test
    void tableIsOrderedCitedAndReflectsTheSystem() {
        List<Loihi1LimitRow> rows = Loihi1Limits.of(Loihi1System.NAHUKU).rows();
        assertTrue(rows.size() > 40);
        for (Loihi1LimitRow row : rows) {
            assertFalse(row.name().isBlank(), row.toString());
            assertFalse(row.value().isBlank(), row.toString());
            assertFalse(row.source().isBlank(), row.toString());
        }
        assertEquals("system", rows.get(0).group());
        assertTrue(rows.contains(new Loihi1LimitRow("system", "chips", "32", "chips", Loihi1System.NAHUKU.source())));
        assertTrue(rows.stream().anyMatch(r -> r.group().equals("core") && r.name().equals("compartments")
                && r.value().equals("1024")));
        assertEquals(4, rows.stream().filter(r -> r.name().startsWith("compartments, delay field")).count());
        assertTrue(rows.stream().anyMatch(r -> r.name().equals("compartments, delay field <= 62 (delays <= 63 steps)")
                && r.value().equals("128")));
        assertTrue(rows.stream().anyMatch(r -> r.name().equals("index bits by code")
                && r.value().equals("0,6,7,8,9,10,11,12")));
        assertThrows(UnsupportedOperationException.class, () -> rows.add(rows.get(0)));
    }
}
