package io.neuromap.backends.loihi1.config;

import java.util.Optional;

/**
 * Which reference implementation's arithmetic the emulator reproduces (specs/loihi1.md §2.4): both
 * agree on decays, thresholds and resets, and differ in where the bias enters, how u overflows,
 * whether the 21-bit synaptic accumulator wraps, the voltage limits, the refractory period and
 * where the weight exponent is applied. A config names one, so the same config always emulates
 * the same way; {@code compile --arithmetic} chooses it.
 */
public enum Loihi1Arithmetic {
    /** nengo-loihi's {@code EmulatorInterface} (specs/loihi1.md §2.2): the default. */
    NENGO_LOIHI("nengo-loihi", 0),
    /** Lava's {@code PyLifModelBitAcc} with {@code PyDenseModelBitAcc} (specs/loihi1.md §2.1, §2.3). */
    LAVA("lava", 1);

    private final String jsonName;
    private final int code;

    Loihi1Arithmetic(String jsonName, int code) {
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
    public static Optional<Loihi1Arithmetic> fromJson(String name) {
        return Loihi1JsonNames.find(values(), Loihi1Arithmetic::jsonName, name);
    }
}
