package io.neuromap.backends.loihi1.config;

import java.util.Optional;

/**
 * How a compartment combines its own input with the values it pops from the core's stack
 * ({@code CxProfileCfg.JoinOp}, specs/loihi1-compartments-reward.md §1.4). SKIP is an ordinary
 * single compartment; ADD joins an auxiliary compartment into a soma (the CUBA lowering).
 */
public enum Loihi1JoinOp {
    /** dV = U'; the stack is ignored. */
    SKIP("skip", 0),
    /** dV = U' + a + b. */
    ADD("add", 1),
    /** dV = max(U', a, b). */
    MAX("max", 2),
    /** dV = min(U', a, b). */
    MIN("min", 3),
    /** dV = A spiked ? U' + b : 0. */
    PASS("pass", 4),
    /** dV = A spiked ? 0 : U' + b. */
    BLOCK("block", 5),
    /** dV = U'; spikes if it or a child spiked. */
    OR("or", 6),
    /** dV = U'; spikes only if it and its children spiked. */
    AND("and", 7);

    private final String jsonName;
    private final int code;

    Loihi1JoinOp(String jsonName, int code) {
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
    public static Optional<Loihi1JoinOp> fromJson(String name) {
        return Loihi1JsonNames.find(values(), Loihi1JoinOp::jsonName, name);
    }
}
