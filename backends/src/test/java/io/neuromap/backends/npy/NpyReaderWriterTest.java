package io.neuromap.backends.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyReaderWriterTest {

    @TempDir
    Path tmp;

    @Test
    void everyIntegerDtypeRoundTripsItsExtremes() throws IOException {
        for (NpyDtype dtype : NpyDtype.values()) {
            if (dtype.isFloating()) {
                continue;
            }
            Path file = tmp.resolve(dtype.name() + ".npy");
            long[] values = {dtype.min(), dtype.max(), 0, 1};
            try (NpyWriter writer = NpyWriter.create(file, dtype, 2, 2)) {
                for (long value : values) {
                    writer.writeLong(value);
                }
            }
            try (NpyReader reader = NpyReader.open(file, "x.npy")) {
                assertEquals(dtype, reader.dtype());
                assertArrayEquals(new long[] {2, 2}, reader.header().shape());
                assertEquals(0, reader.header().dataOffset() % 64);
                for (long value : values) {
                    assertEquals(value, reader.nextLong(), dtype.name());
                }
            }
        }
    }

    @Test
    void writeLongsWritesTheSameBytesAsWriteLong() throws IOException {
        for (NpyDtype dtype : NpyDtype.values()) {
            long lo = dtype.isFloating() ? -1000 : dtype.min();
            long hi = dtype.isFloating() ? 1000 : dtype.max();
            int rows = 20_000;
            long[] row = new long[3];
            Path one = tmp.resolve(dtype.name() + "-one.npy");
            Path bulk = tmp.resolve(dtype.name() + "-bulk.npy");
            try (NpyWriter a = NpyWriter.create(one, dtype, rows, 3); NpyWriter b = NpyWriter.create(bulk, dtype, rows, 3)) {
                for (int r = 0; r < rows; r++) {
                    row[0] = lo + r % 7;
                    row[1] = hi - r % 5;
                    row[2] = lo + (hi - lo) / 2 + r % 3;
                    for (long v : row) {
                        a.writeLong(v);
                    }
                    b.writeLongs(row, row.length);
                }
                assertEquals(a.written(), b.written());
            }
            assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(bulk), dtype.name());
        }
    }

    @Test
    void writeLongsRejectsAValueOutsideTheDtypeAndTooManyElements() throws IOException {
        try (NpyWriter w = NpyWriter.create(tmp.resolve("r.npy"), NpyDtype.INT16, 2, 2)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> w.writeLongs(new long[] {1, 40_000}, 2));
            assertEquals("r.npy: element 1: value 40000 does not fit '<i2'", e.getMessage());
            assertEquals(0, w.written(), "nothing of the rejected call is written");
            w.writeLongs(new long[] {1, 2, 3}, 3);
            assertThrows(IllegalStateException.class, () -> w.writeLongs(new long[] {4, 5}, 2));
            w.writeLong(4);
        }
    }

    @Test
    void floatsRoundTrip() throws IOException {
        Path file = tmp.resolve("f.npy");
        try (NpyWriter writer = NpyWriter.create(file, NpyDtype.FLOAT64, 3)) {
            writer.writeDouble(0.5);
            writer.writeDouble(-1e300);
            writer.writeLong(7);
        }
        try (NpyReader reader = NpyReader.open(file, "f.npy")) {
            assertEquals(0.5, reader.nextDouble());
            assertEquals(-1e300, reader.nextDouble());
            assertEquals(7.0, reader.nextDouble());
            NpyException e = assertThrows(NpyException.class, reader::nextLong);
            assertTrue(e.getMessage().contains("holds floats"), e.getMessage());
        }
    }

    @Test
    void largeArraysStreamAcrossBufferBoundaries() throws IOException {
        Path file = tmp.resolve("big.npy");
        int n = 100_003;
        try (NpyWriter writer = NpyWriter.create(file, NpyDtype.INT32, n, 3)) {
            for (int i = 0; i < 3 * n; i++) {
                writer.writeLong(i * 31L - 5);
            }
        }
        try (NpyReader reader = NpyReader.open(file, "big.npy")) {
            for (int i = 0; i < 3 * n; i++) {
                assertEquals(i * 31L - 5, reader.nextLong());
            }
            assertEquals(false, reader.hasNext());
        }
    }

    @Test
    void acceptsNumpySpellingsVersion2AndDoubleQuotes() throws IOException {
        Path file = tmp.resolve("v2.npy");
        write(file, 2, "{\"descr\": \"<i1\", \"fortran_order\": False, \"shape\": (3,)}", new byte[] {1, -2, 3});
        try (NpyReader reader = NpyReader.open(file, "v2.npy")) {
            assertEquals(NpyDtype.INT8, reader.dtype());
            assertArrayEquals(new long[] {3}, reader.header().shape());
            assertEquals(1, reader.nextLong());
            assertEquals(-2, reader.nextLong());
            assertEquals(3, reader.nextLong());
        }
    }

    @Test
    void malformedFilesGiveLocatedMessages() throws IOException {
        assertMessage("x.npy: offset 0: not a .npy file (it does not start with \\x93NUMPY)",
                "NOTNPYFILE-at-all".getBytes(StandardCharsets.US_ASCII));
        assertMessage("x.npy: offset 10: dtype '>i4' is not supported (supported: " + NpyDtype.acceptedDescrs()
                + ")", header(1, "{'descr': '>i4', 'fortran_order': False, 'shape': (1,), }", new byte[4]));
        assertMessage("x.npy: offset 10: Fortran-ordered arrays are not supported: save a C-ordered array "
                + "(numpy.ascontiguousarray)",
                header(1, "{'descr': '<i4', 'fortran_order': True, 'shape': (1,), }", new byte[4]));
        assertMessage("x.npy: offset 20: header: structured dtypes are not supported: save a plain array (one dtype, "
                + "e.g. '<i4') with numpy.save",
                header(1, "{'descr': [('a', '<i4')], 'fortran_order': False, 'shape': (1,), }", new byte[4]));
        assertMessage("x.npy: offset 6: format version 4.0 is not supported (1.0, 2.0 and 3.0 are)",
                header(4, "{}", new byte[0]));
        assertMessage("x.npy: offset 132: 2 bytes follow the data the header declares (shape (2,) of '<i2')",
                header(1, "{'descr': '<i2', 'fortran_order': False, 'shape': (2,), }", new byte[6]));
        assertMessage("x.npy: offset 134: truncated: the header declares shape (2, 2) of '<i2' (8 bytes of data from "
                + "offset 128), but the file ends after 6 bytes of data",
                header(1, "{'descr': '<i2', 'fortran_order': False, 'shape': (2, 2), }", new byte[6]));
    }

    private void assertMessage(String expected, byte[] content) throws IOException {
        Path file = tmp.resolve("x.npy");
        Files.write(file, content);
        NpyException e = assertThrows(NpyException.class, () -> NpyReader.open(file, "x.npy"));
        assertEquals(expected, e.getMessage());
    }

    private static byte[] header(int major, String dict, byte[] data) {
        int lengthBytes = major == 1 ? 2 : 4;
        StringBuilder text = new StringBuilder(dict);
        while ((8 + lengthBytes + text.length() + 1) % 64 != 0) {
            text.append(' ');
        }
        text.append('\n');
        ByteBuffer out = ByteBuffer.allocate(8 + lengthBytes + text.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (lengthBytes == 2) {
            out.putShort((short) text.length());
        } else {
            out.putInt(text.length());
        }
        out.put(text.toString().getBytes(StandardCharsets.ISO_8859_1)).put(data);
        return out.array();
    }

    private static void write(Path file, int major, String dict, byte[] data) throws IOException {
        Files.write(file, header(major, dict, data));
    }
}
