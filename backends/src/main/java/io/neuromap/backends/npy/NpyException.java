package io.neuromap.backends.npy;

import static java.util.Objects.requireNonNull;

import java.io.IOException;

/**
 * A {@code .npy} file that cannot be read or written: a bad header, an unsupported dtype, a shape
 * that does not match, a truncated file, or an I/O failure. The message is meant for the user and
 * says where: {@code spikes.npy: offset 8: header length 70000 runs past the end of the file}.
 * It is an {@link IOException} so callers that already handle I/O failures handle it too.
 */
public final class NpyException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Offset value of problems that concern the file as a whole. */
    public static final long NO_OFFSET = -1;

    private final String file;
    private final long offset;
    private final String detail;

    /**
     * @param file the file as the user knows it (a name relative to the directory they gave)
     * @param offset the byte offset of the problem, or {@link #NO_OFFSET}
     * @param detail what is wrong, without the location
     */
    public NpyException(String file, long offset, String detail) {
        super(format(file, offset, detail));
        this.file = requireNonNull(file, "file is null");
        this.offset = offset;
        this.detail = requireNonNull(detail, "detail is null");
    }

    /** The file as the user knows it. */
    public String file() {
        return file;
    }

    /** The byte offset of the problem, or {@link #NO_OFFSET}. */
    public long offset() {
        return offset;
    }

    /** What is wrong, without the file and offset. */
    public String detail() {
        return detail;
    }

    /** {@code detail} prefixed with the offset when there is one, but not with the file name. */
    public String detailWithOffset() {
        return offset == NO_OFFSET ? detail : "offset " + offset + ": " + detail;
    }

    private static String format(String file, long offset, String detail) {
        return offset == NO_OFFSET ? file + ": " + detail : file + ": offset " + offset + ": " + detail;
    }
}
