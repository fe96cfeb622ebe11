package io.neuromap.compiler.ir;

/**
 * The delay of every synapse in whole time steps ({@code D = max(1, round(delay / dt))}; a spike
 * fired in step k arrives in step k + D, so the shortest delay is one step). One value when homogeneous, otherwise one unsigned byte
 * per synapse when every delay is at most {@value #MAX_BYTE} steps, else one unsigned short
 * (at most {@value #MAX_STEPS} steps). Immutable.
 */
public final class DelaySteps {
    /** Largest delay stored in one byte per synapse. */
    public static final int MAX_BYTE = 255;
    /** Largest delay the IR can hold, in steps. */
    public static final int MAX_STEPS = 65535;

    private final int count;
    private final int constant;
    private final byte[] bytes;
    private final short[] shorts;
    private final int max;
    private final int min;

    private DelaySteps(int count, int constant, byte[] bytes, short[] shorts) {
        this.count = count;
        this.constant = constant;
        this.bytes = bytes;
        this.shorts = shorts;
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        if (bytes == null && shorts == null) {
            lo = constant;
            hi = constant;
        } else {
            for (int k = 0; k < count; k++) {
                int d = get(k);
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
            }
        }
        this.min = count == 0 ? 0 : lo;
        this.max = count == 0 ? 0 : hi;
    }

    public static DelaySteps constant(int count, int steps) {
        if (steps < 1 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("delay of " + steps + " steps outside [1, " + MAX_STEPS + "]");
        }
        return new DelaySteps(count, steps, null, null);
    }

    /** One unsigned byte per synapse; takes ownership. */
    public static DelaySteps ofBytes(byte[] steps) {
        return new DelaySteps(steps.length, 0, steps, null);
    }

    /** One unsigned short per synapse; takes ownership. */
    public static DelaySteps ofShorts(short[] steps) {
        return new DelaySteps(steps.length, 0, null, steps);
    }

    public int count() {
        return count;
    }

    /** The delay of synapse {@code k}, in steps. */
    public int get(int k) {
        if (bytes != null) {
            return Byte.toUnsignedInt(bytes[k]);
        }
        if (shorts != null) {
            return Short.toUnsignedInt(shorts[k]);
        }
        if (k < 0 || k >= count) {
            throw new IndexOutOfBoundsException("synapse " + k + " out of bounds for " + count);
        }
        return constant;
    }

    public boolean isHomogeneous() {
        return bytes == null && shorts == null;
    }

    /** Bytes stored per synapse: 0, 1 or 2. */
    public int bytesPerSynapse() {
        return bytes != null ? 1 : shorts != null ? 2 : 0;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public Summary summary() {
        if (isHomogeneous()) {
            return Summary.constant(count, constant);
        }
        Summary.Accumulator acc = new Summary.Accumulator();
        for (int k = 0; k < count; k++) {
            acc.add(get(k));
        }
        return acc.result();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DelaySteps d) || d.count != count) {
            return false;
        }
        for (int k = 0; k < count; k++) {
            if (get(k) != d.get(k)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        // Consistent with equals across representations: equal delays have equal count, min and max.
        return (count * 31 + min) * 31 + max;
    }

    @Override
    public String toString() {
        return isHomogeneous() ? "DelaySteps[" + count + " x " + constant + "]"
                : "DelaySteps[" + count + ", " + min + ".." + max + " steps, " + bytesPerSynapse() + " B each]";
    }

    /** Raw storage for encoders: exactly one of these is non-null unless homogeneous. Read-only by contract. */
    public byte[] byteArray() {
        return bytes;
    }

    public short[] shortArray() {
        return shorts;
    }
}
