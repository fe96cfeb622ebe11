package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * Integers added to a compartment's synaptic input in a given step (how the Lava golden traces
 * feed {@code a_in}), on the declared scale. Rows are ordered by step. The arrays are owned by
 * this record.
 *
 * @param scale the unit of {@code value}
 * @param step the step (0-based) whose input receives the value
 * @param chip chip id
 * @param core core id
 * @param compartment compartment on that core
 * @param value the integer added
 */
public record Loihi1CurrentStimuli(Loihi1CurrentScale scale, int[] step, int[] chip, int[] core, int[] compartment, int[] value) {

    public Loihi1CurrentStimuli {
        requireNonNull(scale, "scale is null");
        requireNonNull(step, "step is null");
        requireNonNull(chip, "chip is null");
        requireNonNull(core, "core is null");
        requireNonNull(compartment, "compartment is null");
        requireNonNull(value, "value is null");
        if (chip.length != step.length) {
            throw new IllegalArgumentException("chip has " + chip.length + " values, step has " + step.length);
        }
        if (core.length != step.length) {
            throw new IllegalArgumentException("core has " + core.length + " values, step has " + step.length);
        }
        if (compartment.length != step.length) {
            throw new IllegalArgumentException("compartment has " + compartment.length + " values, step has " + step.length);
        }
        if (value.length != step.length) {
            throw new IllegalArgumentException("value has " + value.length + " values, step has " + step.length);
        }
    }

    /** No current stimuli (scale {@code nengo_full}). */
    public static Loihi1CurrentStimuli none() {
        return new Loihi1CurrentStimuli(Loihi1CurrentScale.NENGO_FULL, new int[0], new int[0], new int[0],
                new int[0], new int[0]);
    }

    /** Number of injections. */
    public int count() {
        return step.length;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Loihi1CurrentStimuli)) {
            return false;
        }
        Loihi1CurrentStimuli that = (Loihi1CurrentStimuli) o;
        return scale.equals(that.scale)
                && Arrays.equals(step, that.step)
                && Arrays.equals(chip, that.chip)
                && Arrays.equals(core, that.core)
                && Arrays.equals(compartment, that.compartment)
                && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        int h = scale.hashCode();
        h = 31 * h + Arrays.hashCode(step);
        h = 31 * h + Arrays.hashCode(chip);
        h = 31 * h + Arrays.hashCode(core);
        h = 31 * h + Arrays.hashCode(compartment);
        h = 31 * h + Arrays.hashCode(value);
        return h;
    }

    @Override
    public String toString() {
        return "Loihi1CurrentStimuli[" + "scale=" + scale + ", "
                + "step=" + step.length + " values" + ", "
                + "chip=" + chip.length + " values" + ", "
                + "core=" + core.length + " values" + ", "
                + "compartment=" + compartment.length + " values" + ", "
                + "value=" + value.length + " values" + "]";
    }
}
