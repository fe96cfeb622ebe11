package io.neuromap.backends.loihi1.config;

import java.util.Optional;

/**
 * How an effect's integer combines with the register (the language's {@code =}, {@code +=} and
 * {@code -=}, {@code *=}; a {@code -=} is written as {@code add} with negated scales). With
 * {@code y} the response table's value and {@code s} a target's scale, {@code F} the effect's
 * fraction bits and {@code rnd(x) = (x + 2^(F-1)) >> F} (x for F = 0):
 * {@code add}: {@code r += rnd(s y)}; {@code set}: {@code r = rnd(s y)};
 * {@code multiply}: {@code r = rnd(r y)} (the scales are unused).
 */
public enum Loihi1ModulationOp {
    ADD("add"), SET("set"), MULTIPLY("multiply");

    private final String jsonName;

    Loihi1ModulationOp(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The spelling in {@code config.json}. */
    public String jsonName() {
        return jsonName;
    }

    /** The constant spelled {@code name} in {@code config.json}, if any. */
    public static Optional<Loihi1ModulationOp> fromJson(String name) {
        return Loihi1JsonNames.find(values(), Loihi1ModulationOp::jsonName, name);
    }
}
