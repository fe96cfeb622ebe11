package io.neuromap.backends.loihi1.config;

import java.util.Optional;

/**
 * What a compartment does when v exceeds its threshold ({@code CxProfileCfg.ThreshOp},
 * specs/loihi1-compartments-reward.md §1.5). Code 1 (spike and randomize the refractory delay)
 * needs the per-core refractory noise settings, which format version 1 does not carry, so it is
 * not offered.
 */
public enum Loihi1ThresholdOp {
    /** Spike, reset v to 0, enter the refractory period. */
    SPIKE_AND_RESET("spike_and_reset", 0),
    /** No spike and no reset; S = v > vth is still pushed (a dendrite). */
    NO_SPIKE_AND_PASS_V("no_spike_and_pass_v", 2),
    /** As {@link #NO_SPIKE_AND_PASS_V}, and v saturates at the threshold. */
    NO_SPIKE_AND_SATURATE_V("no_spike_and_saturate_v", 3);

    private final String jsonName;
    private final int code;

    Loihi1ThresholdOp(String jsonName, int code) {
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
    public static Optional<Loihi1ThresholdOp> fromJson(String name) {
        return Loihi1JsonNames.find(values(), Loihi1ThresholdOp::jsonName, name);
    }
}
