package io.neuromap.emulator.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordNpyWriterTest {
    @TempDir
    Path dir;

    @Test
    void headerIsNumpyVersionOneAlignedToSixtyFourBytes() throws IOException {
        Path f = dir.resolve("a.npy");
        try (NpyWriter w = NpyWriter.create(f, NpyWriter.DType.INT32, 3, 2)) {
            for (int i = 0; i < 6; i++) {
                w.putInt(i - 2);
            }
        }
        NpyReader r = NpyReader.read(f);
        assertEquals("<i4", r.descr());
        assertArrayEquals(new long[] {3, 2}, r.shape());
        assertEquals(0, r.headerBytes() % 64);
        assertEquals(24, r.data().remaining());
        for (int i = 0; i < 6; i++) {
            assertEquals(i - 2, r.data().getInt());
        }
    }

    @Test
    void oneDimensionalShapesHaveATrailingComma() {
        String h = new String(NpyWriter.header(NpyWriter.DType.FLOAT64, 5), java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(true, h.contains("'shape': (5,), "), h);
        assertEquals('\n', h.charAt(h.length() - 1));
        String empty = new String(NpyWriter.header(NpyWriter.DType.INT64, 0, 2), java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(true, empty.contains("'shape': (0, 2), "), empty);
    }

    @Test
    void largeArraysStreamThroughTheBuffer() throws IOException {
        Path f = dir.resolve("big.npy");
        int n = 100_003;
        try (NpyWriter w = NpyWriter.create(f, NpyWriter.DType.FLOAT64, n)) {
            for (int i = 0; i < n; i++) {
                w.putDouble(i * 0.5);
            }
        }
        NpyReader r = NpyReader.read(f);
        assertEquals("<f8", r.descr());
        for (int i = 0; i < n; i++) {
            assertEquals(i * 0.5, r.data().getDouble());
        }
    }

    @Test
    void aShortArrayIsDeletedAndReported() throws IOException {
        Path f = dir.resolve("short.npy");
        NpyWriter w = NpyWriter.create(f, NpyWriter.DType.INT32, 4);
        w.putInt(1);
        IllegalStateException e = assertThrows(IllegalStateException.class, w::close);
        assertEquals(true, e.getMessage().contains("1 values written, the shape holds 4"), e.getMessage());
        assertFalse(Files.exists(f));
    }

    @Test
    void typedPutsAreChecked() throws IOException {
        try (NpyWriter w = NpyWriter.create(dir.resolve("t.npy"), NpyWriter.DType.INT32, 2)) {
            assertThrows(IllegalStateException.class, () -> w.putDouble(1));
            w.put(3.0);
            assertThrows(IllegalArgumentException.class, () -> w.put(1e10));
            w.putInt(4);
            assertThrows(IllegalStateException.class, () -> w.putInt(5));
        }
    }
}
