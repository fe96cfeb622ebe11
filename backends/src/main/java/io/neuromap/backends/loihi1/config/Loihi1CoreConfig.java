package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Everything one neurocore holds: its singletons, its profile tables, its compartments, its
 * dendritic trees, its synapse formats, its input axons with their synapse lists, and its output
 * axons. The number of compartments is {@code compartments.count()}, the number of input axons
 * {@code synapses.inputAxons()}.
 *
 * @param id core id on its chip, 0..127
 * @param singletons the once-per-core registers
 * @param compartmentProfiles the compartment-profile table (up to 32 entries)
 * @param thresholdProfiles the threshold-profile table (up to 8 entries)
 * @param compartments per-compartment profile indices and bias
 * @param treeEdges the dendritic trees, stated explicitly
 * @param synapseFormats the synapse-format table (ids 1..15)
 * @param synapses input axons and their synapse lists
 * @param outputAxons where each compartment's spikes go
 * @param initialState the u and v the host sets before the run (optional table; empty: all at reset)
 */
public record Loihi1CoreConfig(int id, Loihi1CoreSingletons singletons,
        List<Loihi1CompartmentProfile> compartmentProfiles, List<Loihi1ThresholdProfile> thresholdProfiles,
        Loihi1Compartments compartments, Loihi1TreeEdges treeEdges, List<Loihi1SynapseFormatEntry> synapseFormats,
        Loihi1Synapses synapses, Loihi1OutputAxons outputAxons, Loihi1InitialState initialState) {

    public Loihi1CoreConfig {
        requireNonNull(singletons, "singletons is null");
        compartmentProfiles = List.copyOf(requireNonNull(compartmentProfiles, "compartmentProfiles is null"));
        thresholdProfiles = List.copyOf(requireNonNull(thresholdProfiles, "thresholdProfiles is null"));
        requireNonNull(compartments, "compartments is null");
        requireNonNull(treeEdges, "treeEdges is null");
        synapseFormats = List.copyOf(requireNonNull(synapseFormats, "synapseFormats is null"));
        requireNonNull(synapses, "synapses is null");
        requireNonNull(outputAxons, "outputAxons is null");
        requireNonNull(initialState, "initialState is null");
    }

    /** A core whose compartments all start at their reset (no {@code initial_state} table). */
    public Loihi1CoreConfig(int id, Loihi1CoreSingletons singletons,
            List<Loihi1CompartmentProfile> compartmentProfiles, List<Loihi1ThresholdProfile> thresholdProfiles,
            Loihi1Compartments compartments, Loihi1TreeEdges treeEdges, List<Loihi1SynapseFormatEntry> synapseFormats,
            Loihi1Synapses synapses, Loihi1OutputAxons outputAxons) {
        this(id, singletons, compartmentProfiles, thresholdProfiles, compartments, treeEdges, synapseFormats, synapses,
                outputAxons, Loihi1InitialState.none());
    }

    /** Number of compartments. */
    public int compartmentCount() {
        return compartments.count();
    }

    /** Number of input axons. */
    public int inputAxonCount() {
        return synapses.inputAxons();
    }

    /** The synapse format with table id {@code id}, or null. */
    public Loihi1SynapseFormatEntry synapseFormat(int id) {
        for (Loihi1SynapseFormatEntry entry : synapseFormats) {
            if (entry.id() == id) {
                return entry;
            }
        }
        return null;
    }
}
