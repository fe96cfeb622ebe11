package io.neuromap.backends.loihi1.config;

/**
 * The layout of a Loihi 1 config directory and of its {@code config.json}: file names, keys,
 * JSON pointers and sidecar names. The JSON codec and the reader and writer take every name from
 * here; the tables inside have their own descriptors ({@link Loihi1CompartmentTableDescriptor},
 * {@link Loihi1TreeEdgeTableDescriptor}, {@link Loihi1SynapseTableDescriptor},
 * {@link Loihi1OutputAxonTableDescriptor}, {@link Loihi1InitialStateTableDescriptor},
 * {@link Loihi1SpikeStimulusDescriptor},
 * {@link Loihi1CurrentStimulusDescriptor}, {@link Loihi1ProbeTargetDescriptor},
 * {@link Loihi1OriginTableDescriptor}). {@code docs/config-loihi1.md} documents every field.
 *
 * <pre>
 * out/
 * +-- config.json                      structure (schema: config.schema.json in the jar)
 * |   {
 * |     "format": "neuromap-loihi1-config", "version": 1, "target": "loihi1",
 * |     "system": {"name", "chips"}, "arithmetic": "nengo-loihi" | "lava",
 * |     "dt", "steps", "seed",
 * |     "chips": [ {"id", "cores": [ {
 * |         "id", "compartments", "input_axons",
 * |         "singletons": {"vmin_exp", "vmax_exp", "ds_offset", "dm_offset", "delay_bits"},
 * |         "compartment_profiles": [ {"decay_u", "decay_v", "refract_delay", "thresh_op",
 * |                                    "join_op", "stack_in", "stack_out", "bap_sources",
 * |                                    "bap_actions"} ],
 * |         "threshold_profiles":   [ {"vth_mant"} ],
 * |         "compartment_table":    TABLE cx_profile vth_profile bias_mant bias_exp
 * |         "tree_edges":           TABLE child parent port
 * |         "synapse_formats":      [ {"id", "num_weight_bits", "sign_mode", "weight_exp",
 * |                                    "num_delay_bits", "num_tag_bits", "compression",
 * |                                    "num_index_bits", "synapses_per_chunk"} ],
 * |         "synapses":             TABLE axon synapse_format compartment weight delay
 * |         "output_axons":         TABLE compartment chip core axon,
 * |         "initial_state":        TABLE compartment u v        (optional) } ] } ],
 * |     "stimuli": {"spikes":  TABLE step chip core axon,
 * |                 "current": {"scale": "lava_raw" | "nengo_full",
 * |                             "table": TABLE step chip core compartment value}},
 * |     "probes": [ {"name", "variable", "every", "targets": TABLE chip core compartment} ],
 * |     "origin": {"populations": [ {"name", "size"} ], "compartment_names": [ ... ],
 * |                "table": TABLE chip core compartment population neuron compartment_name}
 * |   }
 * +-- chip0_core0_synapses.npy         TABLE sidecars: C order, little-endian, [rows, columns]
 * +-- stimuli_spikes.npy
 * +-- origin.npy  ...
 *
 * TABLE = {"columns": [names], "rows": [[...], ...]}                        (inline)
 *       | {"columns": [names], "file": "x.npy", "dtype": "&lt;i2", "shape": [rows, columns]}
 * </pre>
 */
public final class Loihi1ConfigDescriptor {

    /** The value of {@code "format"}. */
    public static final String FORMAT = "neuromap-loihi1-config";

    /** The format version this code reads and writes. */
    public static final int VERSION = 1;

    /** The value of {@code "target"}. */
    public static final String TARGET = "loihi1";

    /** The structure file's name in a config directory. */
    public static final String CONFIG_FILE = "config.json";

    /**
     * Tables with at most this many rows are written inline, unless their descriptor always uses
     * a sidecar (synapses, stimuli, origin); readers accept either form for every table.
     */
    public static final int INLINE_MAX_ROWS = 64;

    /** What probe names may contain: the emulator names output files after them. */
    public static final String PROBE_NAME_PATTERN = "[A-Za-z0-9_.-]+";

    /** The widest table (the origin table), for row buffers. */
    public static final int MAX_TABLE_WIDTH = 6;

    /** Problems listed per table before the rest are counted only. */
    public static final int MAX_ROW_PROBLEMS_PER_TABLE = 10;

    // Top-level keys.
    public static final String K_FORMAT = "format";
    public static final String K_VERSION = "version";
    public static final String K_TARGET = "target";
    public static final String K_SYSTEM = "system";
    public static final String K_NAME = "name";
    public static final String K_CHIPS = "chips";
    public static final String K_ARITHMETIC = "arithmetic";
    public static final String K_DT = "dt";
    public static final String K_STEPS = "steps";
    public static final String K_SEED = "seed";
    public static final String K_STIMULI = "stimuli";
    public static final String K_PROBES = "probes";
    public static final String K_ORIGIN = "origin";

    // Chip and core keys.
    public static final String K_ID = "id";
    public static final String K_CORES = "cores";
    public static final String K_COMPARTMENTS = "compartments";
    public static final String K_INPUT_AXONS = "input_axons";
    public static final String K_SINGLETONS = "singletons";
    public static final String K_COMPARTMENT_PROFILES = "compartment_profiles";
    public static final String K_THRESHOLD_PROFILES = "threshold_profiles";
    public static final String K_COMPARTMENT_TABLE = "compartment_table";
    public static final String K_TREE_EDGES = "tree_edges";
    public static final String K_SYNAPSE_FORMATS = "synapse_formats";
    public static final String K_SYNAPSES = "synapses";
    public static final String K_OUTPUT_AXONS = "output_axons";
    /** Optional in version 1: a core without it starts every compartment at u = v = 0. */
    public static final String K_INITIAL_STATE = "initial_state";

    // Singleton keys.
    public static final String K_VMIN_EXP = "vmin_exp";
    public static final String K_VMAX_EXP = "vmax_exp";
    public static final String K_DS_OFFSET = "ds_offset";
    public static final String K_DM_OFFSET = "dm_offset";
    public static final String K_DELAY_BITS = "delay_bits";

    // Compartment-profile keys.
    public static final String K_DECAY_U = "decay_u";
    public static final String K_DECAY_V = "decay_v";
    public static final String K_REFRACT_DELAY = "refract_delay";
    public static final String K_THRESH_OP = "thresh_op";
    public static final String K_JOIN_OP = "join_op";
    public static final String K_STACK_IN = "stack_in";
    public static final String K_STACK_OUT = "stack_out";
    public static final String K_BAP_SOURCES = "bap_sources";
    public static final String K_BAP_ACTIONS = "bap_actions";

    // Threshold-profile key.
    public static final String K_VTH_MANT = "vth_mant";

    // Synapse-format keys.
    public static final String K_NUM_WEIGHT_BITS = "num_weight_bits";
    public static final String K_SIGN_MODE = "sign_mode";
    public static final String K_WEIGHT_EXP = "weight_exp";
    public static final String K_NUM_DELAY_BITS = "num_delay_bits";
    public static final String K_NUM_TAG_BITS = "num_tag_bits";
    public static final String K_COMPRESSION = "compression";
    public static final String K_NUM_INDEX_BITS = "num_index_bits";
    public static final String K_SYNAPSES_PER_CHUNK = "synapses_per_chunk";

    /** Spelling of {@link io.neuromap.backends.loihi1.Loihi1Limits#COMPRESSION_SPARSE}. */
    public static final String COMPRESSION_SPARSE = "sparse";
    /** Spelling of {@link io.neuromap.backends.loihi1.Loihi1Limits#COMPRESSION_DENSE}. */
    public static final String COMPRESSION_DENSE = "dense";

    // Stimuli, probes, origin keys.
    public static final String K_SPIKES = "spikes";
    public static final String K_CURRENT = "current";
    public static final String K_SCALE = "scale";
    public static final String K_TABLE = "table";
    public static final String K_VARIABLE = "variable";
    public static final String K_EVERY = "every";
    public static final String K_TARGETS = "targets";
    public static final String K_POPULATIONS = "populations";
    public static final String K_SIZE = "size";
    public static final String K_COMPARTMENT_NAMES = "compartment_names";

    // Table keys.
    public static final String K_COLUMNS = "columns";
    public static final String K_ROWS = "rows";
    public static final String K_FILE = "file";
    public static final String K_DTYPE = "dtype";
    public static final String K_SHAPE = "shape";

    private Loihi1ConfigDescriptor() {
    }

    /** JSON pointer of the {@code chipIndex}-th chip entry. */
    public static String chipPointer(int chipIndex) {
        return "/" + K_CHIPS + "/" + chipIndex;
    }

    /** JSON pointer of the {@code coreIndex}-th core entry of the {@code chipIndex}-th chip entry. */
    public static String corePointer(int chipIndex, int coreIndex) {
        return chipPointer(chipIndex) + "/" + K_CORES + "/" + coreIndex;
    }

    /** JSON pointer of the spike stimulus table. */
    public static String spikesPointer() {
        return "/" + K_STIMULI + "/" + K_SPIKES;
    }

    /** JSON pointer of the current stimulus table. */
    public static String currentPointer() {
        return "/" + K_STIMULI + "/" + K_CURRENT + "/" + K_TABLE;
    }

    /** JSON pointer of the {@code index}-th probe. */
    public static String probePointer(int index) {
        return "/" + K_PROBES + "/" + index;
    }

    /** JSON pointer of the origin table. */
    public static String originPointer() {
        return "/" + K_ORIGIN + "/" + K_TABLE;
    }

    /** Sidecar name of a core table: {@code chip3_core17_synapses.npy}. */
    public static String coreSidecar(int chipId, int coreId, String table) {
        return "chip" + chipId + "_core" + coreId + "_" + table + ".npy";
    }

    /** Sidecar name of a stimulus table: {@code stimuli_spikes.npy}. */
    public static String stimulusSidecar(String kind) {
        return K_STIMULI + "_" + kind + ".npy";
    }

    /** Sidecar name of a probe's target table: {@code probe_v_soma_targets.npy}. */
    public static String probeSidecar(String probeName) {
        return "probe_" + probeName + "_" + K_TARGETS + ".npy";
    }

    /** Sidecar name of the origin table. */
    public static String originSidecar() {
        return K_ORIGIN + ".npy";
    }
}
