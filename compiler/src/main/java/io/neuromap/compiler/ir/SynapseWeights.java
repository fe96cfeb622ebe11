package io.neuromap.compiler.ir;

/**
 * The weight of every synapse of a projection, in SI, as a {@code float} (4 bytes per synapse is
 * the budget at 100M synapses; the chips store far fewer bits). One value when homogeneous, so a
 * constant-weight projection costs nothing per synapse. Immutable.
 */
public final class SynapseWeights {
    private final int count;
    private final float constant;
    private final float[] values;

    private SynapseWeights(int count, float constant, float[] values) {
        if (count < 0) {
            throw new IllegalArgumentException("negative count " + count);
        }
        this.count = count;
        this.constant = constant;
        this.values = values;
    }

    public static SynapseWeights constant(int count, float value) {
        return new SynapseWeights(count, value, null);
    }

    /** Per-synapse weights; takes ownership. Not compacted: callers know whether weights vary. */
    public static SynapseWeights of(float[] values) {
        return new SynapseWeights(values.length, Float.NaN, values);
    }

    public int count() {
        return count;
    }

    public float get(int k) {
        if (values != null) {
            return values[k];
        }
        if (k < 0 || k >= count) {
            throw new IndexOutOfBoundsException("synapse " + k + " out of bounds for " + count);
        }
        return constant;
    }

    public boolean isHomogeneous() {
        return values == null;
    }

    public float constantValue() {
        if (values != null) {
            throw new IllegalStateException("weights are heterogeneous");
        }
        return constant;
    }

    /** The IR's own array (read-only by contract), or null when homogeneous. */
    public float[] array() {
        return values;
    }

    public Summary summary() {
        if (values == null) {
            return Summary.constant(count, constant);
        }
        Summary.Accumulator acc = new Summary.Accumulator();
        for (float v : values) {
            acc.add(v);
        }
        return acc.result();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SynapseWeights w) || w.count != count) {
            return false;
        }
        if (values == null && w.values == null) {
            return Float.floatToIntBits(constant) == Float.floatToIntBits(w.constant);
        }
        for (int k = 0; k < count; k++) {
            if (Float.floatToIntBits(get(k)) != Float.floatToIntBits(w.get(k))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        // Consistent with equals across representations: depends on the count and the first weight only.
        return count * 31 + (count == 0 ? 0 : Float.floatToIntBits(get(0)));
    }

    @Override
    public String toString() {
        return values == null ? "SynapseWeights[" + count + " x " + constant + "]" : "SynapseWeights[" + count + " values]";
    }
}
