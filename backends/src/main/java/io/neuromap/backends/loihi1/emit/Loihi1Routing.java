package io.neuromap.backends.loihi1.emit;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.Loihi1SynapseFormat;
import io.neuromap.backends.loihi1.config.Loihi1OutputAxons;
import io.neuromap.backends.loihi1.config.Loihi1Synapses;
import java.util.List;

/**
 * The axon tables of a placed network (stage 7, "route"): for every core of the partition, its
 * input axons with their synapse lists and synapse-format table, and its output axons, each
 * routed to (chip, core, input axon); and for every neuron the host injects, the input axons it
 * feeds. Input axons are numbered per core in the order of their source neuron (network-global
 * index), one per source with a synapse on the core, whatever the projection; a source's synapse
 * list holds its synapses of every projection onto the core, projection by projection.
 *
 * <p>Arrays are indexed by partition core and owned by this object.
 *
 * @param chip the chip id of each partition core
 * @param coreOnChip the core id on its chip of each partition core
 * @param compartmentBase the first compartment, on its core, of each network-global neuron (-1 off-core)
 * @param synapses the input axons and synapse lists of each core
 * @param formats the synapse-format table of each core; format id f is entry f - 1
 * @param outputAxons the output axons of each core
 * @param hostStart CSR offsets into the host routes, per network-global neuron (length neurons + 1)
 * @param hostChip chip of each host route
 * @param hostCore core of each host route
 * @param hostAxon input axon of each host route
 * @param projectionFormat per core and projection, the format id its synapses on the core use (0: none);
 *     a plastic projection's format is its own, so the learning section can give it its rule
 */
public record Loihi1Routing(int[] chip, int[] coreOnChip, int[] compartmentBase, Loihi1Synapses[] synapses,
        List<List<Loihi1SynapseFormat>> formats, Loihi1OutputAxons[] outputAxons, int[] hostStart, int[] hostChip,
        int[] hostCore, int[] hostAxon, int[][] projectionFormat) {

    /** A routing without the per-projection format table. */
    public Loihi1Routing(int[] chip, int[] coreOnChip, int[] compartmentBase, Loihi1Synapses[] synapses,
            List<List<Loihi1SynapseFormat>> formats, Loihi1OutputAxons[] outputAxons, int[] hostStart, int[] hostChip,
            int[] hostCore, int[] hostAxon) {
        this(chip, coreOnChip, compartmentBase, synapses, formats, outputAxons, hostStart, hostChip, hostCore, hostAxon,
                new int[chip.length][]);
    }

    public Loihi1Routing {
        requireNonNull(chip, "chip is null");
        requireNonNull(coreOnChip, "coreOnChip is null");
        requireNonNull(compartmentBase, "compartmentBase is null");
        requireNonNull(synapses, "synapses is null");
        formats = List.copyOf(requireNonNull(formats, "formats is null"));
        requireNonNull(outputAxons, "outputAxons is null");
        requireNonNull(hostStart, "hostStart is null");
        requireNonNull(hostChip, "hostChip is null");
        requireNonNull(hostCore, "hostCore is null");
        requireNonNull(hostAxon, "hostAxon is null");
        requireNonNull(projectionFormat, "projectionFormat is null");
    }

    /** Number of partition cores. */
    public int cores() {
        return chip.length;
    }

    /** Total synapses over all cores. */
    public long synapseCount() {
        long n = 0;
        for (Loihi1Synapses s : synapses) {
            n += s.count();
        }
        return n;
    }

    @Override
    public String toString() {
        return "Loihi1Routing[" + chip.length + " cores, " + synapseCount() + " synapses]";
    }
}
