package io.neuromap.backends.loihi1.config;

/**
 * The on-disk layout of the config's optional {@code learning} section: its keys and JSON
 * pointers. Reader, writer and validator use only these names.
 *
 * <pre>
 * "learning": {
 *   "seed": 7,                                   stochastic rounding seed (default: the config's)
 *   "rules": [                                   stdp profiles, indexed from 0
 *     { "name": "ee",
 *       "dw": [ {"dependency": "y0", "mantissa": 1, "exponent": -2,
 *                "factors": [ {"variable": "x1", "constant": 0} ]} ],
 *       "dt": [ ... ],
 *       "x1": {"impulse": 20, "tau": 8}, "y1": {...}, "r1": {...} }   r1 only when read
 *   ],
 *   "cores": [
 *     { "chip": 0, "core": 1, "t_epoch": 2,
 *       "formats": [ {"format": 2, "rule": 0, "reward": 0} ],          format -> rule, channel
 *       "reward_axons": [ 17 ],                                        channel k <- input axon
 *       "rule_offsets": [ {"compartment": 5, "offset": 1} ] }          per-compartment profile
 *   ],
 *   "weight_probes": [ {"name": "w", "every": 100,
 *                       "synapses": [ {"chip": 0, "core": 1, "format": 2} ]} ]
 * }
 * </pre>
 */
public final class Loihi1LearningDescriptor {
    public static final String K_LEARNING = "learning";
    public static final String K_SEED = "seed";
    public static final String K_RULES = "rules";
    public static final String K_CORES = "cores";
    public static final String K_WEIGHT_PROBES = "weight_probes";
    public static final String K_NAME = "name";
    public static final String K_DW = "dw";
    public static final String K_DT = "dt";
    public static final String K_X1 = "x1";
    public static final String K_Y1 = "y1";
    public static final String K_R1 = "r1";
    public static final String K_IMPULSE = "impulse";
    public static final String K_TAU = "tau";
    public static final String K_DEPENDENCY = "dependency";
    public static final String K_MANTISSA = "mantissa";
    public static final String K_EXPONENT = "exponent";
    public static final String K_FACTORS = "factors";
    public static final String K_VARIABLE = "variable";
    public static final String K_CONSTANT = "constant";
    public static final String K_CHIP = "chip";
    public static final String K_CORE = "core";
    public static final String K_T_EPOCH = "t_epoch";
    public static final String K_FORMATS = "formats";
    public static final String K_FORMAT = "format";
    public static final String K_RULE = "rule";
    public static final String K_REWARD = "reward";
    public static final String K_REWARD_AXONS = "reward_axons";
    public static final String K_RULE_OFFSETS = "rule_offsets";
    public static final String K_COMPARTMENT = "compartment";
    public static final String K_OFFSET = "offset";
    public static final String K_EVERY = "every";
    public static final String K_SYNAPSES = "synapses";

    private Loihi1LearningDescriptor() {
    }

    /** Pointer of rule {@code r}. */
    public static String rulePointer(int r) {
        return "/" + K_LEARNING + "/" + K_RULES + "/" + r;
    }

    /** Pointer of learning core {@code c}. */
    public static String corePointer(int c) {
        return "/" + K_LEARNING + "/" + K_CORES + "/" + c;
    }

    /** Pointer of weight probe {@code p}. */
    public static String weightProbePointer(int p) {
        return "/" + K_LEARNING + "/" + K_WEIGHT_PROBES + "/" + p;
    }
}
