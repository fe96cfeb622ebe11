package io.neuromap.backends.loihi1.mapping;

import io.neuromap.backends.loihi1.Loihi1SynapseFormat;
import io.neuromap.compiler.ir.Network;

/**
 * The synapse format each projection's synapses are stored in on Loihi 1: it fixes what every
 * input axon's synapse list costs in synaptic memory (§1.2) and which formats share a core's
 * 15-entry table (§1.6). Pluggable because the lowering chooses weight bits and exponents; the
 * config writer must store synapses in the format returned here, so that the partition's memory
 * accounting is the config's.
 */
@FunctionalInterface
public interface Loihi1SynapseFormats {
    /** The format of projection {@code projection} of {@code network}. */
    Loihi1SynapseFormat format(Network network, int projection);
}
