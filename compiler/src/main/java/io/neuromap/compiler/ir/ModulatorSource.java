package io.neuromap.compiler.ir;

import static java.util.Objects.requireNonNull;

/** What raises a modulator's concentration: spikes of a population, or an external channel. */
public sealed interface ModulatorSource {

    /** Every spike of the population releases {@link Modulator#releasePerSpike()}. */
    record FromPopulation(int population, String name) implements ModulatorSource {
        public FromPopulation {
            requireNonNull(name, "name is null");
            if (population < 0) {
                throw new IllegalArgumentException("negative population index " + population);
            }
        }
    }

    /** Values supplied at run time through a named channel ({@code source external "reward";}). */
    record External(String channel) implements ModulatorSource {
        public External {
            requireNonNull(channel, "channel is null");
        }
    }
}
