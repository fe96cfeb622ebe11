package io.neuromap.backends.loihi1;

/**
 * The per-core resources of a Loihi 1 core that a mapping can exhaust: the rows of a core's
 * utilization table {@code (resource, used, max)}, which the partitioner, the rule check and the
 * report all read (STYLE item 11). Capacities come from {@link Loihi1Limits#capacity}.
 */
public enum Loihi1Resource {
    /** Compartments, capped lower by long synaptic delays (loihi1.md §1.6). */
    COMPARTMENTS("compartments", "compartments"),
    /** Input axons: synapse-map entries; learning axons take two. */
    INPUT_AXONS("input axons", "axons"),
    /** Output axon slots; pop32 axons take two. */
    OUTPUT_AXONS("output axons", "axon slots"),
    /** Synaptic memory, summed {@code bits_per_axon} over input axons. */
    SYNAPSE_BITS("synaptic memory", "bits"),
    /** Distinct compartment profiles. */
    COMPARTMENT_PROFILES("compartment profiles", "profiles"),
    /** Distinct threshold profiles. */
    THRESHOLD_PROFILES("threshold profiles", "profiles"),
    /** Distinct synapse formats. */
    SYNAPSE_FORMATS("synapse formats", "formats"),
    /** Distinct STDP profiles. */
    STDP_PROFILES("STDP profiles", "profiles"),
    /** Distinct STDP pre profiles. */
    STDP_PRE_PROFILES("STDP pre profiles", "profiles"),
    /** Learning-rule microcode words. */
    LEARNING_MICROCODE_WORDS("learning microcode", "words"),
    /** Pre-trace (x1, x2, r1) configurations. */
    PRE_TRACE_CONFIGS("pre-trace configs", "configs"),
    /** Post-trace (y1..y3) configurations. */
    POST_TRACE_CONFIGS("post-trace configs", "configs"),
    /** Reward traces. */
    REWARD_TRACES("reward traces", "traces");

    private final String label;
    private final String unit;

    Loihi1Resource(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    /** The name reports print. */
    public String label() {
        return label;
    }

    /** The unit of used and max. */
    public String unit() {
        return unit;
    }
}
