package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

/**
 * A probe of a modulator's concentration as the management program holds it, recorded after every
 * {@code every}-th step (steps {@code every - 1, 2 every - 1, ...}, as compartment probes). The
 * language records one column per neuron the probe names ({@code probe da : modulator(DA) of msn});
 * all copies of a concentration are equal ({@link Loihi1Modulator}), so every column holds the same
 * value. The columns are neurons {@code first .. first + count - 1} of origin population
 * {@code population}.
 *
 * @param name unique among all probes; the output file is named after it
 * @param modulator index into the program's modulators
 * @param every recording period in steps, &gt;= 1
 * @param population index into the origin table's populations
 * @param first first neuron (population-local)
 * @param count number of neurons (columns)
 */
public record Loihi1ModulatorProbe(String name, int modulator, int every, int population, int first, int count) {

    public Loihi1ModulatorProbe {
        requireNonNull(name, "name is null");
    }
}
