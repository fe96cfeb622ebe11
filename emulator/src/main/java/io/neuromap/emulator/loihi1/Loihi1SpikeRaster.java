package io.neuromap.emulator.loihi1;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * Every spike of a run, one row per spike in a fixed order: by step, then by core in config
 * order, then by compartment. The same run gives the same raster for any thread count.
 *
 * @param step the 0-based step of each spike
 * @param chip its chip id
 * @param core its core id on the chip
 * @param compartment its compartment on the core
 */
public record Loihi1SpikeRaster(int[] step, int[] chip, int[] core, int[] compartment) {

    public Loihi1SpikeRaster {
        requireNonNull(step, "step is null");
        requireNonNull(chip, "chip is null");
        requireNonNull(core, "core is null");
        requireNonNull(compartment, "compartment is null");
        if (chip.length != step.length || core.length != step.length || compartment.length != step.length) {
            throw new IllegalArgumentException("spike columns differ in length");
        }
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
        if (!(o instanceof Loihi1SpikeRaster)) {
            return false;
        }
        Loihi1SpikeRaster that = (Loihi1SpikeRaster) o;
        return Arrays.equals(step, that.step) && Arrays.equals(chip, that.chip) && Arrays.equals(core, that.core)
                && Arrays.equals(compartment, that.compartment);
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(step);
        h = 31 * h + Arrays.hashCode(chip);
        h = 31 * h + Arrays.hashCode(core);
        return 31 * h + Arrays.hashCode(compartment);
    }

    @Override
    public String toString() {
        return "Loihi1SpikeRaster[" + step.length + " spikes]";
    }
}
