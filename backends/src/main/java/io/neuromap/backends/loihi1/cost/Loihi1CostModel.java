package io.neuromap.backends.loihi1.cost;

import static io.neuromap.backends.loihi1.cost.Loihi1CostFigures.*;
import static java.util.Objects.requireNonNull;

import io.neuromap.backends.report.Band;
import io.neuromap.backends.report.EstimateTerm;
import io.neuromap.backends.report.ReportFormat;
import io.neuromap.backends.report.StepEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Energy and time of one Loihi 1 time step, from expected activity: the first-order model of
 * {@code specs/loihi1.md} §4.1,
 * <pre>
 * E = N_synop E_syn + N_active 81 pJ + N_idle 52 pJ + Σ_messages (1.7 pJ + hops_EW 3.0 + hops_NS 4.0) + N_stdp 120 pJ
 * T = max_core (N_synop 3.5 ns + N_active 8.4 ns + N_idle 5.3 ns + N_stdp 6.1 ns) + barrier
 * </pre>
 * with Davies18 Table 2 figures for the <b>nominal</b> value. The <b>band</b> takes, event by
 * event, the lower and the higher of Davies18's figure and SANA-FE's calibrated one widened by
 * SANA-FE's reported error (12 % energy, 24 % time); where Davies18 has no figure (spike
 * generation, message send and receive time) the nominal is 0 and the band comes from SANA-FE
 * alone; where SANA-FE has none (STDP updates) the band is Davies18's figure alone. Compartment
 * updates run from all inactive to all active across the band; the barrier from Table 2's
 * 113 ns (one tile) to 465 ns (32 tiles) on one chip, and from 465 ns to Frady20's 16.2 us
 * (768 chips) on several. Energy is dynamic only; static power is named beside it.
 */
public final class Loihi1CostModel {
    /** Per-event energy bands (J), nominal = Davies18. */
    static final Band SYNOP_J = band(DAVIES_SYNOP_J, SANAFE_SYNOP_CONV_J, SANAFE_SYNOP_DENSE_J, SANAFE_ENERGY_ERROR);
    static final Band SPIKE_J = band(0, SANAFE_SPIKE_OUT_J, SANAFE_SPIKE_OUT_J, SANAFE_ENERGY_ERROR);
    static final Band MESSAGE_J = band(DAVIES_SPIKE_IN_TILE_J, SANAFE_AXON_OUT_J + SANAFE_AXON_IN_J,
            SANAFE_AXON_OUT_J + SANAFE_AXON_IN_J, SANAFE_ENERGY_ERROR);
    static final Band HOP_EW_J = band(DAVIES_HOP_EW_J, SANAFE_HOP_EW_J, SANAFE_HOP_EW_J, SANAFE_ENERGY_ERROR);
    static final Band HOP_NS_J = band(DAVIES_HOP_NS_J, SANAFE_HOP_NS_J, SANAFE_HOP_NS_J, SANAFE_ENERGY_ERROR);
    static final Band STDP_J = Band.exactly(DAVIES_STDP_UPDATE_J);
    /** A compartment update: the band ends (J); the nominal depends on activity. */
    static final double COMPARTMENT_LOW_J = Math.min(DAVIES_NEURON_INACTIVE_J,
            (SANAFE_NEURON_ACCESS_J + SANAFE_NEURON_UPDATE_J) * (1 - SANAFE_ENERGY_ERROR));
    static final double COMPARTMENT_HIGH_J = Math.max(DAVIES_NEURON_ACTIVE_J,
            (SANAFE_NEURON_ACCESS_J + SANAFE_NEURON_UPDATE_NOISE_J) * (1 + SANAFE_ENERGY_ERROR));

    /** Per-event core time bands (s). */
    static final Band SYNOP_S = band(DAVIES_SYNOP_S, SANAFE_SYNOP_CONV_S, SANAFE_SYNOP_SPARSE_S, SANAFE_TIME_ERROR);
    static final Band SPIKE_S = band(0, SANAFE_SPIKE_OUT_S, SANAFE_SPIKE_OUT_S, SANAFE_TIME_ERROR);
    static final Band MESSAGE_OUT_S = band(0, SANAFE_AXON_OUT_S, SANAFE_AXON_OUT_S, SANAFE_TIME_ERROR);
    static final Band MESSAGE_IN_S = band(0, SANAFE_AXON_IN_S, SANAFE_AXON_IN_S, SANAFE_TIME_ERROR);
    static final Band STDP_S = Band.exactly(DAVIES_STDP_UPDATE_S);
    static final double COMPARTMENT_LOW_S = Math.min(DAVIES_NEURON_INACTIVE_S,
            (SANAFE_NEURON_ACCESS_S + SANAFE_NEURON_UPDATE_S) * (1 - SANAFE_TIME_ERROR));
    static final double COMPARTMENT_HIGH_S = Math.max(DAVIES_NEURON_ACTIVE_S,
            (SANAFE_NEURON_ACCESS_S + SANAFE_NEURON_UPDATE_S) * (1 + SANAFE_TIME_ERROR));

    private static final String DAVIES = "Davies18 Table 2";
    private static final String BOTH = "Davies18 Table 2; band SANA-FE";

    private Loihi1CostModel() {
    }

    /** The energy and time per step of {@code activity}, with assumptions and sources stated. */
    public static StepEstimate estimate(Loihi1Activity activity) {
        requireNonNull(activity, "activity is null");
        List<EstimateTerm> terms = new ArrayList<>();
        double synops = activity.total(Loihi1CoreActivity::synapticOps);
        double compartments = activity.total(Loihi1CoreActivity::compartments);
        double active = activity.total(Loihi1CoreActivity::activeCompartments);
        double spikes = activity.total(Loihi1CoreActivity::spikes);
        double messages = activity.total(Loihi1CoreActivity::messagesOut);
        double hopsX = activity.total(Loihi1CoreActivity::hopsEastWest);
        double hopsY = activity.total(Loihi1CoreActivity::hopsNorthSouth);
        double plastic = activity.total(Loihi1CoreActivity::plasticUpdates);
        terms.add(new EstimateTerm("synaptic op", synops, SYNOP_J.times(synops), BOTH));
        terms.add(new EstimateTerm("compartment update", compartments, compartmentEnergy(compartments, active),
                BOTH + " (access + update)"));
        terms.add(new EstimateTerm("spike generated", spikes, SPIKE_J.times(spikes), "SANA-FE spike out (band only)"));
        terms.add(new EstimateTerm("spike message", messages, MESSAGE_J.times(messages),
                DAVIES + " spike within tile; band SANA-FE axon out + in"));
        terms.add(new EstimateTerm("router hop east-west", hopsX, HOP_EW_J.times(hopsX), BOTH));
        terms.add(new EstimateTerm("router hop north-south", hopsY, HOP_NS_J.times(hopsY), BOTH));
        terms.add(new EstimateTerm("STDP synaptic update", plastic, STDP_J.times(plastic), DAVIES + " (no band)"));
        Band energy = Band.exactly(0);
        for (EstimateTerm t : terms) {
            energy = energy.plus(t.energyJoules());
        }
        Band time = coreTime(activity).plus(barrier(activity.chips(), activity.tiles()));
        return new StepEstimate(energy, time, terms, assumptions(activity, time), sources());
    }

    /** The compartment-update energy: nominal by active share, band from all inactive to all active. */
    static Band compartmentEnergy(double compartments, double active) {
        double nominal = active * DAVIES_NEURON_ACTIVE_J + (compartments - active) * DAVIES_NEURON_INACTIVE_J;
        return new Band(compartments * COMPARTMENT_LOW_J, nominal, compartments * COMPARTMENT_HIGH_J);
    }

    /** The busiest core's serial work, per band end (the busiest core may differ between ends). */
    static Band coreTime(Loihi1Activity activity) {
        double low = 0;
        double nominal = 0;
        double high = 0;
        for (Loihi1CoreActivity c : activity.cores()) {
            double active = c.activeCompartments();
            double idle = c.compartments() - active;
            Band events = SYNOP_S.times(c.synapticOps())
                    .plus(SPIKE_S.times(c.spikes()))
                    .plus(MESSAGE_OUT_S.times(c.messagesOut()))
                    .plus(MESSAGE_IN_S.times(c.messagesIn()))
                    .plus(STDP_S.times(c.plasticUpdates()));
            low = Math.max(low, events.low() + c.compartments() * COMPARTMENT_LOW_S);
            nominal = Math.max(nominal, events.nominal() + active * DAVIES_NEURON_ACTIVE_S
                    + idle * DAVIES_NEURON_INACTIVE_S);
            high = Math.max(high, events.high() + c.compartments() * COMPARTMENT_HIGH_S);
        }
        return new Band(low, nominal, high);
    }

    /**
     * Barrier synchronisation per step. One chip: Table 2's 113-465 ns over 1-32 tiles,
     * interpolated linearly in the tiles used. Several chips: from one full chip's 465 ns to
     * Frady20's 16.2 us over 768 chips, interpolated linearly in the chips used (extrapolated
     * beyond 768).
     */
    static Band barrier(int chips, int tiles) {
        if (chips <= 1) {
            int t = Math.max(1, Math.min(DAVIES_BARRIER_MAX_TILES, tiles));
            double nominal = DAVIES_BARRIER_1_TILE_S
                    + (DAVIES_BARRIER_32_TILES_S - DAVIES_BARRIER_1_TILE_S) * (t - 1) / (DAVIES_BARRIER_MAX_TILES - 1);
            return new Band(DAVIES_BARRIER_1_TILE_S, nominal, DAVIES_BARRIER_32_TILES_S);
        }
        double nominal = DAVIES_BARRIER_32_TILES_S
                + (FRADY_BARRIER_768_CHIPS_S - DAVIES_BARRIER_32_TILES_S) * (chips - 1) / (FRADY_BARRIER_CHIPS - 1);
        return new Band(DAVIES_BARRIER_32_TILES_S, nominal, Math.max(nominal, FRADY_BARRIER_768_CHIPS_S));
    }

    /** Davies18 nominal; band the lower and higher of Davies18 and SANA-FE widened by its error. */
    private static Band band(double davies, double sanafeLow, double sanafeHigh, double error) {
        return new Band(Math.min(davies, sanafeLow * (1 - error)), davies, Math.max(davies, sanafeHigh * (1 + error)));
    }

    private static List<String> assumptions(Loihi1Activity a, Band time) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "neurons whose rate the network does not state fire at %s Hz; spike "
                + "sources at their own rates; time step %s s", trim(a.defaultRateHz()), trim(a.dt())));
        out.add("a compartment is active in a step when at least one synaptic event reaches it (Poisson arrivals); "
                + "the band runs from all compartments inactive to all active");
        out.add("each spike is sent once to every core holding one of its targets, its own core included");
        if (a.hostMessages() > 0) {
            out.add(String.format(Locale.ROOT, "%s spike messages per step injected by the host are counted as "
                    + "synaptic ops at their cores but their transport is not costed", trim(a.hostMessages())));
        }
        out.add("every plastic synapse a spike reaches is updated once (pairwise STDP figure)");
        out.add("time per step: the busiest core's serial work plus barrier synchronisation; mesh latency overlaps "
                + "the cores' work and is not added; unthrottled (real-time runs pad each step, e.g. to 1 ms)");
        out.add(String.format(Locale.ROOT, "dynamic energy only: static power (about %.0f mW per chip, derived) "
                + "adds about %s per step at the nominal time on %d chip(s)", STATIC_POWER_PER_CHIP_W * 1e3,
                ReportFormat.si(STATIC_POWER_PER_CHIP_W * Math.max(1, a.chips()) * time.nominal(), "J"),
                Math.max(1, a.chips())));
        out.add("Davies18 gives no figure for spike generation or message send/receive time (nominal 0, band from "
                + "SANA-FE); SANA-FE none for STDP updates (band from Davies18 alone)");
        return out;
    }

    private static List<String> sources() {
        return List.of(
                "Davies18: M. Davies et al., \"Loihi: A Neuromorphic Manycore Processor with On-Chip Learning\", "
                        + "IEEE Micro 38(1), 2018, Table 2 (pre-silicon SDF and SPICE, 0.75 V): nominal",
                "SANA-FE: SLAM-Lab/SANA-FE arch/loihi.yaml at c55bfa87a0d9 (J. Boyle et al., IEEE TCAD 2025), "
                        + "calibrated on Nahuku; error up to 12 % energy, 24 % latency: band",
                "Frady20: E. P. Frady et al., \"Neuromorphic Nearest Neighbor Search Using Intel's Pohoiki Springs\", "
                        + "NICE 2020: multi-chip barrier (16.2 us over 768 chips)",
                "neuromap specs/loihi1.md section 4.1 (the figures as pinned for this project)");
    }

    private static String trim(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        return String.format(Locale.ROOT, "%.6g", value).replaceAll("\\.?0+$", "");
    }
}
