package io.neuromap.backends.loihi1;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every public limit of the Intel Loihi 1 chip, in one place, each with its unit and its source.
 *
 * <p>Why one class: nengo-loihi spreads its limits over four files and flags some of them as
 * unchecked in its own comments; a partitioner, a rule check, a quantizer and an emulator that
 * each carry their own copy drift apart. Here the hardware facts are {@code static final}
 * constants (so the fixed-point kernels can use them as compile-time constants in hot loops), and
 * an instance of this record is the <em>data</em> that rules, the resource model and the
 * {@code neuromap targets loihi1} table read: it adds the chosen system (how many chips) and the
 * synapse-format table size (the full 15 formats, or the 7 that public compilers use).
 *
 * <p>Sources are cited as in {@code specs/loihi1.md} §0 and {@code
 * specs/loihi1-compartments-reward.md} §0. Where §1.2 of the first spec and §1.6 disagree on the
 * per-core profile tables, §1.6 (settled by the second spec's §3) wins, as that spec says.
 *
 * <p>Convention: "bits" constants without a sign qualifier count magnitude bits and exclude the
 * sign, as nengo-loihi's {@code Q_BITS} and {@code U_BITS} do.
 *
 * @param system the system the network is mapped onto (number of chips)
 * @param synapseFormats which synapse-format table size the partitioner may use per core
 */
public record Loihi1Limits(Loihi1System system, SynapseFormatTable synapseFormats) {

    // ------------------------------------------------------------------------------------------
    // Chip

    /**
     * Neuromorphic cores per chip (count).
     *
     * @see "loihi1.md §1.1; Davies18 p. 86; nengo-loihi hardware/allocators.py cores_per_chip"
     */
    public static final int CORES_PER_CHIP = 128;

    /**
     * Embedded x86 (Lakemont) management cores per chip (count); they run no compartments.
     *
     * @see "loihi1.md §1.1; Davies18 p. 86"
     */
    public static final int EMBEDDED_X86_CORES_PER_CHIP = 3;

    /**
     * Tiles per chip (count), each holding {@link #CORES_PER_TILE} cores. INFERRED from Davies18
     * Table 2 ("per tile", "1-32 tiles").
     *
     * @see "loihi1.md §1.1; Davies18 Table 2; SANA-FE arch/loihi.yaml"
     */
    public static final int TILES_PER_CHIP = 32;

    /**
     * Neuromorphic cores per tile (count).
     *
     * @see "loihi1.md §1.1 (INFERRED: 32 tiles x 4 cores)"
     */
    public static final int CORES_PER_TILE = 4;

    /**
     * Columns of the on-chip tile mesh (tiles), as SANA-FE models it.
     *
     * @see "loihi1.md §1.1; SANA-FE arch/loihi.yaml (8 x 4 tile mesh)"
     */
    public static final int TILE_MESH_COLUMNS = 8;

    /**
     * Rows of the on-chip tile mesh (tiles), as SANA-FE models it.
     *
     * @see "loihi1.md §1.1; SANA-FE arch/loihi.yaml (8 x 4 tile mesh)"
     */
    public static final int TILE_MESH_ROWS = 4;

    /**
     * Cores the hierarchical mesh address can name on one chip (count); more than a chip has.
     *
     * @see "loihi1.md §1.1; Davies18 p. 86 (up to 4096 on-chip cores)"
     */
    public static final int MESH_ADDRESSABLE_CORES_PER_CHIP = 4096;

    /**
     * Chips the hierarchical addressing can name (count): the upper bound for {@code --chips N}.
     *
     * @see "loihi1.md §1.1; Davies18 p. 86 (16,384 chips)"
     */
    public static final int MAX_CHIPS = 16384;

    /**
     * Compartments per core (count) when the longest synaptic delay into the core is at most
     * {@link #MAX_DELAY_FIELD_FULL_CORE}; fewer with longer delays, see {@link
     * #compartmentsPerCoreForDelay(int)}.
     *
     * @see "loihi1.md §1.1; Davies18 p. 89 constraint 1; nengo-loihi block.py MAX_COMPARTMENTS"
     */
    public static final int COMPARTMENTS_PER_CORE = 1024;

    /**
     * Compartments (neurons) per chip (count).
     *
     * @see "loihi1.md §1.1; Davies21 (131,072 neurons per chip)"
     */
    public static final int COMPARTMENTS_PER_CHIP = CORES_PER_CHIP * COMPARTMENTS_PER_CORE;

    /**
     * Input axons ("distribution lists", synapse-map entries) per core (count). A learning axon
     * takes {@link #LEARNING_AXON_MAP_SLOTS} of them.
     *
     * @see "loihi1.md §1.1; Davies18 p. 89 constraint 4; nengo-loihi block.py MAX_IN_AXONS"
     */
    public static final int INPUT_AXONS_PER_CORE = 4096;

    /**
     * Output axon slots (core-to-core fan-out edges) per core (count). A pop32 axon takes
     * {@link #POP32_AXON_SLOTS} of them.
     *
     * @see "loihi1.md §1.1, §1.3; Davies18 p. 89 constraint 3; nengo-loihi block.py MAX_OUT_AXONS"
     */
    public static final int OUTPUT_AXONS_PER_CORE = 4096;

    /**
     * Words of synaptic memory per core (count of {@link #SYNAPSE_WORD_BITS}-bit words).
     *
     * @see "loihi1.md §1.1; loihi1-compartments-reward.md §3.1 (synapse_mem 16384 x 64 bits)"
     */
    public static final int SYNAPSE_WORDS_PER_CORE = 16384;

    /**
     * Width of one synaptic-memory word (bits); every synapse chunk is rounded up to it.
     *
     * @see "loihi1.md §1.2; nengo-loihi block.py SynapseConfig.bits_per_axon"
     */
    public static final int SYNAPSE_WORD_BITS = 64;

    /**
     * Synaptic memory per core (bits): the budget for the sum of {@code bits_per_axon} over the
     * core's input axons. 1,048,576 bits = 128 KB.
     *
     * @see "loihi1.md §1.1, §1.2; Davies18 p. 89 constraint 2; nengo-loihi MAX_SYNAPSE_BITS"
     */
    public static final int SYNAPSE_BITS_PER_CORE = SYNAPSE_WORDS_PER_CORE * SYNAPSE_WORD_BITS;

    /**
     * Routing tables per core (kB).
     *
     * @see "loihi1.md §1.1; Davies18 p. 92; Davies21"
     */
    public static final int ROUTING_TABLE_KILOBYTES_PER_CORE = 20;

    /**
     * Total SRAM per core including ECC (Mb).
     *
     * @see "loihi1.md §1.1; Davies18 p. 92"
     */
    public static final int SRAM_MEGABITS_PER_CORE = 2;

    /**
     * Total SRAM per chip (MB).
     *
     * @see "loihi1.md §1.1; Davies18 p. 95"
     */
    public static final int SRAM_MEGABYTES_PER_CHIP = 33;

    /**
     * Compartments updated together (count): a core updates {@code ceil(n / 4)} groups per step.
     *
     * @see "loihi1.md §1.1; nengo-loihi hardware/builder.py numUpdates; NxDocs num_updates"
     */
    public static final int COMPARTMENT_UPDATE_GROUP = 4;

    // ------------------------------------------------------------------------------------------
    // Per-core profile tables (settled, §1.6)

    /**
     * Compartment profiles per core (count). Two compartments share one only if decays,
     * refractory delay, threshold op, join op, stack in/out, bAP, noise enable and axon-delay
     * enable are all equal; bias is per compartment and costs nothing.
     *
     * @see "loihi1.md §1.6; loihi1-compartments-reward.md §3.1, §3.3 (cx_profile_cfg, 5-bit pointer)"
     */
    public static final int COMPARTMENT_PROFILES_PER_CORE = 32;

    /**
     * Threshold profiles per core (count); beyond that, per-compartment thresholds (UseSomaVth)
     * or a split.
     *
     * @see "loihi1.md §1.6; loihi1-compartments-reward.md §3.1, §3.3 (vth_profile_cfg, 3-bit pointer)"
     */
    public static final int THRESHOLD_PROFILES_PER_CORE = 8;

    /**
     * Synapse-format table entries per core (count), of which entry 0 is illegal.
     *
     * @see "loihi1-compartments-reward.md §3.1 (synapse_fmt Size: 16; SynapseFmt[0] is illegal)"
     */
    public static final int SYNAPSE_FORMAT_ENTRIES_PER_CORE = 16;

    /**
     * Usable synapse formats per core (count).
     *
     * @see "loihi1.md §1.6; loihi1-compartments-reward.md §3.3"
     */
    public static final int SYNAPSE_FORMATS_PER_CORE = SYNAPSE_FORMAT_ENTRIES_PER_CORE - 1;

    /**
     * Synapse formats per core that public compilers use (count): the compatibility setting.
     *
     * @see "loihi1-compartments-reward.md §3.3; nengo-loihi MAX_SYNAPSE_CFGS = 8 with index 0 unused;
     *     nrc-models dnn maxNumSynFmt = 7"
     */
    public static final int SYNAPSE_FORMATS_PER_CORE_COMPAT = 7;

    /**
     * STDP (learning) profiles per core (count).
     *
     * @see "loihi1.md §1.6; loihi1-compartments-reward.md §3.1 (stdp_profile_cfg Size: 16)"
     */
    public static final int STDP_PROFILES_PER_CORE = 16;

    /**
     * STDP pre profiles per core (count).
     *
     * @see "loihi1.md §1.6; loihi1-compartments-reward.md §3.1 (stdp_pre_profile_cfg Size: 16)"
     */
    public static final int STDP_PRE_PROFILES_PER_CORE = 16;

    /**
     * Learning-rule microcode words per core (count); all of a core's rules must fit.
     *
     * @see "loihi1.md §1.6; loihi1-compartments-reward.md §3.1 (stdp_ucode_mem)"
     */
    public static final int LEARNING_MICROCODE_WORDS_PER_CORE = 16;

    /**
     * Pre-trace configurations (x1, x2, r1 dynamics) per core (count).
     *
     * @see "loihi1.md §1.6; loihi1-compartments-reward.md §3.1 (stdp_pre_cfg); nengo-loihi validate_core"
     */
    public static final int PRE_TRACE_CONFIGS_PER_CORE = 3;

    /**
     * Post-trace configurations (y1..y3 dynamics) per core (count).
     *
     * @see "loihi1.md §1.6; loihi1-compartments-reward.md §3.1 (stdp_post_cfg)"
     */
    public static final int POST_TRACE_CONFIGS_PER_CORE = 4;

    /**
     * Reward traces (reward axons) per core (count).
     *
     * @see "loihi1.md §1.6; loihi1-compartments-reward.md §3.1, §4 fact 20"
     */
    public static final int REWARD_TRACES_PER_CORE = 4;

    /**
     * First reward-axon id (axon id); reward axon k is INFERRED to be this plus k.
     *
     * @see "loihi1-compartments-reward.md §4 fact 20; NxTut h_reward_trace"
     */
    public static final int REWARD_AXON_ID_BASE = 4096;

    /**
     * Depth of the per-core compartment stack (entries): dendritic trees are binary.
     *
     * @see "loihi1-compartments-reward.md §1.1; NxDocs multicompartment"
     */
    public static final int COMPARTMENT_STACK_DEPTH = 2;

    // ------------------------------------------------------------------------------------------
    // Dendritic accumulators and synaptic delay (§1.6)

    /**
     * Dendritic (delay-line) accumulators per core (count); each compartment needs
     * {@code 2^delayBits} of them, so long delays cap the compartment count.
     *
     * @see "loihi1.md §1.6; loihi1-compartments-reward.md §3.4; NxDocs dendrite_accum_cfg"
     */
    public static final int DENDRITIC_ACCUMULATORS_PER_CORE = 8192;

    /**
     * Width of one dendritic accumulator entry (bits, including sign): in units of 2^6 it spans
     * ±(2^21 - 2^6), which matches {@link #Q_BITS}.
     *
     * @see "loihi1-compartments-reward.md §3.4 (NxHdr DendriteAccumEntry; INFERRED range)"
     */
    public static final int DENDRITIC_ACCUMULATOR_BITS = 16;

    /**
     * Smallest useful per-core {@code delayBits} (bits): 8 accumulators per compartment, which
     * still allows all {@link #COMPARTMENTS_PER_CORE} compartments. nengo-loihi always uses it.
     *
     * @see "loihi1-compartments-reward.md §3.4 (numDendriticAccumulators in {8, 16, 32, 64})"
     */
    public static final int DELAY_BITS_MIN = 3;

    /**
     * Largest per-core {@code delayBits} (bits): the 4-bit field's 7 "is interpreted as 6".
     *
     * @see "loihi1-compartments-reward.md §3.4; NxDocs dendrite_accum_cfg"
     */
    public static final int DELAY_BITS_MAX = 6;

    /**
     * Longest synaptic delay field (steps) that keeps all {@link #COMPARTMENTS_PER_CORE}
     * compartments: {@code 2^DELAY_BITS_MIN - 2}.
     *
     * @see "loihi1.md §1.6 (6 -> 1024); Davies18 p. 92"
     */
    public static final int MAX_DELAY_FIELD_FULL_CORE = (1 << DELAY_BITS_MIN) - 2;

    /**
     * Longest synaptic delay field any core supports (steps): {@code 2^DELAY_BITS_MAX - 2}.
     *
     * @see "loihi1.md §1.6 (62 -> 128); Davies18 p. 92 (up to 62)"
     */
    public static final int MAX_DELAY_FIELD = (1 << DELAY_BITS_MAX) - 2;

    /**
     * Axon latency (steps): a spike fired in step k reaches the dendritic accumulators in step
     * k + 1, so a language delay of D steps uses the delay field D - 1.
     *
     * @see "DESIGN.md §The chip config contract; loihi1.md §2.2 (one-step axon delay)"
     */
    public static final int AXON_LATENCY_STEPS = 1;

    // ------------------------------------------------------------------------------------------
    // Compartment number formats (§1.1, §2)

    /**
     * Width of the current u and voltage v state registers (bits, including sign).
     *
     * @see "loihi1.md §1.1 (24-bit signed); loihi1-compartments-reward.md §3.1 (cx_state)"
     */
    public static final int STATE_BITS = 24;

    /**
     * Magnitude bits of the current u (bits, excluding sign); u wraps to [-2^23, 2^23).
     *
     * @see "loihi1.md §2.2; nengo-loihi builder/discretize.py U_BITS"
     */
    public static final int U_BITS = STATE_BITS - 1;

    /**
     * Magnitude bits of the dendritic (synaptic input) accumulator q (bits, excluding sign); q
     * wraps to [-2^21, 2^21).
     *
     * @see "loihi1.md §1.1, §2.2; nengo-loihi builder/discretize.py Q_BITS"
     */
    public static final int Q_BITS = 21;

    /**
     * Largest voltage magnitude (state units): 2^23 - 1. Lava saturates v at ±this; it is also
     * the largest vmax.
     *
     * @see "loihi1.md §2.1 (Lava saturation), §1.1 (vmax range)"
     */
    public static final int V_MAX = (1 << U_BITS) - 1;

    /**
     * Decay shift (bits): decays multiply by {@code 4096 - decay} and shift right by 12,
     * rounding toward zero.
     *
     * @see "loihi1.md §2; nengo-loihi decay_int bits=12; Lava decay_shift"
     */
    public static final int DECAY_BITS = 12;

    /**
     * Decay scale (dimensionless integer): 2^{@link #DECAY_BITS}; decay 4096 would forget fully.
     *
     * @see "loihi1.md §2"
     */
    public static final int DECAY_UNITY = 1 << DECAY_BITS;

    /**
     * Largest decayU / decayV register value (12-bit unsigned).
     *
     * @see "loihi1.md §1.1; nengo-loihi CompartmentConfig.DECAY_U_MAX/DECAY_V_MAX; hardware/validate.py"
     */
    public static final int DECAY_MAX = DECAY_UNITY - 1;

    /**
     * Current-decay offset (dsOffset, a 1-bit per-core register) that Lava's bit-accurate LIF and
     * nengo-loihi assume: the current decays by {@code 4096 - (decayU + 1)}.
     *
     * @see "loihi1.md §2.1 (ds_offset = 1), §2.2; loihi1-compartments-reward.md §3.2"
     */
    public static final int DECAY_U_OFFSET = 1;

    /**
     * Voltage-decay offset (dmOffset, a 1-bit per-core register) that both references assume.
     *
     * @see "loihi1.md §2.1 (dm_offset = 0); loihi1-compartments-reward.md §3.2"
     */
    public static final int DECAY_V_OFFSET = 0;

    /**
     * Threshold mantissa width (bits, unsigned).
     *
     * @see "loihi1.md §1.1; Lava PyLifModelBitAcc vth 17-bit; NxHdr SomaState vth 17"
     */
    public static final int VTH_MANTISSA_BITS = 17;

    /**
     * Largest threshold mantissa: 2^17 - 1 (the threshold must be positive).
     *
     * @see "loihi1.md §1.1, §1.3; nengo-loihi VTH_MAN_MAX; hardware/validate.py 0 < vth"
     */
    public static final int VTH_MANTISSA_MAX = (1 << VTH_MANTISSA_BITS) - 1;

    /**
     * Threshold exponent (bits of left shift): the full-scale threshold is mantissa x 2^6.
     *
     * @see "loihi1.md §1.1; nengo-loihi VTH_EXP; Lava vth_shift"
     */
    public static final int VTH_EXP = 6;

    /**
     * Largest full-scale threshold (state units): (2^17 - 1) x 2^6 = 8,388,544.
     *
     * @see "loihi1.md §2.3; nengo-loihi VTH_MAX"
     */
    public static final int VTH_MAX = VTH_MANTISSA_MAX << VTH_EXP;

    /**
     * Bias mantissa width (bits, including sign).
     *
     * @see "loihi1.md §1.1; Lava bias_mant 13 bits; loihi1-compartments-reward.md §1.2 (CxCfg)"
     */
    public static final int BIAS_MANTISSA_BITS = 13;

    /**
     * Largest bias mantissa magnitude: 2^12 - 1.
     *
     * @see "loihi1.md §1.1; nengo-loihi BIAS_MAN_MAX"
     */
    public static final int BIAS_MANTISSA_MAX = (1 << (BIAS_MANTISSA_BITS - 1)) - 1;

    /**
     * Smallest bias exponent (bits of left shift).
     *
     * @see "loihi1.md §1.1; nengo-loihi bias_to_manexp (exp >= 0)"
     */
    public static final int BIAS_EXP_MIN = 0;

    /**
     * Largest bias exponent (bits of left shift; a 3-bit field).
     *
     * @see "loihi1.md §1.1; nengo-loihi BIAS_EXP_MAX; Lava bias_exp 3 bits"
     */
    public static final int BIAS_EXP_MAX = 7;

    /**
     * Largest full-scale bias magnitude (state units): 4095 x 2^7 = 524,160.
     *
     * @see "loihi1.md §2.3; nengo-loihi BIAS_MAX"
     */
    public static final int BIAS_MAX = BIAS_MANTISSA_MAX << BIAS_EXP_MAX;

    /**
     * Smallest refractory delay (steps): 1 means no silent step after a spike.
     *
     * @see "loihi1.md §1.1, §1.3; nengo-loihi hardware/validate.py"
     */
    public static final int REFRACTORY_DELAY_MIN = 1;

    /**
     * Largest refractory delay (steps; a 6-bit field).
     *
     * @see "loihi1.md §1.1; nengo-loihi REFRACT_DELAY_MAX"
     */
    public static final int REFRACTORY_DELAY_MAX = 63;

    /**
     * Activation shift (bits): synaptic input enters q as {@code w_mant x 2^(6 + weight_exp)};
     * Lava shifts {@code a_in} left by it.
     *
     * @see "loihi1.md §1.2, §2.1 (act_shift = 6); nengo-loihi SynapseConfig.get_real_weight_exp"
     */
    public static final int ACTIVATION_SHIFT = 6;

    /**
     * Smallest per-core vmin exponent k (vmin = -2^k + 1; k = 0 gives vmin = 0).
     *
     * @see "loihi1.md §1.1; nengo-loihi discretize_compartment"
     */
    public static final int VMIN_EXP_MIN = 0;

    /**
     * Largest vmin exponent within the documented range [-2^23 + 1, 0].
     *
     * @see "loihi1.md §1.1; nengo-loihi block.py Compartment docstring (vmin range)"
     */
    public static final int VMIN_EXP_MAX = U_BITS;

    /**
     * Width of the vmin exponent register negVmLimit (bits); nengo-loihi clips the exponent to
     * {@code 2^5 - 1} although only exponents up to {@link #VMIN_EXP_MAX} stay in range.
     *
     * @see "loihi1-compartments-reward.md §3.1 (SharedCfg negVmLimit 5); nengo-loihi discretize_compartment"
     */
    public static final int VMIN_EXP_FIELD_BITS = 5;

    /**
     * Smallest per-core vmax exponent j (vmax = 2^(9 + 2j) - 1).
     *
     * @see "loihi1.md §1.1; nengo-loihi discretize_compartment"
     */
    public static final int VMAX_EXP_MIN = 0;

    /**
     * Largest vmax exponent j (a 3-bit register posVmLimit): vmax up to 2^23 - 1.
     *
     * @see "loihi1.md §1.1; loihi1-compartments-reward.md §3.1 (posVmLimit 3)"
     */
    public static final int VMAX_EXP_MAX = 7;

    /**
     * Base of the vmax formula (bits): vmax = 2^(9 + 2j) - 1, so the smallest vmax is 511.
     *
     * @see "loihi1.md §1.1"
     */
    public static final int VMAX_BASE_BITS = 9;

    /**
     * Smallest noise exponent nengo-loihi accepts (bits); below it, noise is switched off.
     *
     * @see "loihi1.md §1.3; nengo-loihi discretize_compartment"
     */
    public static final int NOISE_EXP_MIN = 1;

    /**
     * Largest noise exponent (bits).
     *
     * @see "loihi1.md §1.3 ('exceeds upper limit (%d > 23)'); nengo-loihi discretize_compartment"
     */
    public static final int NOISE_EXP_MAX = 23;

    // ------------------------------------------------------------------------------------------
    // Weights and synapse formats (§1.2, §1.3)

    /**
     * Weight mantissa width (bits, including the sign bit of mixed-sign formats).
     *
     * @see "loihi1.md §1.2"
     */
    public static final int WEIGHT_MANTISSA_BITS = 8;

    /**
     * Smallest weight mantissa on chip.
     *
     * @see "loihi1.md §1.2; nengo-loihi discretize_weights check_result"
     */
    public static final int WEIGHT_MANTISSA_MIN = -(1 << WEIGHT_MANTISSA_BITS);

    /**
     * Largest weight mantissa on chip.
     *
     * @see "loihi1.md §1.2; nengo-loihi discretize_weights check_result"
     */
    public static final int WEIGHT_MANTISSA_MAX = (1 << WEIGHT_MANTISSA_BITS) - 1;

    /**
     * Smallest weight exponent (bits of shift); the weight scale is 2^(6 + weight_exp).
     *
     * @see "loihi1.md §1.2, §1.3; nengo-loihi validate_synapse_cfg"
     */
    public static final int WEIGHT_EXP_MIN = -7;

    /**
     * Largest weight exponent (bits of shift).
     *
     * @see "loihi1.md §1.2, §1.3; nengo-loihi validate_synapse_cfg"
     */
    public static final int WEIGHT_EXP_MAX = 7;

    /**
     * Smallest weight exponent nengo-loihi gives a synapse whose weights are much smaller than its
     * block's largest.
     *
     * @see "loihi1.md §2.3; nengo-loihi discretize_synapse (max(w_exp - dw_exp, -6))"
     */
    public static final int SYNAPSE_WEIGHT_EXP_FLOOR = -6;

    /**
     * Full scale of weights entering {@code discretize_weights} (weight units): the block's
     * largest weight is scaled to 255.
     *
     * @see "loihi1.md §2.3 (w_scale = 255 / w_max); nengo-loihi discretize_compartment"
     */
    public static final int WEIGHT_FULL_SCALE = WEIGHT_MANTISSA_MAX;

    /**
     * Smallest weight precision the chip offers (bits).
     *
     * @see "loihi1.md §1.1; Davies18 p. 87 (1-9 bits, signed or unsigned)"
     */
    public static final int WEIGHT_PRECISION_BITS_MIN = 1;

    /**
     * Largest weight precision the chip offers (bits, including sign).
     *
     * @see "loihi1.md §1.1; Davies18 p. 87"
     */
    public static final int WEIGHT_PRECISION_BITS_MAX = 9;

    /**
     * Smallest synapse-format weight-bits code (the code, not bits; see {@link
     * #weightBitsOfCode(int)}).
     *
     * @see "loihi1.md §1.3; nengo-loihi validate_synapse_cfg (1 <= weight_bits < 8)"
     */
    public static final int WEIGHT_BITS_CODE_MIN = 1;

    /**
     * Largest weight-bits code: 7, which stores 8 bits. nengo-loihi always uses it.
     *
     * @see "loihi1.md §1.2, §1.3"
     */
    public static final int WEIGHT_BITS_CODE_MAX = 7;

    /**
     * Largest index-bits code (code; see {@link #indexBitsOfCode(int)}).
     *
     * @see "loihi1.md §1.3; nengo-loihi validate_synapse_cfg (0 <= idx_bits < 8)"
     */
    public static final int INDEX_BITS_CODE_MAX = 7;

    /**
     * Largest per-synapse delay field width in a synapse format (bits).
     *
     * @see "loihi1.md §1.3; nengo-loihi validate_synapse_cfg (0 <= delay_bits < 8)"
     */
    public static final int SYNAPSE_DELAY_BITS_MAX = 7;

    /**
     * Largest per-synapse tag field width in a synapse format (bits).
     *
     * @see "loihi1.md §1.3; nengo-loihi validate_synapse_cfg (0 <= tag_bits < 4)"
     */
    public static final int SYNAPSE_TAG_BITS_MAX = 3;

    /**
     * Largest index offset and index multiplier of a synapse format (4-bit fields).
     *
     * @see "loihi1.md §1.3; nengo-loihi validate_synapse_cfg (idx_offset, idx_mult < 16)"
     */
    public static final int SYNAPSE_INDEX_OFFSET_MAX = 15;

    /**
     * Smallest fanout type of a synapse format (1 = mixed sign).
     *
     * @see "loihi1.md §1.2, §1.3; nengo-loihi SynapseConfig.is_mixed"
     */
    public static final int FANOUT_TYPE_MIN = 1;

    /**
     * Largest fanout type of a synapse format.
     *
     * @see "loihi1.md §1.3; nengo-loihi validate_synapse_cfg (1 <= fanout_type < 4)"
     */
    public static final int FANOUT_TYPE_MAX = 3;

    /**
     * Fanout type of mixed-sign weights: the sign costs one bit of weight precision.
     *
     * @see "loihi1.md §1.2 (shift_bits = 8 - real_weight_bits + is_mixed)"
     */
    public static final int FANOUT_TYPE_MIXED = 1;

    /**
     * Synapse-format compression code of sparse synapses: each weight stores its target index.
     *
     * @see "loihi1.md §1.2; nengo-loihi SynapseConfig.bits_per_axon"
     */
    public static final int COMPRESSION_SPARSE = 0;

    /**
     * Synapse-format compression code of dense synapses: no index per weight.
     *
     * @see "loihi1.md §1.2; nengo-loihi SynapseConfig.bits_per_axon"
     */
    public static final int COMPRESSION_DENSE = 3;

    /**
     * Chunk header: synapse-format index field (bits) paid once per chunk.
     *
     * @see "loihi1.md §1.2; nengo-loihi bits_per_axon (synapse_idx_bits = 4)"
     */
    public static final int SYNAPSE_CHUNK_FORMAT_BITS = 4;

    /**
     * Chunk header: synapse count field (bits) paid once per chunk.
     *
     * @see "loihi1.md §1.2; nengo-loihi bits_per_axon (n_synapses_bits = 6)"
     */
    public static final int SYNAPSE_CHUNK_COUNT_BITS = 6;

    /**
     * Largest {@code n_synapses} field of a synapse format (a 6-bit count); a chunk holds
     * {@code n_synapses + 1} weights.
     *
     * @see "loihi1.md §1.2; nengo-loihi bits_per_axon (n_synapses_bits = 6)"
     */
    public static final int SYNAPSES_PER_CHUNK_FIELD_MAX = (1 << SYNAPSE_CHUNK_COUNT_BITS) - 1;

    /**
     * Synapse words one axon's list can span (words; INFERRED from the 8-bit Len field).
     *
     * @see "loihi1-compartments-reward.md §3.5 (nrc-models maxNumSynMemWordsPerAxon = 256)"
     */
    public static final int SYNAPSE_WORDS_PER_AXON_MAX = 256;

    /**
     * Exclusive upper bound of a population axon's compartment base (compartment index):
     * Pop16MapEntry.CxBase is 8 bits.
     *
     * @see "loihi1.md §1.2, §1.3; loihi1-compartments-reward.md §3.5; nengo-loihi max_compartment_offset"
     */
    public static final int POP_COMPARTMENT_BASE_LIMIT = 256;

    /**
     * Required divisor of pop16 compartment bases (compartments).
     *
     * @see "loihi1.md §1.2, §1.3 ('Pop16 axons must have all compartment bases modulo 4')"
     */
    public static final int POP16_COMPARTMENT_BASE_MULTIPLE = 4;

    /**
     * Output-axon (axon_cfg) slots one pop32 axon takes (slots).
     *
     * @see "loihi1.md §1.2, §1.3; nengo-loihi Axon.slots_per_axon"
     */
    public static final int POP32_AXON_SLOTS = 2;

    /**
     * Axon id width of discrete axons (bits).
     *
     * @see "loihi1.md §1.2; nengo-loihi Synapse.axon_bits"
     */
    public static final int AXON_ID_BITS = 12;

    /**
     * Axon id width of pop16 axons before extra atom bits are taken from it (bits).
     *
     * @see "loihi1.md §1.2; nengo-loihi Synapse.axon_bits"
     */
    public static final int POP16_AXON_ID_BITS = 10;

    /**
     * Input-axon (synapse-map) slots one learning axon takes (slots).
     *
     * @see "loihi1.md §1.2; nengo-loihi Synapse.idxs_per_synapse"
     */
    public static final int LEARNING_AXON_MAP_SLOTS = 2;

    // ------------------------------------------------------------------------------------------
    // Learning (only the numbers the discretizer and validator need)

    /**
     * Longest learning epoch (steps; a 6-bit tEpoch).
     *
     * @see "loihi1.md §1.1; Davies18 p. 91; loihi1-compartments-reward.md §3.2"
     */
    public static final int LEARNING_EPOCH_MAX_STEPS = 63;

    /**
     * Magnitude bits of the learning accumulator (bits, excluding sign).
     *
     * @see "nengo-loihi builder/discretize.py LEARN_BITS"
     */
    public static final int LEARN_BITS = 15;

    /**
     * Extra least-significant weight bits used while learning (bits).
     *
     * @see "nengo-loihi builder/discretize.py LEARN_FRAC"
     */
    public static final int LEARN_FRAC = 7;

    /**
     * Largest integer part of a trace increment (trace units).
     *
     * @see "loihi1.md §1.3 ('Trace increment exceeds upper limit'); nengo-loihi discretize_synapse"
     */
    public static final int TRACE_MAGNITUDE_INT_MAX = 127;

    /**
     * Denominator of the fractional part of a trace increment (count).
     *
     * @see "nengo-loihi tracing_mag_int_frac"
     */
    public static final int TRACE_MAGNITUDE_FRACTION_SCALE = 128;

    /**
     * Largest PES error magnitude the chip accepts (error units).
     *
     * @see "loihi1.md §1.3 ('Received PES error greater than chip max'); nengo-loihi scale_pes_errors"
     */
    public static final int PES_ERROR_MAX = 127;

    /**
     * Smallest learning-rate exponent (bits).
     *
     * @see "nengo-loihi discretize_synapse (assert lr_exp >= -7)"
     */
    public static final int LEARNING_RATE_EXP_MIN = -7;

    /**
     * Smallest signed mantissa of a sum-of-products scale (a 4-bit signed field).
     *
     * @see "loihi1.md §3.2 (W_S_MANT = 4; 'Mantissa magnitude too large': [-8, 8))"
     */
    public static final int LEARNING_SCALE_MANTISSA_MIN = -8;

    /**
     * Largest signed mantissa of a sum-of-products scale.
     *
     * @see "loihi1.md §3.2 (W_S_MANT = 4)"
     */
    public static final int LEARNING_SCALE_MANTISSA_MAX = 7;

    /**
     * Smallest exponent of a sum-of-products scale (stored as exponent + 7).
     *
     * @see "loihi1.md §3.2 ('Exponent of scaling constant exponent must within -7 and 9.')"
     */
    public static final int LEARNING_SCALE_EXP_MIN = -7;

    /**
     * Largest exponent of a sum-of-products scale.
     *
     * @see "loihi1.md §3.2 (exponent in [-7, 8])"
     */
    public static final int LEARNING_SCALE_EXP_MAX = 8;

    /**
     * Smallest constant C of a product factor {@code (V + C)} (signed 8 bits).
     *
     * @see "loihi1.md §3.1 (signed constants C_ij), §3.2 (W_CONST = 8)"
     */
    public static final int LEARNING_CONSTANT_MIN = -128;

    /**
     * Largest constant C of a product factor.
     *
     * @see "loihi1.md §3.2 (W_CONST = 8)"
     */
    public static final int LEARNING_CONSTANT_MAX = 127;

    /**
     * Largest decimation k of a {@code uk} dependency (the stdp profile's 3-bit decimateExp).
     *
     * @see "loihi1-compartments-reward.md §3.1 (stdp_profile_cfg decimateExp, 3 bits)"
     */
    public static final int LEARNING_DECIMATION_MAX = 7;

    /**
     * Largest value of a 7-bit trace (x1, x2, y1..y3, r1) and of its impulse (trace units).
     *
     * @see "loihi1.md §3.2 (W_TRACE = 7); loihi1-compartments-reward.md §2.2 ('impulse values must be within 0..127')"
     */
    public static final int TRACE_MAX = 127;

    /**
     * Fraction steps of a trace impulse (count; 8 fractional bits).
     *
     * @see "loihi1.md §3.2 (W_TRACE_FRACTIONAL_PART = 8)"
     */
    public static final int TRACE_IMPULSE_FRACTION_SCALE = 256;

    /**
     * Smallest tag of a plastic synapse (tag_1 clamp).
     *
     * @see "loihi1.md §3.3 (tag_1: clamp [-257, 255])"
     */
    public static final int TAG_MIN = -257;

    /**
     * Largest tag of a plastic synapse.
     *
     * @see "loihi1.md §3.3 (tag_1: clamp [-257, 255]); Davies18 Table 1 (9-bit signed tag)"
     */
    public static final int TAG_MAX = 255;

    /**
     * Magnitude bits of the learning accumulator that a product's right shift keeps (bits).
     *
     * @see "loihi1.md §3.2 (W_ACCUMULATOR_U = 15), §3.3 (shift max(0, sum w_f + 4 - 15))"
     */
    public static final int LEARNING_ACCUMULATOR_BITS = 15;

    /**
     * Fraction bits of a synaptic variable in the learning accumulator: 16 - 9 (bits).
     *
     * @see "loihi1.md §3.3 (acc = w << 7)"
     */
    public static final int LEARNING_VARIABLE_SHIFT = 7;

    // ------------------------------------------------------------------------------------------
    // Systems (§1.5)

    /**
     * Chips on a Kapoho Bay USB system (count).
     *
     * @see "loihi1.md §1.5; lava magma/core/resources.py"
     */
    public static final int KAPOHO_BAY_CHIPS = 2;

    /**
     * Chips on a Nahuku board (count, at most).
     *
     * @see "loihi1.md §1.5; lava magma/core/resources.py"
     */
    public static final int NAHUKU_CHIPS = 32;

    /**
     * Chips in Pohoiki Springs (count; a 12 x 64 mesh).
     *
     * @see "loihi1.md §1.5; Frady20"
     */
    public static final int POHOIKI_SPRINGS_CHIPS = 768;

    /**
     * Rows of Pohoiki Springs' chip mesh (chips); placement lays the 768 chips out as 12 x 64.
     *
     * @see "loihi1.md §1.5; Frady20 (barrier sync over all 768 (12x64) chips)"
     */
    public static final int POHOIKI_SPRINGS_CHIP_ROWS = 12;

    /**
     * Columns of Pohoiki Springs' chip mesh (chips).
     *
     * @see "loihi1.md §1.5; Frady20 (barrier sync over all 768 (12x64) chips)"
     */
    public static final int POHOIKI_SPRINGS_CHIP_COLUMNS = POHOIKI_SPRINGS_CHIPS / POHOIKI_SPRINGS_CHIP_ROWS;

    // ------------------------------------------------------------------------------------------

    private static final int[] WEIGHT_BITS_BY_CODE = {0, 1, 2, 3, 4, 5, 6, 8};
    private static final int[] INDEX_BITS_BY_CODE = {0, 6, 7, 8, 9, 10, 11, 12};

    /** Which synapse-format table size the partitioner may fill per core. */
    public enum SynapseFormatTable {
        /** The hardware's 15 usable entries (16, entry 0 illegal). */
        FULL(SYNAPSE_FORMATS_PER_CORE),
        /** The 7 that nengo-loihi and NxSDK's DNN compiler use: configs built for them keep working. */
        COMPAT_7(SYNAPSE_FORMATS_PER_CORE_COMPAT);

        private final int formats;

        SynapseFormatTable(int formats) {
            this.formats = formats;
        }

        /** Usable synapse formats per core under this setting (count). */
        public int formats() {
            return formats;
        }
    }

    public Loihi1Limits {
        requireNonNull(system, "system is null");
        requireNonNull(synapseFormats, "synapseFormats is null");
    }

    /** The limits of one Loihi 1 chip with the full synapse-format table. */
    public static Loihi1Limits singleChip() {
        return new Loihi1Limits(Loihi1System.SINGLE_CHIP, SynapseFormatTable.FULL);
    }

    /** The limits of {@code system} with the full synapse-format table. */
    public static Loihi1Limits of(Loihi1System system) {
        return new Loihi1Limits(system, SynapseFormatTable.FULL);
    }

    /** These limits with another synapse-format table size. */
    public Loihi1Limits withSynapseFormats(SynapseFormatTable table) {
        return new Loihi1Limits(system, table);
    }

    /** Chips available (count). */
    public int chips() {
        return system.chips();
    }

    /** Neuromorphic cores available on all chips (count). */
    public long cores() {
        return (long) system.chips() * CORES_PER_CHIP;
    }

    /**
     * How much of {@code resource} one core holds: the capacity column of a utilization table.
     * Compartments are given for the short-delay case; see {@link #compartmentsPerCoreForDelay}.
     */
    public long capacity(Loihi1Resource resource) {
        requireNonNull(resource, "resource is null");
        switch (resource) {
            case COMPARTMENTS:
                return COMPARTMENTS_PER_CORE;
            case INPUT_AXONS:
                return INPUT_AXONS_PER_CORE;
            case OUTPUT_AXONS:
                return OUTPUT_AXONS_PER_CORE;
            case SYNAPSE_BITS:
                return SYNAPSE_BITS_PER_CORE;
            case COMPARTMENT_PROFILES:
                return COMPARTMENT_PROFILES_PER_CORE;
            case THRESHOLD_PROFILES:
                return THRESHOLD_PROFILES_PER_CORE;
            case SYNAPSE_FORMATS:
                return synapseFormats.formats();
            case STDP_PROFILES:
                return STDP_PROFILES_PER_CORE;
            case STDP_PRE_PROFILES:
                return STDP_PRE_PROFILES_PER_CORE;
            case LEARNING_MICROCODE_WORDS:
                return LEARNING_MICROCODE_WORDS_PER_CORE;
            case PRE_TRACE_CONFIGS:
                return PRE_TRACE_CONFIGS_PER_CORE;
            case POST_TRACE_CONFIGS:
                return POST_TRACE_CONFIGS_PER_CORE;
            case REWARD_TRACES:
                return REWARD_TRACES_PER_CORE;
            default:
                throw new IllegalStateException("no capacity for resource " + resource);
        }
    }

    /**
     * Real weight bits stored for a synapse-format weight-bits code:
     * {@code [0, 1, 2, 3, 4, 5, 6, 8][code]}.
     *
     * @throws IllegalArgumentException if {@code code} is not in 0..7
     * @see "loihi1.md §1.2; nengo-loihi SynapseConfig.WEIGHT_BITS_MAP"
     */
    public static int weightBitsOfCode(int code) {
        if (code < 0 || code >= WEIGHT_BITS_BY_CODE.length) {
            throw new IllegalArgumentException("weight-bits code must be 0.." + (WEIGHT_BITS_BY_CODE.length - 1)
                    + ", got " + code);
        }
        return WEIGHT_BITS_BY_CODE[code];
    }

    /**
     * Real index bits stored per sparse weight for an index-bits code:
     * {@code [0, 6, 7, 8, 9, 10, 11, 12][code]}; 12 bits address 4096 compartments.
     *
     * @throws IllegalArgumentException if {@code code} is not in 0..7
     * @see "loihi1.md §1.2; nengo-loihi SynapseConfig.INDEX_BITS_MAP"
     */
    public static int indexBitsOfCode(int code) {
        if (code < 0 || code >= INDEX_BITS_BY_CODE.length) {
            throw new IllegalArgumentException("index-bits code must be 0.." + (INDEX_BITS_BY_CODE.length - 1)
                    + ", got " + code);
        }
        return INDEX_BITS_BY_CODE[code];
    }

    /**
     * Smallest index-bits code whose real index bits address compartment indices
     * {@code 0..maxIndex}, as nengo-loihi's {@code Synapse.idx_bits}: with
     * {@code bits = ceil(log2(maxIndex + 1))}, the first code with {@code INDEX_BITS_MAP[code] >= bits}.
     *
     * @return the code, or -1 when more than 12 bits are needed (the block must be split first)
     * @throws IllegalArgumentException if {@code maxIndex < 0}
     * @see "loihi1.md §1.2; nengo-loihi block.py Synapse.idx_bits"
     */
    public static int indexBitsCodeFor(int maxIndex) {
        if (maxIndex < 0) {
            throw new IllegalArgumentException("maxIndex must be >= 0, got " + maxIndex);
        }
        int bits = maxIndex == 0 ? 0 : Integer.SIZE - Integer.numberOfLeadingZeros(maxIndex);
        for (int code = 0; code < INDEX_BITS_BY_CODE.length; code++) {
            if (INDEX_BITS_BY_CODE[code] >= bits) {
                return code;
            }
        }
        return -1;
    }

    /**
     * Per-core {@code delayBits} needed for a longest synaptic delay field of
     * {@code maxDelayField} steps: the smallest b in 3..6 with {@code 2^b - 2 >= maxDelayField}.
     *
     * @return the delay bits, or -1 when the delay exceeds {@link #MAX_DELAY_FIELD}
     * @see "loihi1-compartments-reward.md §3.4 (maximum delay = 2^delayBits - 2)"
     */
    public static int delayBitsForDelay(int maxDelayField) {
        if (maxDelayField < 0) {
            throw new IllegalArgumentException("maxDelayField must be >= 0, got " + maxDelayField);
        }
        for (int bits = DELAY_BITS_MIN; bits <= DELAY_BITS_MAX; bits++) {
            if ((1 << bits) - 2 >= maxDelayField) {
                return bits;
            }
        }
        return -1;
    }

    /**
     * Compartments a core can hold when the longest synaptic delay field into it is
     * {@code maxDelayField} steps: {@code min(1024, 8192 / 2^delayBits)}, i.e. 1024 / 512 / 256 /
     * 128 up to delays 6 / 14 / 30 / 62.
     *
     * @return the compartment cap, or 0 when no core supports the delay
     * @see "loihi1.md §1.6; loihi1-compartments-reward.md §3.4"
     */
    public static int compartmentsPerCoreForDelay(int maxDelayField) {
        int bits = delayBitsForDelay(maxDelayField);
        if (bits < 0) {
            return 0;
        }
        return Math.min(COMPARTMENTS_PER_CORE, DENDRITIC_ACCUMULATORS_PER_CORE >> bits);
    }

    /**
     * Longest synaptic delay field (steps) a core holding {@code compartments} compartments
     * supports.
     *
     * @return the longest delay field, or -1 when {@code compartments} exceeds
     *     {@link #COMPARTMENTS_PER_CORE}
     * @see "loihi1.md §1.6; loihi1-compartments-reward.md §3.4"
     */
    public static int maxDelayFieldForCompartments(int compartments) {
        if (compartments < 0) {
            throw new IllegalArgumentException("compartments must be >= 0, got " + compartments);
        }
        if (compartments > COMPARTMENTS_PER_CORE) {
            return -1;
        }
        int best = -1;
        for (int bits = DELAY_BITS_MIN; bits <= DELAY_BITS_MAX; bits++) {
            if ((DENDRITIC_ACCUMULATORS_PER_CORE >> bits) >= compartments) {
                best = (1 << bits) - 2;
            }
        }
        return best;
    }

    /**
     * Voltage floor for a per-core vmin exponent k: {@code -2^k + 1}.
     *
     * @see "loihi1.md §1.1; nengo-loihi discretize_compartment"
     */
    public static long vminOfExponent(int k) {
        if (k < 0 || k >= (1 << VMIN_EXP_FIELD_BITS)) {
            throw new IllegalArgumentException("vmin exponent must be 0.." + ((1 << VMIN_EXP_FIELD_BITS) - 1)
                    + ", got " + k);
        }
        return -(1L << k) + 1;
    }

    /**
     * Voltage ceiling for a per-core vmax exponent j: {@code 2^(9 + 2j) - 1}.
     *
     * @see "loihi1.md §1.1; nengo-loihi discretize_compartment"
     */
    public static long vmaxOfExponent(int j) {
        if (j < VMAX_EXP_MIN || j > VMAX_EXP_MAX) {
            throw new IllegalArgumentException("vmax exponent must be " + VMAX_EXP_MIN + ".." + VMAX_EXP_MAX
                    + ", got " + j);
        }
        return (1L << (VMAX_BASE_BITS + 2 * j)) - 1;
    }

    /**
     * The limits as an ordered, printable table: what {@code neuromap targets loihi1} shows.
     * Rows are grouped (chip, core, profiles, delay, number formats, synapse memory, axons,
     * learning, system) and each names its value, unit and source.
     */
    public List<Loihi1LimitRow> rows() {
        List<Loihi1LimitRow> rows = new ArrayList<>();
        String g = "system";
        rows.add(row(g, "system", system.name(), "", system.source()));
        rows.add(row(g, "chips", system.chips(), "chips", system.source()));
        rows.add(row(g, "neuromorphic cores", cores(), "cores", "chips x cores per chip"));
        rows.add(row(g, "compartments", cores() * COMPARTMENTS_PER_CORE, "compartments",
                "cores x compartments per core (short delays)"));
        rows.add(row(g, "largest system (--chips)", MAX_CHIPS, "chips", "loihi1.md §1.1; Davies18 p. 86"));

        g = "chip";
        rows.add(row(g, "neuromorphic cores", CORES_PER_CHIP, "cores", "loihi1.md §1.1; Davies18 p. 86; nengo-loihi allocators"));
        rows.add(row(g, "embedded x86 cores", EMBEDDED_X86_CORES_PER_CHIP, "cores", "loihi1.md §1.1; Davies18 p. 86"));
        rows.add(row(g, "tiles", TILES_PER_CHIP, "tiles", "loihi1.md §1.1 (INFERRED); Davies18 Table 2"));
        rows.add(row(g, "cores per tile", CORES_PER_TILE, "cores", "loihi1.md §1.1 (INFERRED)"));
        rows.add(row(g, "tile mesh", TILE_MESH_COLUMNS + " x " + TILE_MESH_ROWS, "tiles", "loihi1.md §1.1; SANA-FE arch/loihi.yaml"));
        rows.add(row(g, "addressable cores per chip", MESH_ADDRESSABLE_CORES_PER_CHIP, "cores", "loihi1.md §1.1; Davies18 p. 86"));
        rows.add(row(g, "compartments", COMPARTMENTS_PER_CHIP, "compartments", "loihi1.md §1.1; Davies21"));
        rows.add(row(g, "SRAM", SRAM_MEGABYTES_PER_CHIP, "MB", "loihi1.md §1.1; Davies18 p. 95"));

        g = "core";
        rows.add(row(g, "compartments", COMPARTMENTS_PER_CORE, "compartments", "loihi1.md §1.1; Davies18 p. 89 (1); nengo-loihi MAX_COMPARTMENTS"));
        rows.add(row(g, "input axons", INPUT_AXONS_PER_CORE, "axons", "loihi1.md §1.1; Davies18 p. 89 (4); nengo-loihi MAX_IN_AXONS"));
        rows.add(row(g, "output axons", OUTPUT_AXONS_PER_CORE, "axon slots", "loihi1.md §1.1; Davies18 p. 89 (3); nengo-loihi MAX_OUT_AXONS"));
        rows.add(row(g, "synaptic memory", SYNAPSE_BITS_PER_CORE, "bits", "loihi1.md §1.1; Davies18 p. 89 (2); nengo-loihi MAX_SYNAPSE_BITS"));
        rows.add(row(g, "synaptic memory words", SYNAPSE_WORDS_PER_CORE + " x " + SYNAPSE_WORD_BITS, "words x bits", "loihi1.md §1.1"));
        rows.add(row(g, "routing tables", ROUTING_TABLE_KILOBYTES_PER_CORE, "kB", "loihi1.md §1.1; Davies18 p. 92; Davies21"));
        rows.add(row(g, "SRAM incl. ECC", SRAM_MEGABITS_PER_CORE, "Mb", "loihi1.md §1.1; Davies18 p. 92"));
        rows.add(row(g, "compartment update group", COMPARTMENT_UPDATE_GROUP, "compartments", "loihi1.md §1.1; nengo-loihi hardware/builder.py"));
        rows.add(row(g, "compartment stack depth", COMPARTMENT_STACK_DEPTH, "entries", "loihi1-compartments-reward.md §1.1"));

        g = "profiles per core";
        rows.add(row(g, "compartment profiles", COMPARTMENT_PROFILES_PER_CORE, "profiles", "loihi1.md §1.6; loihi1-compartments-reward.md §3.3"));
        rows.add(row(g, "threshold profiles", THRESHOLD_PROFILES_PER_CORE, "profiles", "loihi1.md §1.6; loihi1-compartments-reward.md §3.3"));
        rows.add(row(g, "synapse formats (in use)", synapseFormats.formats(), "formats",
                synapseFormats == SynapseFormatTable.FULL
                        ? "loihi1.md §1.6 (16 entries, entry 0 illegal)"
                        : "compatibility: nengo-loihi MAX_SYNAPSE_CFGS, nrc-models maxNumSynFmt"));
        rows.add(row(g, "synapse formats (hardware)", SYNAPSE_FORMATS_PER_CORE, "formats", "loihi1.md §1.6; loihi1-compartments-reward.md §3.1"));
        rows.add(row(g, "STDP profiles", STDP_PROFILES_PER_CORE, "profiles", "loihi1.md §1.6"));
        rows.add(row(g, "STDP pre profiles", STDP_PRE_PROFILES_PER_CORE, "profiles", "loihi1.md §1.6"));
        rows.add(row(g, "learning microcode", LEARNING_MICROCODE_WORDS_PER_CORE, "words", "loihi1.md §1.6"));
        rows.add(row(g, "pre-trace configs (x1, x2, r1)", PRE_TRACE_CONFIGS_PER_CORE, "configs", "loihi1.md §1.6"));
        rows.add(row(g, "post-trace configs (y1..y3)", POST_TRACE_CONFIGS_PER_CORE, "configs", "loihi1.md §1.6"));
        rows.add(row(g, "reward traces", REWARD_TRACES_PER_CORE, "traces", "loihi1.md §1.6"));
        rows.add(row(g, "per-core singletons", "1 each", "values",
                "loihi1.md §1.6: dsOffset/dmOffset, vmin/vmax exponents, noise, inhibition flags, delayBits, learning epoch"));

        g = "delay vs compartments";
        rows.add(row(g, "dendritic accumulators", DENDRITIC_ACCUMULATORS_PER_CORE, "accumulators", "loihi1.md §1.6; NxDocs dendrite_accum_cfg"));
        for (int bits = DELAY_BITS_MIN; bits <= DELAY_BITS_MAX; bits++) {
            int delay = (1 << bits) - 2;
            rows.add(row(g, "compartments, delay field <= " + delay + " (delays <= " + (delay + AXON_LATENCY_STEPS)
                    + " steps)", compartmentsPerCoreForDelay(delay), "compartments",
                    "loihi1.md §1.6 (delayBits " + bits + ")"));
        }
        rows.add(row(g, "axon latency", AXON_LATENCY_STEPS, "steps", "DESIGN.md (language delay D uses delay field D - 1)"));

        g = "number formats";
        rows.add(row(g, "current u, voltage v", STATE_BITS, "bits signed", "loihi1.md §1.1, §2"));
        rows.add(row(g, "current u wrap", "[-2^" + U_BITS + ", 2^" + U_BITS + ")", "state units", "loihi1.md §2.2; nengo-loihi U_BITS"));
        rows.add(row(g, "synaptic accumulator q wrap", "[-2^" + Q_BITS + ", 2^" + Q_BITS + ")", "state units", "loihi1.md §1.1, §2.2; nengo-loihi Q_BITS"));
        rows.add(row(g, "decays du, dv", "0.." + DECAY_MAX, "1/" + DECAY_UNITY, "loihi1.md §1.1; nengo-loihi DECAY_U_MAX"));
        rows.add(row(g, "decay offsets dsOffset, dmOffset", DECAY_U_OFFSET + ", " + DECAY_V_OFFSET, "1/" + DECAY_UNITY, "loihi1.md §2.1"));
        rows.add(row(g, "threshold mantissa", "1.." + VTH_MANTISSA_MAX, "x 2^" + VTH_EXP, "loihi1.md §1.1; nengo-loihi VTH_MAN_MAX, VTH_EXP"));
        rows.add(row(g, "bias mantissa", "-" + BIAS_MANTISSA_MAX + ".." + BIAS_MANTISSA_MAX, BIAS_MANTISSA_BITS + " bits signed", "loihi1.md §1.1; nengo-loihi BIAS_MAN_MAX"));
        rows.add(row(g, "bias exponent", BIAS_EXP_MIN + ".." + BIAS_EXP_MAX, "bits", "loihi1.md §1.1; nengo-loihi BIAS_EXP_MAX"));
        rows.add(row(g, "refractory delay", REFRACTORY_DELAY_MIN + ".." + REFRACTORY_DELAY_MAX, "steps", "loihi1.md §1.1; nengo-loihi REFRACT_DELAY_MAX"));
        rows.add(row(g, "vmin", "-2^k + 1, k " + VMIN_EXP_MIN + ".." + VMIN_EXP_MAX, "state units", "loihi1.md §1.1"));
        rows.add(row(g, "vmax", "2^(9 + 2j) - 1, j " + VMAX_EXP_MIN + ".." + VMAX_EXP_MAX, "state units", "loihi1.md §1.1"));
        rows.add(row(g, "noise exponent", NOISE_EXP_MIN + ".." + NOISE_EXP_MAX, "bits", "loihi1.md §1.3"));

        g = "weights and synapse memory";
        rows.add(row(g, "weight mantissa", WEIGHT_MANTISSA_MIN + ".." + WEIGHT_MANTISSA_MAX, "x 2^(6 + weight_exp)", "loihi1.md §1.2"));
        rows.add(row(g, "weight exponent", WEIGHT_EXP_MIN + ".." + WEIGHT_EXP_MAX, "bits", "loihi1.md §1.2, §1.3"));
        rows.add(row(g, "weight precision", WEIGHT_PRECISION_BITS_MIN + ".." + WEIGHT_PRECISION_BITS_MAX, "bits", "loihi1.md §1.1; Davies18 p. 87"));
        rows.add(row(g, "weight bits by code", joined(WEIGHT_BITS_BY_CODE), "bits", "loihi1.md §1.2; nengo-loihi WEIGHT_BITS_MAP"));
        rows.add(row(g, "index bits by code", joined(INDEX_BITS_BY_CODE), "bits", "loihi1.md §1.2; nengo-loihi INDEX_BITS_MAP"));
        rows.add(row(g, "synapse delay field", "0.." + SYNAPSE_DELAY_BITS_MAX, "bits", "loihi1.md §1.3"));
        rows.add(row(g, "synapse tag field", "0.." + SYNAPSE_TAG_BITS_MAX, "bits", "loihi1.md §1.3"));
        rows.add(row(g, "synapses per chunk", "n_synapses + 1 <= " + (SYNAPSES_PER_CHUNK_FIELD_MAX + 1), "weights", "loihi1.md §1.2"));
        rows.add(row(g, "chunk header", SYNAPSE_CHUNK_FORMAT_BITS + SYNAPSE_CHUNK_COUNT_BITS, "bits", "loihi1.md §1.2"));
        rows.add(row(g, "chunk rounding", SYNAPSE_WORD_BITS, "bits", "loihi1.md §1.2"));
        rows.add(row(g, "synapse words per axon", SYNAPSE_WORDS_PER_AXON_MAX, "words", "loihi1-compartments-reward.md §3.5 (INFERRED)"));

        g = "axons";
        rows.add(row(g, "axon id", AXON_ID_BITS, "bits", "loihi1.md §1.2"));
        rows.add(row(g, "pop16 axon id", POP16_AXON_ID_BITS, "bits", "loihi1.md §1.2"));
        rows.add(row(g, "population compartment base", "< " + POP_COMPARTMENT_BASE_LIMIT, "compartments", "loihi1.md §1.2, §1.3"));
        rows.add(row(g, "pop16 compartment base multiple", POP16_COMPARTMENT_BASE_MULTIPLE, "compartments", "loihi1.md §1.2"));
        rows.add(row(g, "pop32 output axon slots", POP32_AXON_SLOTS, "slots", "loihi1.md §1.2"));
        rows.add(row(g, "learning input axon slots", LEARNING_AXON_MAP_SLOTS, "slots", "loihi1.md §1.2"));

        g = "learning";
        rows.add(row(g, "learning epoch", "<= " + LEARNING_EPOCH_MAX_STEPS, "steps", "loihi1.md §1.1; Davies18 p. 91"));
        rows.add(row(g, "trace increment integer part", "<= " + TRACE_MAGNITUDE_INT_MAX, "trace units", "loihi1.md §1.3"));
        rows.add(row(g, "PES error", "<= " + PES_ERROR_MAX, "error units", "loihi1.md §1.3"));
        return Collections.unmodifiableList(rows);
    }

    private static String joined(int[] values) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ",").append(values[i]);
        }
        return text.toString();
    }

    private static Loihi1LimitRow row(String group, String name, Object value, String unit, String source) {
        return new Loihi1LimitRow(group, name, String.valueOf(value), unit, source);
    }
}
