package io.neuromap.backends.loihi1.cost;

/**
 * Every per-event energy and time figure the Loihi 1 cost model uses, in SI units (joules,
 * seconds), each with its source. Two sources, as {@code specs/loihi1.md} §4.1 gives them:
 * <ul>
 *   <li><b>Davies18 Table 2</b>: "pre-silicon SDF and SPICE simulations, consistent with early
 *       post-silicon characterization", at 0.75 V. The nominal estimate uses these.</li>
 *   <li><b>SANA-FE</b> {@code arch/loihi.yaml} (commit {@code c55bfa87a0d9}), calibrated by
 *       micro-benchmarks on Nahuku hardware, with a reported prediction error of up to about 12 %
 *       for energy and 24 % for latency. The band uses these, widened by that error.</li>
 * </ul>
 * Kept apart from {@code Loihi1Limits} because they are not limits: nothing is rejected for
 * them, they only feed an estimate.
 */
public final class Loihi1CostFigures {
    private Loihi1CostFigures() {
    }

    private static final double PJ = 1e-12;
    private static final double NS = 1e-9;
    private static final double US = 1e-6;

    // ------------------------------------------------------------------------------------------
    // Davies18 Table 2 (nominal)

    /**
     * Energy of one synaptic spike operation (J); Table 2 marks it a minimum.
     *
     * @see "loihi1.md §4.1; Davies18 Table 2: synaptic spike op 23.6 pJ (min)"
     */
    public static final double DAVIES_SYNOP_J = 23.6 * PJ;

    /**
     * Time of one synaptic spike operation (s); Table 2 marks it a maximum.
     *
     * @see "loihi1.md §4.1; Davies18 Table 2: synaptic spike op 3.5 ns (max)"
     */
    public static final double DAVIES_SYNOP_S = 3.5 * NS;

    /**
     * Energy of one pairwise-STDP synaptic update (J).
     *
     * @see "loihi1.md §4.1; Davies18 Table 2: synaptic update (pairwise STDP) 120 pJ"
     */
    public static final double DAVIES_STDP_UPDATE_J = 120 * PJ;

    /**
     * Time of one pairwise-STDP synaptic update (s).
     *
     * @see "loihi1.md §4.1; Davies18 Table 2: synaptic update (pairwise STDP) 6.1 ns"
     */
    public static final double DAVIES_STDP_UPDATE_S = 6.1 * NS;

    /**
     * Energy of one update of an active neuron (compartment) (J).
     *
     * @see "loihi1.md §4.1; Davies18 Table 2: neuron update, active 81 pJ"
     */
    public static final double DAVIES_NEURON_ACTIVE_J = 81 * PJ;

    /**
     * Energy of one update of an inactive neuron (compartment) (J).
     *
     * @see "loihi1.md §4.1; Davies18 Table 2: neuron update, inactive 52 pJ"
     */
    public static final double DAVIES_NEURON_INACTIVE_J = 52 * PJ;

    /**
     * Time of one update of an active neuron (compartment) (s).
     *
     * @see "loihi1.md §4.1; Davies18 Table 2: neuron update, active 8.4 ns"
     */
    public static final double DAVIES_NEURON_ACTIVE_S = 8.4 * NS;

    /**
     * Time of one update of an inactive neuron (compartment) (s).
     *
     * @see "loihi1.md §4.1; Davies18 Table 2: neuron update, inactive 5.3 ns"
     */
    public static final double DAVIES_NEURON_INACTIVE_S = 5.3 * NS;

    /**
     * Energy of delivering one spike message within a tile (J).
     *
     * @see "loihi1.md §4.1; Davies18 Table 2: spike within tile 1.7 pJ"
     */
    public static final double DAVIES_SPIKE_IN_TILE_J = 1.7 * PJ;

    /**
     * Latency of delivering one spike message within a tile (s). Mesh latency overlaps the
     * cores' work, so the model does not add it to the step time; listed for the target sheet.
     *
     * @see "loihi1.md §4.1; Davies18 Table 2: spike within tile 2.1 ns"
     */
    public static final double DAVIES_SPIKE_IN_TILE_S = 2.1 * NS;

    /**
     * Energy of one east-west tile hop of a spike message (J).
     *
     * @see "loihi1.md §4.1; Davies18 Table 2: tile hop E-W 3.0 pJ"
     */
    public static final double DAVIES_HOP_EW_J = 3.0 * PJ;

    /**
     * Energy of one north-south tile hop of a spike message (J).
     *
     * @see "loihi1.md §4.1; Davies18 Table 2: tile hop N-S 4.0 pJ"
     */
    public static final double DAVIES_HOP_NS_J = 4.0 * PJ;

    /**
     * Latency of one east-west tile hop (s); not added to the step time (see {@link #DAVIES_SPIKE_IN_TILE_S}).
     *
     * @see "loihi1.md §4.1; Davies18 Table 2: tile hop E-W 4.1 ns"
     */
    public static final double DAVIES_HOP_EW_S = 4.1 * NS;

    /**
     * Latency of one north-south tile hop (s); not added to the step time.
     *
     * @see "loihi1.md §4.1; Davies18 Table 2: tile hop N-S 6.5 ns"
     */
    public static final double DAVIES_HOP_NS_S = 6.5 * NS;

    /**
     * Mesh-wide barrier synchronisation over 1 tile (s): the low end of Table 2's range.
     *
     * @see "loihi1.md §4.1; Davies18 Table 2: mesh-wide barrier sync (1-32 tiles) 113-465 ns"
     */
    public static final double DAVIES_BARRIER_1_TILE_S = 113 * NS;

    /**
     * Mesh-wide barrier synchronisation over 32 tiles, a whole chip (s): the high end of Table 2's range.
     *
     * @see "loihi1.md §4.1; Davies18 Table 2: mesh-wide barrier sync (1-32 tiles) 113-465 ns"
     */
    public static final double DAVIES_BARRIER_32_TILES_S = 465 * NS;

    /** Tiles at the high end of Table 2's barrier range (count). */
    public static final int DAVIES_BARRIER_MAX_TILES = 32;

    // ------------------------------------------------------------------------------------------
    // Frady20 (multi-chip barrier, measured on Pohoiki Springs)

    /**
     * Barrier synchronisation over all 768 chips of Pohoiki Springs (s), measured.
     *
     * @see "loihi1.md §4.1; Frady20: 16.2 us over all 768 chips"
     */
    public static final double FRADY_BARRIER_768_CHIPS_S = 16.2 * US;

    /** Chips of the measurement of {@link #FRADY_BARRIER_768_CHIPS_S} (count). */
    public static final int FRADY_BARRIER_CHIPS = 768;

    /**
     * Static power of one chip (W), derived from a system figure (3.34 W over 32 chips; voltage
     * not stated). Not part of the dynamic estimate; reported beside it.
     *
     * @see "loihi1.md §4.1: static power about 104 mW per chip (derived: 3.34 W / 32 chips)"
     */
    public static final double STATIC_POWER_PER_CHIP_W = 3.34 / 32;

    // ------------------------------------------------------------------------------------------
    // SANA-FE arch/loihi.yaml (band)

    /**
     * Prediction error of SANA-FE's energy figures (fraction), applied both ways to widen the band.
     *
     * @see "loihi1.md §4.1: SANA-FE prediction error up to about 12 % for energy"
     */
    public static final double SANAFE_ENERGY_ERROR = 0.12;

    /**
     * Prediction error of SANA-FE's latency figures (fraction).
     *
     * @see "loihi1.md §4.1: SANA-FE prediction error up to about 24 % for latency"
     */
    public static final double SANAFE_TIME_ERROR = 0.24;

    /**
     * Synapse energy per spike, conv layout: the lowest of SANA-FE's three (J).
     *
     * @see "loihi1.md §4.1; SANA-FE arch/loihi.yaml: synapse per spike, conv 24.0 pJ / 3.1 ns"
     */
    public static final double SANAFE_SYNOP_CONV_J = 24.0 * PJ;

    /**
     * Synapse energy per spike, dense layout: the highest of SANA-FE's three (J).
     *
     * @see "loihi1.md §4.1; SANA-FE arch/loihi.yaml: synapse per spike, dense 35.5 pJ / 4.0 ns"
     */
    public static final double SANAFE_SYNOP_DENSE_J = 35.5 * PJ;

    /**
     * Synapse time per spike, conv layout: the shortest (s).
     *
     * @see "loihi1.md §4.1; SANA-FE arch/loihi.yaml: synapse per spike, conv 3.1 ns"
     */
    public static final double SANAFE_SYNOP_CONV_S = 3.1 * NS;

    /**
     * Synapse time per spike, sparse layout: the longest (s).
     *
     * @see "loihi1.md §4.1; SANA-FE arch/loihi.yaml: synapse per spike, sparse 33.6 pJ / 4.7 ns"
     */
    public static final double SANAFE_SYNOP_SPARSE_S = 4.7 * NS;

    /**
     * Energy of one neuron access (J), paid by every compartment every step.
     *
     * @see "loihi1.md §4.1; SANA-FE arch/loihi.yaml: neuron access 51.2 pJ / 6.0 ns"
     */
    public static final double SANAFE_NEURON_ACCESS_J = 51.2 * PJ;

    /**
     * Time of one neuron access (s).
     *
     * @see "loihi1.md §4.1; SANA-FE arch/loihi.yaml: neuron access 6.0 ns"
     */
    public static final double SANAFE_NEURON_ACCESS_S = 6.0 * NS;

    /**
     * Energy of one neuron update without noise (J).
     *
     * @see "loihi1.md §4.1; SANA-FE arch/loihi.yaml: neuron update 21.6 pJ / 3.7 ns"
     */
    public static final double SANAFE_NEURON_UPDATE_J = 21.6 * PJ;

    /**
     * Energy of one neuron update with noise (J).
     *
     * @see "loihi1.md §4.1; SANA-FE arch/loihi.yaml: neuron update 27.6 pJ with noise"
     */
    public static final double SANAFE_NEURON_UPDATE_NOISE_J = 27.6 * PJ;

    /**
     * Time of one neuron update (s).
     *
     * @see "loihi1.md §4.1; SANA-FE arch/loihi.yaml: neuron update 3.7 ns"
     */
    public static final double SANAFE_NEURON_UPDATE_S = 3.7 * NS;

    /**
     * Energy of generating one spike at a neuron (J).
     *
     * @see "loihi1.md §4.1; SANA-FE arch/loihi.yaml: spike out 69.3 pJ / 30 ns"
     */
    public static final double SANAFE_SPIKE_OUT_J = 69.3 * PJ;

    /**
     * Time of generating one spike at a neuron (s).
     *
     * @see "loihi1.md §4.1; SANA-FE arch/loihi.yaml: spike out 30 ns"
     */
    public static final double SANAFE_SPIKE_OUT_S = 30 * NS;

    /**
     * Energy of sending one spike message out of a core (J).
     *
     * @see "loihi1.md §4.1; SANA-FE arch/loihi.yaml: axon out (message) 111 pJ / 5.1 ns"
     */
    public static final double SANAFE_AXON_OUT_J = 111 * PJ;

    /**
     * Time of sending one spike message out of a core (s).
     *
     * @see "loihi1.md §4.1; SANA-FE arch/loihi.yaml: axon out 5.1 ns"
     */
    public static final double SANAFE_AXON_OUT_S = 5.1 * NS;

    /**
     * Energy of receiving one spike message at a core (J): zero in SANA-FE's model.
     *
     * @see "loihi1.md §4.1; SANA-FE arch/loihi.yaml: axon in 0 pJ / 20 ns"
     */
    public static final double SANAFE_AXON_IN_J = 0;

    /**
     * Time of receiving one spike message at a core (s).
     *
     * @see "loihi1.md §4.1; SANA-FE arch/loihi.yaml: axon in 20 ns"
     */
    public static final double SANAFE_AXON_IN_S = 20 * NS;

    /**
     * Energy of one east-west hop (J).
     *
     * @see "loihi1.md §4.1; SANA-FE arch/loihi.yaml: hop E-W 3.0 pJ / 4.1 ns"
     */
    public static final double SANAFE_HOP_EW_J = 3.0 * PJ;

    /**
     * Energy of one north-south hop (J).
     *
     * @see "loihi1.md §4.1; SANA-FE arch/loihi.yaml: hop N-S 4.2 pJ / 6.5 ns"
     */
    public static final double SANAFE_HOP_NS_J = 4.2 * PJ;
}
