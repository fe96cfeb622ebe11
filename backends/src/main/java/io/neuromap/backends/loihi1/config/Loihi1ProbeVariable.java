package io.neuromap.backends.loihi1.config;

import java.util.Optional;

/**
 * What a probe records per compartment. The values are the integers the chip holds, on the scale
 * of the config's arithmetic profile (docs/config-loihi1.md, "Probes").
 */
public enum Loihi1ProbeVariable {
    /** The synaptic input of the step: q after the 21-bit wrap (nengo-loihi) or {@code a_in} (lava). */
    SYNAPTIC_INPUT("synaptic_input", 0),
    /** The current u after the step. */
    CURRENT("current", 1),
    /** The voltage v after the step (0 on a spike step and while refractory). */
    VOLTAGE("voltage", 2),
    /** Whether the compartment spiked in the step (0 or 1). */
    SPIKES("spikes", 3);

    private final String jsonName;
    private final int code;

    Loihi1ProbeVariable(String jsonName, int code) {
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
    public static Optional<Loihi1ProbeVariable> fromJson(String name) {
        return Loihi1JsonNames.find(values(), Loihi1ProbeVariable::jsonName, name);
    }
}
