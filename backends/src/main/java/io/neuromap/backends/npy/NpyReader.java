package io.neuromap.backends.npy;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a {@code .npy} file element by element, in C order, through a fixed 64 KiB buffer, so a
 * file of any size costs the same memory. Opening parses and checks the header and compares the
 * file's length with what the header declares, so a truncated file (or one with trailing bytes)
 * fails before any element is read, with the byte counts in the message.
 *
 * <p>Not thread-safe; one reader per file.
 */
public final class NpyReader implements Closeable {

    private static final int BUFFER_BYTES = 1 << 16;
    private static final int MAX_HEADER_BYTES = 1 << 20;

    private final String name;
    private final FileChannel channel;
    private final NpyHeader header;
    private final long elements;
    private final ByteBuffer buffer;
    private long read;
    private long filePosition;

    private NpyReader(String name, FileChannel channel, NpyHeader header, long elements) {
        this.name = name;
        this.channel = channel;
        this.header = header;
        this.elements = elements;
        this.buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        this.buffer.limit(0);
        this.filePosition = header.dataOffset();
    }

    /**
     * Opens {@code path} and checks its header and length.
     *
     * @param path the file
     * @param name the file as messages name it (e.g. relative to a config directory)
     * @throws NpyException if the file is missing, unreadable, malformed, truncated or too long
     */
    public static NpyReader open(Path path, String name) throws NpyException {
        requireNonNull(path, "path is null");
        requireNonNull(name, "name is null");
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new NpyException(name, NpyException.NO_OFFSET, "file not found");
        } catch (IOException e) {
            throw new NpyException(name, NpyException.NO_OFFSET, "cannot open: " + e.getMessage());
        }
        try {
            NpyHeader header = readHeader(channel, name);
            long elements = header.elements();
            long bytes = elements < 0 ? -1 : multiply(elements, header.dtype().size());
            if (bytes < 0) {
                throw new NpyException(name, NpyException.NO_OFFSET, "shape " + header.shapeText() + " is too large");
            }
            long size = channel.size();
            long available = size - header.dataOffset();
            if (available < bytes) {
                throw new NpyException(name, size, "truncated: the header declares shape " + header.shapeText()
                        + " of '" + header.dtype().descr() + "' (" + bytes + " bytes of data from offset "
                        + header.dataOffset() + "), but the file ends after " + available + " bytes of data");
            }
            if (available > bytes) {
                throw new NpyException(name, header.dataOffset() + bytes, (available - bytes)
                        + " bytes follow the data the header declares (shape " + header.shapeText() + " of '"
                        + header.dtype().descr() + "')");
            }
            return new NpyReader(name, channel, header, elements);
        } catch (NpyException e) {
            closeQuietly(channel);
            throw e;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new NpyException(name, NpyException.NO_OFFSET, "cannot read: " + e.getMessage());
        }
    }

    private static NpyHeader readHeader(FileChannel channel, String name) throws IOException {
        ByteBuffer pre = ByteBuffer.allocate(NpyHeader.PREAMBLE + Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, pre, 0, NpyHeader.PREAMBLE, name, "the magic string and version");
        for (int i = 0; i < NpyHeader.MAGIC.length; i++) {
            if (pre.get(i) != NpyHeader.MAGIC[i]) {
                throw new NpyException(name, 0, "not a .npy file (it does not start with \\x93NUMPY)");
            }
        }
        int major = pre.get(NpyHeader.MAGIC.length) & 0xff;
        int minor = pre.get(NpyHeader.MAGIC.length + 1) & 0xff;
        int lengthBytes;
        if (major == 1) {
            lengthBytes = Short.BYTES;
        } else if (major == 2 || major == 3) {
            lengthBytes = Integer.BYTES;
        } else {
            throw new NpyException(name, NpyHeader.MAGIC.length, "format version " + major + "." + minor
                    + " is not supported (1.0, 2.0 and 3.0 are)");
        }
        readFully(channel, pre, NpyHeader.PREAMBLE, lengthBytes, name, "the header length");
        long headerLength = lengthBytes == Short.BYTES ? pre.getShort(NpyHeader.PREAMBLE) & 0xffff
                : pre.getInt(NpyHeader.PREAMBLE) & 0xffffffffL;
        long headerStart = NpyHeader.PREAMBLE + lengthBytes;
        if (headerLength > MAX_HEADER_BYTES || headerStart + headerLength > channel.size()) {
            throw new NpyException(name, NpyHeader.PREAMBLE, "header length " + headerLength
                    + " runs past the end of the file (" + channel.size() + " bytes)");
        }
        ByteBuffer raw = ByteBuffer.allocate((int) headerLength);
        readFully(channel, raw, headerStart, (int) headerLength, name, "the header");
        String text = new String(raw.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        if (!text.endsWith("\n")) {
            throw new NpyException(name, headerStart + headerLength - 1, "header: does not end with a newline");
        }
        NpyHeaderParser.Fields fields = NpyHeaderParser.parse(name, text, headerStart);
        NpyDtype dtype = NpyDtype.fromDescr(fields.descr()).orElseThrow(() -> new NpyException(name, headerStart,
                "dtype '" + fields.descr() + "' is not supported (supported: " + NpyDtype.acceptedDescrs() + ")"));
        if (fields.fortranOrder()) {
            throw new NpyException(name, headerStart, "Fortran-ordered arrays are not supported: save a C-ordered "
                    + "array (numpy.ascontiguousarray)");
        }
        return new NpyHeader(major, minor, dtype, fields.shape(), headerStart + headerLength);
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long position, int length, String name,
            String what) throws IOException {
        into.limit(into.position() + length);
        long at = position;
        while (into.hasRemaining()) {
            int n = channel.read(into, at);
            if (n < 0) {
                throw new NpyException(name, at, "truncated: the file ends inside " + what);
            }
            at += n;
        }
    }

    /** The header. */
    public NpyHeader header() {
        return header;
    }

    /** The element type. */
    public NpyDtype dtype() {
        return header.dtype();
    }

    /** Number of elements. */
    public long elements() {
        return elements;
    }

    /** Elements read so far; the index of the next one. */
    public long position() {
        return read;
    }

    /** Byte offset of the next element, for messages. */
    public long offset() {
        return header.dataOffset() + read * header.dtype().size();
    }

    /** Whether another element follows. */
    public boolean hasNext() {
        return read < elements;
    }

    /**
     * The next element of an integer array.
     *
     * @throws NpyException if the array is floating point, exhausted, or the file cannot be read
     */
    public long nextLong() throws NpyException {
        NpyDtype dtype = header.dtype();
        if (dtype.isFloating()) {
            throw new NpyException(name, NpyException.NO_OFFSET, "dtype '" + dtype.descr()
                    + "' holds floats where integers are required");
        }
        fill(dtype.size());
        read++;
        switch (dtype) {
            case INT8:
                return buffer.get();
            case UINT8:
                return buffer.get() & 0xff;
            case INT16:
                return buffer.getShort();
            case INT32:
                return buffer.getInt();
            default:
                return buffer.getLong();
        }
    }

    /** The next element as a double (integers convert exactly up to 2^53). */
    public double nextDouble() throws NpyException {
        NpyDtype dtype = header.dtype();
        if (dtype == NpyDtype.FLOAT32) {
            fill(Float.BYTES);
            read++;
            return buffer.getFloat();
        }
        if (dtype == NpyDtype.FLOAT64) {
            fill(Double.BYTES);
            read++;
            return buffer.getDouble();
        }
        return nextLong();
    }

    private void fill(int size) throws NpyException {
        if (read >= elements) {
            throw new NpyException(name, offset(), "read past the last element (" + elements + " elements)");
        }
        if (buffer.remaining() >= size) {
            return;
        }
        buffer.compact();
        long dataEnd = header.dataOffset() + elements * header.dtype().size();
        buffer.limit((int) Math.min(buffer.capacity(), buffer.position() + (dataEnd - filePosition)));
        try {
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, filePosition);
                if (n < 0) {
                    throw new NpyException(name, filePosition, "truncated: the file ended while reading element "
                            + read);
                }
                filePosition += n;
            }
        } catch (NpyException e) {
            throw e;
        } catch (IOException e) {
            throw new NpyException(name, filePosition, "cannot read: " + e.getMessage());
        }
        buffer.flip();
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static long multiply(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return -1;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing a read-only channel cannot lose data; nothing to report.
        }
    }
}
