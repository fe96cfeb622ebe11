package io.neuromap.emulator.reference;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ir.ParameterValues;
import io.neuromap.compiler.ir.Population;

/**
 * A kernel's per-neuron parameters in effect, one {@code double[]} per parameter (struct of
 * arrays), initialised from the IR; {@link #base} reads the IR again, so modulation can always
 * return to the elaborated value.
 */
final class ParameterTable {
    private final Population population;
    private final String[] names;
    private final ParameterValues[] bases;
    private final double[][] values;

    ParameterTable(Population population, String... names) {
        this.population = requireNonNull(population, "population is null");
        this.names = names.clone();
        this.bases = new ParameterValues[names.length];
        this.values = new double[names.length][];
        for (int i = 0; i < names.length; i++) {
            String n = names[i];
            bases[i] = population.parameter(n).orElseThrow(() -> new IllegalArgumentException("population "
                    + population.name() + " (" + population.model().name() + ") has no parameter " + n));
            values[i] = bases[i].toArray();
        }
    }

    /** The index of {@code name}, or -1. */
    int index(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The live array of parameter {@code index} (the kernel reads and, through {@link #set}, writes it). */
    double[] column(int index) {
        return values[index];
    }

    double[] column(String name) {
        int i = index(name);
        if (i < 0) {
            throw new IllegalArgumentException("no parameter " + name + " in " + population.name());
        }
        return values[i];
    }

    double base(int index, int local) {
        return bases[index].get(local);
    }

    double get(int index, int local) {
        return values[index][local];
    }

    void set(int index, int local, double value) {
        values[index][local] = value;
    }

    int size() {
        return population.size();
    }
}
