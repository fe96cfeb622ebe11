package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * Where every compartment comes from: (population, neuron, compartment name) per (chip, core,
 * compartment). Spike rasters, per-population rates and {@code validate} read it; the emulator
 * itself does not need it. The arrays are owned by this record.
 *
 * @param populations the populations, indexed by the {@code population} column
 * @param compartmentNames compartment names ('soma', 'aux'), indexed by the {@code compartmentName} column
 * @param chip chip id per row
 * @param core core id per row
 * @param compartment compartment per row
 * @param population population index per row
 * @param neuron neuron index within the population per row
 * @param compartmentName compartment-name index per row
 */
public record Loihi1Origin(List<Loihi1Population> populations, List<String> compartmentNames, int[] chip, int[] core, int[] compartment, int[] population, int[] neuron, int[] compartmentName) {

    public Loihi1Origin {
        requireNonNull(populations, "populations is null");
        requireNonNull(compartmentNames, "compartmentNames is null");
        requireNonNull(chip, "chip is null");
        requireNonNull(core, "core is null");
        requireNonNull(compartment, "compartment is null");
        requireNonNull(population, "population is null");
        requireNonNull(neuron, "neuron is null");
        requireNonNull(compartmentName, "compartmentName is null");
        populations = List.copyOf(populations);
        compartmentNames = List.copyOf(compartmentNames);
        if (core.length != chip.length) {
            throw new IllegalArgumentException("core has " + core.length + " values, chip has " + chip.length);
        }
        if (compartment.length != chip.length) {
            throw new IllegalArgumentException("compartment has " + compartment.length + " values, chip has " + chip.length);
        }
        if (population.length != chip.length) {
            throw new IllegalArgumentException("population has " + population.length + " values, chip has " + chip.length);
        }
        if (neuron.length != chip.length) {
            throw new IllegalArgumentException("neuron has " + neuron.length + " values, chip has " + chip.length);
        }
        if (compartmentName.length != chip.length) {
            throw new IllegalArgumentException("compartmentName has " + compartmentName.length + " values, chip has " + chip.length);
        }
    }

    /** Number of rows (compartments). */
    public int count() {
        return chip.length;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Loihi1Origin)) {
            return false;
        }
        Loihi1Origin that = (Loihi1Origin) o;
        return populations.equals(that.populations)
                && compartmentNames.equals(that.compartmentNames)
                && Arrays.equals(chip, that.chip)
                && Arrays.equals(core, that.core)
                && Arrays.equals(compartment, that.compartment)
                && Arrays.equals(population, that.population)
                && Arrays.equals(neuron, that.neuron)
                && Arrays.equals(compartmentName, that.compartmentName);
    }

    @Override
    public int hashCode() {
        int h = populations.hashCode();
        h = 31 * h + compartmentNames.hashCode();
        h = 31 * h + Arrays.hashCode(chip);
        h = 31 * h + Arrays.hashCode(core);
        h = 31 * h + Arrays.hashCode(compartment);
        h = 31 * h + Arrays.hashCode(population);
        h = 31 * h + Arrays.hashCode(neuron);
        h = 31 * h + Arrays.hashCode(compartmentName);
        return h;
    }

    @Override
    public String toString() {
        return "Loihi1Origin[" + "populations=" + populations + ", "
                + "compartmentNames=" + compartmentNames + ", "
                + "chip=" + chip.length + " values" + ", "
                + "core=" + core.length + " values" + ", "
                + "compartment=" + compartment.length + " values" + ", "
                + "population=" + population.length + " values" + ", "
                + "neuron=" + neuron.length + " values" + ", "
                + "compartmentName=" + compartmentName.length + " values" + "]";
    }
}
