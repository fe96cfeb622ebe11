package io.neuromap.backends.loihi1.config;

import java.util.Optional;

/**
 * The chip register a modulation effect rewrites between steps, and what one target of the effect
 * is: a compartment for per-compartment registers, a threshold profile of a core for
 * {@code vth}, a compartment profile for the decays (profiles are shared by every compartment
 * that points at them).
 */
public enum Loihi1ModulationRegister {
    /**
     * The compartment's bias, handled as its full-scale value {@code mant << exp}; after the
     * effects the program re-encodes it into a 13-bit mantissa and the smallest exponent 0..7
     * that holds it ({@link Loihi1ModulationArithmetic#encodeBias}).
     */
    BIAS("bias", Target.COMPARTMENT),
    /** The threshold mantissa of a threshold profile ({@code vth_profile_cfg}), 1..2^17 - 1. */
    VTH("vth", Target.THRESHOLD_PROFILE),
    /** The current decay {@code decay_u} of a compartment profile ({@code cx_profile_cfg}), 0..4095. */
    DECAY_U("decay_u", Target.COMPARTMENT_PROFILE),
    /** The voltage decay {@code decay_v} of a compartment profile ({@code cx_profile_cfg}), 0..4095. */
    DECAY_V("decay_v", Target.COMPARTMENT_PROFILE),
    /**
     * The stored weights of every synapse whose target is the compartment: the effects' factors
     * (op {@code multiply} only) multiply into one factor in 1/2^30, starting at 1, and each
     * synapse is rewritten as {@code rnd30(w0 factor)}, clipped and truncated by its synapse
     * format as any stored weight ({@link #WEIGHT_FACTOR_BITS}).
     */
    WEIGHT("weight", Target.COMPARTMENT);

    /** Fraction bits of the factor a {@link #WEIGHT} slot accumulates. */
    public static final int WEIGHT_FACTOR_BITS = 30;

    /** What a target's index names. */
    public enum Target {
        COMPARTMENT, THRESHOLD_PROFILE, COMPARTMENT_PROFILE
    }

    private final String jsonName;
    private final Target target;

    Loihi1ModulationRegister(String jsonName, Target target) {
        this.jsonName = jsonName;
        this.target = target;
    }

    /** What a target's index names: a compartment, a threshold profile or a compartment profile of its core. */
    public Target target() {
        return target;
    }

    /** The spelling in {@code config.json}. */
    public String jsonName() {
        return jsonName;
    }

    /** True when a target's index is a compartment. */
    public boolean perCompartment() {
        return target == Target.COMPARTMENT;
    }

    /** The constant spelled {@code name} in {@code config.json}, if any. */
    public static Optional<Loihi1ModulationRegister> fromJson(String name) {
        return Loihi1JsonNames.find(values(), Loihi1ModulationRegister::jsonName, name);
    }
}
