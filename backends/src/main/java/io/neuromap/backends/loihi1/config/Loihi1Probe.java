package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A probe: one variable of a list of compartments, recorded after every {@code every}-th step
 * (steps {@code every - 1, 2 every - 1, ...}, the last step of each period, as nengo's
 * {@code sample_every}). The arrays are owned by this record.
 *
 * @param name unique name; the emulator names its output files after it
 * @param variable what is recorded
 * @param every recording period in steps, &gt;= 1
 * @param chip chip id per probed compartment
 * @param core core id per probed compartment
 * @param compartment compartment per probed compartment
 */
public record Loihi1Probe(String name, Loihi1ProbeVariable variable, int every, int[] chip, int[] core, int[] compartment) {

    public Loihi1Probe {
        requireNonNull(name, "name is null");
        requireNonNull(variable, "variable is null");
        requireNonNull(chip, "chip is null");
        requireNonNull(core, "core is null");
        requireNonNull(compartment, "compartment is null");
        if (core.length != chip.length) {
            throw new IllegalArgumentException("core has " + core.length + " values, chip has " + chip.length);
        }
        if (compartment.length != chip.length) {
            throw new IllegalArgumentException("compartment has " + compartment.length + " values, chip has " + chip.length);
        }
    }

    /** Number of probed compartments. */
    public int count() {
        return chip.length;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Loihi1Probe)) {
            return false;
        }
        Loihi1Probe that = (Loihi1Probe) o;
        return name.equals(that.name)
                && variable.equals(that.variable)
                && every == that.every
                && Arrays.equals(chip, that.chip)
                && Arrays.equals(core, that.core)
                && Arrays.equals(compartment, that.compartment);
    }

    @Override
    public int hashCode() {
        int h = name.hashCode();
        h = 31 * h + variable.hashCode();
        h = 31 * h + Integer.hashCode(every);
        h = 31 * h + Arrays.hashCode(chip);
        h = 31 * h + Arrays.hashCode(core);
        h = 31 * h + Arrays.hashCode(compartment);
        return h;
    }

    @Override
    public String toString() {
        return "Loihi1Probe[" + "name=" + name + ", "
                + "variable=" + variable + ", "
                + "every=" + every + ", "
                + "chip=" + chip.length + " values" + ", "
                + "core=" + core.length + " values" + ", "
                + "compartment=" + compartment.length + " values" + "]";
    }
}
