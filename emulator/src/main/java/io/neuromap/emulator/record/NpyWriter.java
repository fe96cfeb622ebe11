package io.neuromap.emulator.record;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one array as an NPY file, format version 1.0, little-endian, C order, streaming: values
 * are appended one by one through a 64 KiB buffer, so an array of any length is written without
 * holding it twice. numpy reads it with {@code numpy.load}.
 *
 * <pre>
 * offset 0   \x93NUMPY            magic (6 bytes)
 * offset 6   0x01 0x00            version 1.0
 * offset 8   uint16 LE            HEADER_LEN
 * offset 10  "{'descr': '&lt;i4', 'fortran_order': False, 'shape': (n, 2), }"
 *            padded with spaces and ended by '\n' so that 10 + HEADER_LEN is a multiple of 64
 * offset 10 + HEADER_LEN          the values, little-endian, last index fastest
 * </pre>
 *
 * <p>{@link #close()} checks that exactly {@code product(shape)} values were written and deletes
 * the file otherwise. Callers that must never leave a partial file (run outputs) write into a
 * temporary directory first, as {@link RecordingWriter} does.
 *
 * @see <a href="https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html">numpy.lib.format</a>
 */
public final class NpyWriter implements AutoCloseable {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final int ALIGN = 64;
    private static final int BUFFER = 1 << 16;

    /** The element types written. */
    public enum DType {
        INT32("<i4", 4), INT64("<i8", 8), FLOAT32("<f4", 4), FLOAT64("<f8", 8);

        private final String descr;
        private final int size;

        DType(String descr, int size) {
            this.descr = descr;
            this.size = size;
        }

        /** The numpy type string ({@code <i4}). */
        public String descr() {
            return descr;
        }

        /** Bytes per element. */
        public int size() {
            return size;
        }
    }

    private final Path file;
    private final DType dtype;
    private final long expected;
    private final OutputStream out;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
    private long written;
    private boolean closed;

    private NpyWriter(Path file, DType dtype, long expected, OutputStream out) {
        this.file = file;
        this.dtype = dtype;
        this.expected = expected;
        this.out = out;
    }

    /** Creates (or replaces) {@code file} and writes the header for an array of {@code shape}. */
    public static NpyWriter create(Path file, DType dtype, long... shape) throws IOException {
        requireNonNull(file, "file is null");
        requireNonNull(dtype, "dtype is null");
        long count = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + java.util.Arrays.toString(shape));
            }
            count = Math.multiplyExact(count, d);
        }
        OutputStream out = Files.newOutputStream(file);
        NpyWriter w = new NpyWriter(file, dtype, count, out);
        try {
            out.write(header(dtype, shape));
        } catch (IOException e) {
            out.close();
            Files.deleteIfExists(file);
            throw e;
        }
        return w;
    }

    /** The complete header (magic, version, length, dictionary, padding) for {@code shape}. */
    static byte[] header(DType dtype, long... shape) {
        StringBuilder dims = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            dims.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        dims.append(shape.length == 1 ? ",)" : ")");
        String dict = "{'descr': '" + dtype.descr() + "', 'fortran_order': False, 'shape': " + dims + ", }";
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        int total = (unpadded + ALIGN - 1) / ALIGN * ALIGN;
        StringBuilder h = new StringBuilder(dict);
        while (MAGIC.length + 2 + h.length() + 1 < total) {
            h.append(' ');
        }
        h.append('\n');
        byte[] text = h.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 2 + text.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putShort((short) text.length).put(text);
        return b.array();
    }

    public void putInt(int v) throws IOException {
        check(DType.INT32);
        room(4);
        buffer.putInt(v);
    }

    public void putLong(long v) throws IOException {
        check(DType.INT64);
        room(8);
        buffer.putLong(v);
    }

    public void putFloat(float v) throws IOException {
        check(DType.FLOAT32);
        room(4);
        buffer.putFloat(v);
    }

    public void putDouble(double v) throws IOException {
        check(DType.FLOAT64);
        room(8);
        buffer.putDouble(v);
    }

    /**
     * Writes {@code v} in this file's dtype: integer dtypes take {@code v} rounded to the nearest
     * integer, which must be in range (a probe that recorded integers holds them exactly).
     */
    public void put(double v) throws IOException {
        switch (dtype) {
            case FLOAT64 -> putDouble(v);
            case FLOAT32 -> putFloat((float) v);
            case INT32 -> {
                double r = Math.rint(v);
                if (!(r >= Integer.MIN_VALUE && r <= Integer.MAX_VALUE)) {
                    throw new IllegalArgumentException("value " + v + " does not fit int32 in " + file);
                }
                putInt((int) r);
            }
            case INT64 -> {
                double r = Math.rint(v);
                if (!(r >= Long.MIN_VALUE && r <= Long.MAX_VALUE)) {
                    throw new IllegalArgumentException("value " + v + " does not fit int64 in " + file);
                }
                putLong((long) r);
            }
        }
    }

    private void check(DType type) {
        if (closed) {
            throw new IllegalStateException(file + " is closed");
        }
        if (type != dtype) {
            throw new IllegalStateException(file + " holds " + dtype + ", not " + type);
        }
        if (written == expected) {
            throw new IllegalStateException(file + " already holds its " + expected + " values");
        }
        written++;
    }

    private void room(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            out.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
    }

    /** Flushes and closes; deletes the file and fails if fewer values than the shape holds were written. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (out) {
            out.write(buffer.array(), 0, buffer.position());
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        if (written != expected) {
            Files.deleteIfExists(file);
            throw new IllegalStateException(file + ": " + written + " values written, the shape holds " + expected);
        }
    }
}
