package io.neuromap.emulator.loihi1;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.config.Loihi1Config;

/**
 * A config that is well formed (every field, table and cross-reference checked by the config
 * reader or validator) and violates none of the target's design rules. Only
 * {@link Loihi1Emulation} creates one, so {@link Loihi1Emulator#fromConfig} can never be handed a
 * config the rule check rejected (STYLE item 15; Rockpool's {@code XyloSim.from_config}).
 */
public final class Loihi1ValidatedConfig {

    private final Loihi1Config config;

    Loihi1ValidatedConfig(Loihi1Config config) {
        this.config = requireNonNull(config, "config is null");
    }

    /** The config. */
    public Loihi1Config config() {
        return config;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Loihi1ValidatedConfig && config.equals(((Loihi1ValidatedConfig) o).config);
    }

    @Override
    public int hashCode() {
        return config.hashCode();
    }

    @Override
    public String toString() {
        return "Loihi1ValidatedConfig[" + config.arithmetic().jsonName() + ", " + config.chips().size() + " chips]";
    }
}
