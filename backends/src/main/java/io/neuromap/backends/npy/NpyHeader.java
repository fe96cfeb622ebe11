package io.neuromap.backends.npy;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * The parsed header of a {@code .npy} file: what the data that follows it is.
 *
 * <pre>
 *  offset 0        6       7       8                 8+L (v1: L = 2; v2, v3: L = 4)
 *  +---------------+-------+-------+-----------------+--------------------------------+------
 *  | \x93 N U M P Y| major | minor | header length H | {'descr': '&lt;i2', 'fortran_order': |
 *  |   (6 bytes)   | 1 B   | 1 B   | (u2 or u4, LE)  |  False, 'shape': (R, C), }  ...\n | data
 *  +---------------+-------+-------+-----------------+--------------------------------+------
 *                                                    |&lt;------------- H bytes ----------->|
 *  data starts at dataOffset = 8 + L + H (a multiple of 64 when numpy wrote it), C order,
 *  R x C elements of descr, nothing after them.
 * </pre>
 *
 * @param major format major version, 1, 2 or 3
 * @param minor format minor version
 * @param dtype the element type
 * @param shape the array shape, C order (empty for a scalar)
 * @param dataOffset where the first element starts (bytes)
 */
public record NpyHeader(int major, int minor, NpyDtype dtype, long[] shape, long dataOffset) {

    /** The six bytes every {@code .npy} file starts with. */
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** Bytes before the header length field. */
    static final int PREAMBLE = MAGIC.length + 2;

    /** numpy aligns the data start to this many bytes. */
    static final int ALIGNMENT = 64;

    public NpyHeader {
        requireNonNull(dtype, "dtype is null");
        requireNonNull(shape, "shape is null");
        shape = shape.clone();
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
        }
    }

    /** The shape (a copy). */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Length of dimension {@code i}. */
    public long dim(int i) {
        return shape[i];
    }

    /** Number of elements, or -1 if it overflows a long. */
    public long elements() {
        long n = 1;
        for (long dim : shape) {
            if (dim != 0 && n > Long.MAX_VALUE / dim) {
                return -1;
            }
            n *= dim;
        }
        return n;
    }

    /** The shape as Python prints it: {@code (3, 4)}, {@code (5,)}, {@code ()}. */
    public String shapeText() {
        return shapeText(shape);
    }

    /** {@code shape} as Python prints a tuple. */
    public static String shapeText(long[] shape) {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            text.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return text.append(shape.length == 1 ? ",)" : ")").toString();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof NpyHeader)) {
            return false;
        }
        NpyHeader that = (NpyHeader) o;
        return major == that.major && minor == that.minor && dtype == that.dtype && dataOffset == that.dataOffset
                && Arrays.equals(shape, that.shape);
    }

    @Override
    public int hashCode() {
        return ((31 * Integer.hashCode(major) + minor) * 31 + dtype.hashCode()) * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "NpyHeader[v" + major + "." + minor + ", " + dtype.descr() + ", " + shapeText() + ", data at "
                + dataOffset + "]";
    }
}
