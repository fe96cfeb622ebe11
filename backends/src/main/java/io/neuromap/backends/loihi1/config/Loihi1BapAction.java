package io.neuromap.backends.loihi1.config;

import java.util.Optional;

/**
 * What a back-propagating action potential does ({@code CxProfileCfg.bAP_Action} bits,
 * specs/loihi1-compartments-reward.md §1.2); the code is the bit position. Bit 1 (post-trace
 * impulse for learning) belongs to the learning engine, which format version 1 does not carry.
 */
public enum Loihi1BapAction {
    /** Enter the refractory period. */
    REFRACTORY("refractory", 0);

    private final String jsonName;
    private final int code;

    Loihi1BapAction(String jsonName, int code) {
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
    public static Optional<Loihi1BapAction> fromJson(String name) {
        return Loihi1JsonNames.find(values(), Loihi1BapAction::jsonName, name);
    }
}
