package io.neuromap.backends.loihi1.config;

import java.util.Optional;

/**
 * The chip register a modulation effect rewrites between steps, and what one target of the effect
 * is: a compartment for per-compartment registers, a threshold profile of a core for
 * {@code vth} (profiles are shared by every compartment that points at them).
 */
public enum Loihi1ModulationRegister {
    /**
     * The compartment's bias, handled as its full-scale value {@code mant << exp}; after the
     * effects the program re-encodes it into a 13-bit mantissa and the smallest exponent 0..7
     * that holds it ({@link Loihi1ModulationArithmetic#encodeBias}).
     */
    BIAS("bias", true),
    /** The threshold mantissa of a threshold profile ({@code vth_profile_cfg}), 1..2^17 - 1. */
    VTH("vth", false);

    private final String jsonName;
    private final boolean perCompartment;

    Loihi1ModulationRegister(String jsonName, boolean perCompartment) {
        this.jsonName = jsonName;
        this.perCompartment = perCompartment;
    }

    /** The spelling in {@code config.json}. */
    public String jsonName() {
        return jsonName;
    }

    /** True when a target's index is a compartment, false when it is a threshold profile. */
    public boolean perCompartment() {
        return perCompartment;
    }

    /** The constant spelled {@code name} in {@code config.json}, if any. */
    public static Optional<Loihi1ModulationRegister> fromJson(String name) {
        return Loihi1JsonNames.find(values(), Loihi1ModulationRegister::jsonName, name);
    }
}
