package io.neuromap.backends.loihi1.config;

import java.util.Optional;

/**
 * An event that triggers a back-propagating action potential ({@code CxProfileCfg.bAP_Src} bits,
 * specs/loihi1-compartments-reward.md §1.2); the code is the bit position.
 */
public enum Loihi1BapSource {
    /** The compartment's own v > vth. */
    SELF("self", 0),
    /** Child A spiked. */
    CHILD_A("child_a", 2),
    /** Child B spiked. */
    CHILD_B("child_b", 3);

    private final String jsonName;
    private final int code;

    Loihi1BapSource(String jsonName, int code) {
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
    public static Optional<Loihi1BapSource> fromJson(String name) {
        return Loihi1JsonNames.find(values(), Loihi1BapSource::jsonName, name);
    }
}
