package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A core's input axons and their synapse lists, in CSR form: the synapses of input axon
 * {@code a} are {@code axonStart[a] .. axonStart[a + 1] - 1}. Columns are narrow primitive arrays
 * (a 100-million-synapse network must fit in memory). The arrays are owned by this record and
 * never copied; callers must not change them.
 *
 * @param inputAxons number of input axons of the core ({@code synapse_map} entries), ids 0..inputAxons-1
 * @param axonStart CSR offsets, length inputAxons + 1, non-decreasing, from 0 to the synapse count
 * @param format synapse-format id per synapse, 1..15
 * @param compartment target compartment per synapse
 * @param weight weight mantissa per synapse, -256..255, as stored (the emulator clips and truncates it by the format's sign mode and weight bits)
 * @param delay delay field per synapse: delivered {@code 1 + delay} steps after the spike
 */
public record Loihi1Synapses(int inputAxons, int[] axonStart, byte[] format, short[] compartment, short[] weight, byte[] delay) {

    public Loihi1Synapses {
        requireNonNull(axonStart, "axonStart is null");
        requireNonNull(format, "format is null");
        requireNonNull(compartment, "compartment is null");
        requireNonNull(weight, "weight is null");
        requireNonNull(delay, "delay is null");
        if (inputAxons < 0 || axonStart.length != inputAxons + 1) {
            throw new IllegalArgumentException("axonStart must have inputAxons + 1 = " + (inputAxons + 1)
                    + " entries, has " + axonStart.length);
        }
        if (axonStart[0] != 0 || axonStart[inputAxons] != format.length) {
            throw new IllegalArgumentException("axonStart must run from 0 to the synapse count " + format.length);
        }
        for (int a = 0; a < inputAxons; a++) {
            if (axonStart[a] > axonStart[a + 1]) {
                throw new IllegalArgumentException("axonStart decreases at axon " + a);
            }
        }
        if (compartment.length != format.length) {
            throw new IllegalArgumentException("compartment has " + compartment.length + " values, format has " + format.length);
        }
        if (weight.length != format.length) {
            throw new IllegalArgumentException("weight has " + weight.length + " values, format has " + format.length);
        }
        if (delay.length != format.length) {
            throw new IllegalArgumentException("delay has " + delay.length + " values, format has " + format.length);
        }
    }

    /** A core with {@code inputAxons} axons and no synapses. */
    public static Loihi1Synapses empty(int inputAxons) {
        return new Loihi1Synapses(inputAxons, new int[inputAxons + 1], new byte[0], new short[0], new short[0],
                new byte[0]);
    }

    /** Number of synapses. */
    public int count() {
        return format.length;
    }

    /** The input axon of synapse {@code s} (binary search in the CSR offsets). */
    public int axonOf(int s) {
        int lo = 0;
        int hi = inputAxons - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (axonStart[mid] <= s) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Loihi1Synapses)) {
            return false;
        }
        Loihi1Synapses that = (Loihi1Synapses) o;
        return inputAxons == that.inputAxons
                && Arrays.equals(axonStart, that.axonStart)
                && Arrays.equals(format, that.format)
                && Arrays.equals(compartment, that.compartment)
                && Arrays.equals(weight, that.weight)
                && Arrays.equals(delay, that.delay);
    }

    @Override
    public int hashCode() {
        int h = Integer.hashCode(inputAxons);
        h = 31 * h + Arrays.hashCode(axonStart);
        h = 31 * h + Arrays.hashCode(format);
        h = 31 * h + Arrays.hashCode(compartment);
        h = 31 * h + Arrays.hashCode(weight);
        h = 31 * h + Arrays.hashCode(delay);
        return h;
    }

    @Override
    public String toString() {
        return "Loihi1Synapses[" + "inputAxons=" + inputAxons + ", "
                + "axonStart=" + axonStart.length + " values" + ", "
                + "format=" + format.length + " values" + ", "
                + "compartment=" + compartment.length + " values" + ", "
                + "weight=" + weight.length + " values" + ", "
                + "delay=" + delay.length + " values" + "]";
    }
}
