package io.neuromap.backends.npy;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@code .npy} file element by element, in C order, as numpy's {@code numpy.save} would:
 * format 1.0 (2.0 only if the header needs more than 65,535 bytes), the header padded with
 * spaces so that the data starts at a multiple of 64 bytes. The shape is fixed up front, and
 * {@link #close()} fails if fewer elements were written, so a half-written array never looks
 * complete.
 *
 * <p>Not thread-safe; one writer per file.
 */
public final class NpyWriter implements Closeable {

    private static final int BUFFER_BYTES = 1 << 16;

    private final Path path;
    private final NpyDtype dtype;
    private final long[] shape;
    private final long elements;
    private final OutputStream out;
    private final ByteBuffer buffer;
    private long written;
    private boolean closed;

    private NpyWriter(Path path, NpyDtype dtype, long[] shape, long elements, OutputStream out) {
        this.path = path;
        this.dtype = dtype;
        this.shape = shape;
        this.elements = elements;
        this.out = out;
        this.buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Creates (or replaces) {@code path} and writes the header for an array of {@code dtype} and
     * {@code shape}.
     *
     * @throws IOException if the file cannot be created
     */
    public static NpyWriter create(Path path, NpyDtype dtype, long... shape) throws IOException {
        requireNonNull(path, "path is null");
        requireNonNull(dtype, "dtype is null");
        requireNonNull(shape, "shape is null");
        long elements = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + NpyHeader.shapeText(shape));
            }
            elements = Math.multiplyExact(elements, dim);
        }
        Math.multiplyExact(elements, (long) dtype.size());
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), BUFFER_BYTES);
        try {
            out.write(header(dtype, shape));
        } catch (IOException e) {
            out.close();
            throw e;
        }
        return new NpyWriter(path, dtype, shape.clone(), elements, out);
    }

    /** The complete header (magic, version, length, dictionary, padding) for an array. */
    static byte[] header(NpyDtype dtype, long[] shape) {
        String dict = "{'descr': '" + dtype.descr() + "', 'fortran_order': False, 'shape': "
                + NpyHeader.shapeText(shape) + ", }";
        int major = 1;
        int lengthBytes = Short.BYTES;
        int total = padded(NpyHeader.PREAMBLE + lengthBytes + dict.length() + 1);
        if (total - NpyHeader.PREAMBLE - lengthBytes > 0xffff) {
            major = 2;
            lengthBytes = Integer.BYTES;
            total = padded(NpyHeader.PREAMBLE + lengthBytes + dict.length() + 1);
        }
        int headerLength = total - NpyHeader.PREAMBLE - lengthBytes;
        StringBuilder text = new StringBuilder(headerLength).append(dict);
        while (text.length() < headerLength - 1) {
            text.append(' ');
        }
        text.append('\n');
        ByteBuffer bytes = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put(NpyHeader.MAGIC).put((byte) major).put((byte) 0);
        if (lengthBytes == Short.BYTES) {
            bytes.putShort((short) headerLength);
        } else {
            bytes.putInt(headerLength);
        }
        bytes.put(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        return bytes.array();
    }

    private static int padded(int length) {
        return (length + NpyHeader.ALIGNMENT - 1) / NpyHeader.ALIGNMENT * NpyHeader.ALIGNMENT;
    }

    /** The element type. */
    public NpyDtype dtype() {
        return dtype;
    }

    /** Elements written so far. */
    public long written() {
        return written;
    }

    /**
     * Appends one element. Integer types take the value exactly; float types convert it.
     *
     * @throws IllegalArgumentException if the value does not fit an integer dtype (a caller's bug:
     *     callers choose the dtype from the value range)
     */
    public void writeLong(long value) throws IOException {
        room();
        switch (dtype) {
            case FLOAT32:
                buffer.putFloat(value);
                break;
            case FLOAT64:
                buffer.putDouble(value);
                break;
            default:
                if (!dtype.holds(value)) {
                    throw new IllegalArgumentException(path.getFileName() + ": element " + written + ": value " + value
                            + " does not fit '" + dtype.descr() + "'");
                }
                putInteger(value);
        }
        written++;
    }

    /**
     * Appends {@code count} elements at once, exactly as {@code count} calls of {@link #writeLong}
     * would, with the state checks and the dtype dispatch done once per call rather than once
     * per element: the path for tables of many millions of rows.
     *
     * @throws IllegalArgumentException if a value does not fit an integer dtype (nothing of this
     *     call is written then)
     */
    public void writeLongs(long[] values, int count) throws IOException {
        requireNonNull(values, "values is null");
        if (count < 0 || count > values.length) {
            throw new IllegalArgumentException("count " + count + " outside [0, " + values.length + "]");
        }
        if (closed) {
            throw new IllegalStateException(path.getFileName() + ": writer is closed");
        }
        if (count > elements - written) {
            throw new IllegalStateException(path.getFileName() + ": shape " + NpyHeader.shapeText(shape) + " holds "
                    + elements + " elements, " + written + " written, " + count + " more do not fit");
        }
        if (dtype.isFloating() || (long) count * Long.BYTES > BUFFER_BYTES) {
            for (int i = 0; i < count; i++) {
                writeLong(values[i]);
            }
            return;
        }
        long min = dtype.min();
        long max = dtype.max();
        for (int i = 0; i < count; i++) {
            if (values[i] < min || values[i] > max) {
                throw new IllegalArgumentException(path.getFileName() + ": element " + (written + i) + ": value "
                        + values[i] + " does not fit '" + dtype.descr() + "'");
            }
        }
        if (buffer.remaining() < count * Long.BYTES) {
            flushBuffer();
        }
        // Little-endian bytes straight into the buffer's array: a third faster than one
        // ByteBuffer put per element, which matters at a billion bytes of synapse tables.
        byte[] bytes = buffer.array();
        int at = buffer.position();
        switch (dtype.size()) {
            case Byte.BYTES:
                for (int i = 0; i < count; i++) {
                    bytes[at++] = (byte) values[i];
                }
                break;
            case Short.BYTES:
                for (int i = 0; i < count; i++) {
                    long v = values[i];
                    bytes[at] = (byte) v;
                    bytes[at + 1] = (byte) (v >>> 8);
                    at += Short.BYTES;
                }
                break;
            default:
                int size = dtype.size();
                for (int i = 0; i < count; i++) {
                    long v = values[i];
                    for (int b = 0; b < size; b++) {
                        bytes[at++] = (byte) (v >>> (Byte.SIZE * b));
                    }
                }
        }
        buffer.position(at);
        written += count;
    }

    /**
     * Appends one element of a float dtype.
     *
     * @throws IllegalArgumentException if the dtype is an integer type
     */
    public void writeDouble(double value) throws IOException {
        room();
        if (dtype == NpyDtype.FLOAT32) {
            buffer.putFloat((float) value);
        } else if (dtype == NpyDtype.FLOAT64) {
            buffer.putDouble(value);
        } else {
            throw new IllegalArgumentException(path.getFileName() + ": cannot write a double to '" + dtype.descr() + "'");
        }
        written++;
    }

    private void putInteger(long value) {
        switch (dtype) {
            case INT8:
            case UINT8:
                buffer.put((byte) value);
                break;
            case INT16:
                buffer.putShort((short) value);
                break;
            case INT32:
                buffer.putInt((int) value);
                break;
            default:
                buffer.putLong(value);
        }
    }

    private void room() throws IOException {
        if (closed) {
            throw new IllegalStateException(path.getFileName() + ": writer is closed");
        }
        if (written >= elements) {
            throw new IllegalStateException(path.getFileName() + ": shape " + NpyHeader.shapeText(shape) + " holds "
                    + elements + " elements, all written");
        }
        if (buffer.remaining() < Long.BYTES) {
            flushBuffer();
        }
    }

    private void flushBuffer() throws IOException {
        out.write(buffer.array(), 0, buffer.position());
        buffer.clear();
    }

    /**
     * Flushes and closes the file.
     *
     * @throws IOException if writing fails, or fewer elements than the shape holds were written
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flushBuffer();
        } finally {
            out.close();
        }
        if (written != elements) {
            throw new IOException(path.getFileName() + ": only " + written + " of " + elements
                    + " elements were written for shape " + NpyHeader.shapeText(shape));
        }
    }
}
