package io.neuromap.backends.loihi1.config;

import java.util.Optional;

/**
 * The unit of an injected current stimulus: Lava's raw {@code a_in} (which the LIF shifts left by
 * 6 before adding it to u) or the full-scale units nengo-loihi adds to the synaptic input q. A
 * config states it so the Lava golden traces can be replayed value for value and a nengo-loihi
 * user can write the numbers they know.
 */
public enum Loihi1CurrentScale {
    /** Lava's {@code a_in} before {@code << 6}: one unit is 2^6 full-scale units. */
    LAVA_RAW("lava_raw", 0),
    /** Full-scale units (the scale of q, u, v and {@code vth_mant << 6}). */
    NENGO_FULL("nengo_full", 1);

    private final String jsonName;
    private final int code;

    Loihi1CurrentScale(String jsonName, int code) {
        this.jsonName = jsonName;
        this.code = code;
    }

    /** The spelling in {@code config.json}. */
    public String jsonName() {
        return jsonName;
    }

    /** The register code (NxSDK numbering), or the ordinal where the chip has no register. */
    public int code() {
        return code;
    }

    /** The constant spelled {@code name} in {@code config.json}, if any. */
    public static Optional<Loihi1CurrentScale> fromJson(String name) {
        return Loihi1JsonNames.find(values(), Loihi1CurrentScale::jsonName, name);
    }
}
