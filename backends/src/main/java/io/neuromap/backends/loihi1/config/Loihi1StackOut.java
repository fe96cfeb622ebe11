package io.neuromap.backends.loihi1.config;

import java.util.Optional;

/**
 * What a compartment pushes onto the core's stack after its update
 * ({@code CxProfileCfg.StackOut}, specs/loihi1-compartments-reward.md §1.2, §1.3). Code 2 is
 * undocumented and not offered.
 */
public enum Loihi1StackOut {
    /** Nothing. */
    SKIP("skip", 0),
    /** (V, S): the voltage of this step before any reset, and whether v > vth. */
    PUSH("push", 1),
    /** (U', S) with U' = u + bias. */
    PUSH_U("push_u", 3);

    private final String jsonName;
    private final int code;

    Loihi1StackOut(String jsonName, int code) {
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
    public static Optional<Loihi1StackOut> fromJson(String name) {
        return Loihi1JsonNames.find(values(), Loihi1StackOut::jsonName, name);
    }
}
