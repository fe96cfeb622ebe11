package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A core's output axons ({@code axon_cfg}): each row routes the spikes of one compartment to one
 * input axon of a core, possibly on another chip. A compartment with several target cores has
 * several rows; rows are ordered by compartment. The arrays are owned by this record.
 *
 * @param compartment the source compartment on this core
 * @param chip the target chip id
 * @param core the target core id on that chip
 * @param axon the target input axon on that core
 */
public record Loihi1OutputAxons(int[] compartment, int[] chip, int[] core, int[] axon) {

    public Loihi1OutputAxons {
        requireNonNull(compartment, "compartment is null");
        requireNonNull(chip, "chip is null");
        requireNonNull(core, "core is null");
        requireNonNull(axon, "axon is null");
        if (chip.length != compartment.length) {
            throw new IllegalArgumentException("chip has " + chip.length + " values, compartment has " + compartment.length);
        }
        if (core.length != compartment.length) {
            throw new IllegalArgumentException("core has " + core.length + " values, compartment has " + compartment.length);
        }
        if (axon.length != compartment.length) {
            throw new IllegalArgumentException("axon has " + axon.length + " values, compartment has " + compartment.length);
        }
    }

    /** A core whose spikes go nowhere (probed only). */
    public static Loihi1OutputAxons none() {
        return new Loihi1OutputAxons(new int[0], new int[0], new int[0], new int[0]);
    }

    /** Number of output axons. */
    public int count() {
        return compartment.length;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Loihi1OutputAxons)) {
            return false;
        }
        Loihi1OutputAxons that = (Loihi1OutputAxons) o;
        return Arrays.equals(compartment, that.compartment)
                && Arrays.equals(chip, that.chip)
                && Arrays.equals(core, that.core)
                && Arrays.equals(axon, that.axon);
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(compartment);
        h = 31 * h + Arrays.hashCode(chip);
        h = 31 * h + Arrays.hashCode(core);
        h = 31 * h + Arrays.hashCode(axon);
        return h;
    }

    @Override
    public String toString() {
        return "Loihi1OutputAxons[" + "compartment=" + compartment.length + " values" + ", "
                + "chip=" + chip.length + " values" + ", "
                + "core=" + core.length + " values" + ", "
                + "axon=" + axon.length + " values" + "]";
    }
}
