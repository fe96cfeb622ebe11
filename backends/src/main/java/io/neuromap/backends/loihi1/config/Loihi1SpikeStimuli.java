package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * Spikes fed into input axons, drawn at elaboration (Poisson trains, spike-time lists) or written
 * by hand: a spike in step {@code step} (0-based) is delivered in step {@code step + 1}, like a
 * compartment's spike, through the axon's synapses. Rows are ordered by step. The arrays are owned
 * by this record.
 *
 * @param step the step the spike is fired in, &gt;= 0
 * @param chip target chip id
 * @param core target core id
 * @param axon target input axon
 */
public record Loihi1SpikeStimuli(int[] step, int[] chip, int[] core, int[] axon) {

    public Loihi1SpikeStimuli {
        requireNonNull(step, "step is null");
        requireNonNull(chip, "chip is null");
        requireNonNull(core, "core is null");
        requireNonNull(axon, "axon is null");
        if (chip.length != step.length) {
            throw new IllegalArgumentException("chip has " + chip.length + " values, step has " + step.length);
        }
        if (core.length != step.length) {
            throw new IllegalArgumentException("core has " + core.length + " values, step has " + step.length);
        }
        if (axon.length != step.length) {
            throw new IllegalArgumentException("axon has " + axon.length + " values, step has " + step.length);
        }
    }

    /** No spike stimuli. */
    public static Loihi1SpikeStimuli none() {
        return new Loihi1SpikeStimuli(new int[0], new int[0], new int[0], new int[0]);
    }

    /** Number of spikes. */
    public int count() {
        return step.length;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Loihi1SpikeStimuli)) {
            return false;
        }
        Loihi1SpikeStimuli that = (Loihi1SpikeStimuli) o;
        return Arrays.equals(step, that.step)
                && Arrays.equals(chip, that.chip)
                && Arrays.equals(core, that.core)
                && Arrays.equals(axon, that.axon);
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(step);
        h = 31 * h + Arrays.hashCode(chip);
        h = 31 * h + Arrays.hashCode(core);
        h = 31 * h + Arrays.hashCode(axon);
        return h;
    }

    @Override
    public String toString() {
        return "Loihi1SpikeStimuli[" + "step=" + step.length + " values" + ", "
                + "chip=" + chip.length + " values" + ", "
                + "core=" + core.length + " values" + ", "
                + "axon=" + axon.length + " values" + "]";
    }
}
