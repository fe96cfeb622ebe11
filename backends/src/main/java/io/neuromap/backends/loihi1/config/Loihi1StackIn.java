package io.neuromap.backends.loihi1.config;

import java.util.Optional;

/**
 * What a compartment takes from the core's depth-2 stack before its join
 * ({@code CxProfileCfg.StackIn}, specs/loihi1-compartments-reward.md §1.2, §1.3).
 */
public enum Loihi1StackIn {
    /** Nothing. */
    SKIP("skip", 0),
    /** Reads the top entry as A and leaves it there. */
    PEEK_A("peek_a", 1),
    /** Pops the top entry as A. */
    POP_A("pop_a", 2),
    /** Pops the top entry as A, then the next as B. */
    POP_A_AND_B("pop_a_and_b", 3);

    private final String jsonName;
    private final int code;

    Loihi1StackIn(String jsonName, int code) {
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
    public static Optional<Loihi1StackIn> fromJson(String name) {
        return Loihi1JsonNames.find(values(), Loihi1StackIn::jsonName, name);
    }
}
