package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * What raises a modulator's concentration on chip: the spikes of a list of compartments, which
 * the management program counts after every step (as nengo-loihi's learning SNIP reads spike
 * counts), plus the spikes the host sends for sources that live on the host (a {@code poisson}
 * population is drawn by the host; its count per step is written here, one row per step with
 * spikes). Either list may be empty. The arrays are owned by this record.
 *
 * @param chip chip id per counted compartment
 * @param core core id per counted compartment
 * @param compartment compartment index per counted compartment
 * @param hostStep steps (ascending, distinct) in which the host sends spikes
 * @param hostCount number of host spikes per row of {@code hostStep}, &gt;= 1
 */
public record Loihi1ModulatorSource(int[] chip, int[] core, int[] compartment, int[] hostStep, int[] hostCount) {

    public Loihi1ModulatorSource {
        requireNonNull(chip, "chip is null");
        requireNonNull(core, "core is null");
        requireNonNull(compartment, "compartment is null");
        requireNonNull(hostStep, "hostStep is null");
        requireNonNull(hostCount, "hostCount is null");
        if (core.length != chip.length || compartment.length != chip.length) {
            throw new IllegalArgumentException("chip, core and compartment differ in length");
        }
        if (hostCount.length != hostStep.length) {
            throw new IllegalArgumentException("hostStep and hostCount differ in length");
        }
    }

    /** No source: the concentration only relaxes to its baseline. */
    public static Loihi1ModulatorSource none() {
        return new Loihi1ModulatorSource(new int[0], new int[0], new int[0], new int[0], new int[0]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Loihi1ModulatorSource that && Arrays.equals(chip, that.chip) && Arrays.equals(core, that.core)
                && Arrays.equals(compartment, that.compartment) && Arrays.equals(hostStep, that.hostStep)
                && Arrays.equals(hostCount, that.hostCount);
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(chip);
        h = 31 * h + Arrays.hashCode(core);
        h = 31 * h + Arrays.hashCode(compartment);
        h = 31 * h + Arrays.hashCode(hostStep);
        return 31 * h + Arrays.hashCode(hostCount);
    }

    @Override
    public String toString() {
        return "Loihi1ModulatorSource[" + chip.length + " compartments, " + hostStep.length + " host rows]";
    }
}
