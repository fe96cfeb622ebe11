package io.neuromap.backends.loihi1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The synaptic-memory cost model against the examples of loihi1.md §1.2 and its chunk definition. */
final class Loihi1SynapseFormatTest {

    @Test
    void specExamplesForDenseMixedFormats() {
        // loihi1.md §1.2: {weight-bits code, bits per axon at 1024 targets, max axons per core}.
        int[][] table = {{7, 9216, 113}, {4, 5120, 204}, {1, 2048, 512}};
        for (int[] row : table) {
            Loihi1SynapseFormat f = new Loihi1SynapseFormat(row[0], 0, 0, 0, Loihi1Limits.COMPRESSION_DENSE, 63,
                    Loihi1Limits.FANOUT_TYPE_MIXED, 0);
            long bits = f.bitsPerAxon(1024);
            assertEquals(row[1], bits, "code " + row[0]);
            assertEquals(row[2], Loihi1Limits.SYNAPSE_BITS_PER_CORE / bits, "code " + row[0]);
        }
        assertEquals(576, Loihi1SynapseFormat.nengoDefault(true, 0, 0).bitsPerAxon(64));
    }

    @Test
    void closedFormEqualsChunkByChunkCost() {
        for (int perChunk : new int[] {0, 1, 15, 63}) {
            for (int bitsPerSynapse : new int[] {1, 8, 17, 20}) {
                for (int n = 0; n <= 3000; n++) {
                    long expected = 0;
                    for (int i = 0; i < n; i += perChunk + 1) {
                        long k = Math.min(n - i, perChunk + 1);
                        long raw = k * bitsPerSynapse + 10;
                        expected += (raw + 63) / 64 * 64;
                    }
                    assertEquals(expected, Loihi1SynapseFormat.bitsPerAxon(bitsPerSynapse, perChunk, n),
                            perChunk + "/" + bitsPerSynapse + "/" + n);
                }
            }
        }
    }

    @Test
    void sparseFormatsPayForIndicesAndMixedSignCostsPrecisionNotMemory() {
        Loihi1SynapseFormat sparse = Loihi1SynapseFormat.nengoDefault(false, 7, -2);
        assertEquals(8 + 12, sparse.bitsPerSynapse());
        assertEquals(1, sparse.shiftBits());
        Loihi1SynapseFormat unsigned = new Loihi1SynapseFormat(7, 0, 0, 7, Loihi1Limits.COMPRESSION_SPARSE, 63, 2, -2);
        assertEquals(sparse.bitsPerSynapse(), unsigned.bitsPerSynapse());
        assertEquals(0, unsigned.shiftBits());
        assertEquals(sparse.bitsPerAxon(1000),
                Loihi1SynapseFormat.bitsPerAxon(sparse.bitsPerSynapse(), 63, 1000));
    }

    @Test
    void invalidFormatsAreRejectedWithTheBadValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Loihi1SynapseFormat(0, 0, 0, 0, 3, 63, 1, 0));
        assertEquals("weightBitsCode must be 1..7, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Loihi1SynapseFormat(7, 0, 0, 0, 1, 63, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Loihi1SynapseFormat(7, 0, 4, 0, 3, 63, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Loihi1SynapseFormat(7, 0, 0, 0, 3, 63, 1, 8));
        assertThrows(IllegalArgumentException.class, () -> new Loihi1SynapseFormat(7, 0, 0, 0, 3, 64, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Loihi1SynapseFormat.bitsPerAxon(8, 63, -1));
    }
}
