package io.neuromap.backends.loihi1.mapping;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1SignMode;
import io.neuromap.backends.loihi1.Loihi1SynapseFormat;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.compiler.ir.SynapseReceptor;

/**
 * The synapse format the partitioner assumes until the lowering chooses weights: nengo-loihi's
 * sparse format (8-bit weights, 64 weights per chunk) with
 * <ul>
 *   <li>index bits that address every compartment a core can hold
 *       ({@link Loihi1Limits#COMPARTMENTS_PER_CORE}), so the cost does not depend on which
 *       core a synapse lands on;</li>
 *   <li>delay bits that hold the projection's longest delay field (language delay D uses field
 *       D - 1; none when every delay is one step);</li>
 *   <li>the sign mode of the projection's receptor: IR weights are magnitudes and a projection
 *       is all excitatory or all inhibitory, so no weight bit is spent on a sign;</li>
 *   <li>weight exponent 0 (the lowering sets the real one; the cost does not depend on it).</li>
 * </ul>
 *
 * @see "loihi1.md §1.2 (cost model), §1.3 (field ranges); DESIGN.md (delays)"
 */
public final class Loihi1DefaultSynapseFormats implements Loihi1SynapseFormats {
    /** The one instance: it has no state. */
    public static final Loihi1DefaultSynapseFormats INSTANCE = new Loihi1DefaultSynapseFormats();

    private Loihi1DefaultSynapseFormats() {
    }

    @Override
    public Loihi1SynapseFormat format(Network network, int projection) {
        Projection p = network.projections().get(projection);
        int longestField = Math.max(0, p.synapses().delays().max() - Loihi1Limits.AXON_LATENCY_STEPS);
        int delayBits = Math.min(bitsFor(longestField), Loihi1Limits.SYNAPSE_DELAY_BITS_MAX);
        int indexCode = Loihi1Limits.indexBitsCodeFor(Loihi1Limits.COMPARTMENTS_PER_CORE - 1);
        int fanout = p.receptor() == SynapseReceptor.INH ? Loihi1SignMode.INHIBITORY.code()
                : Loihi1SignMode.EXCITATORY.code();
        return new Loihi1SynapseFormat(Loihi1Limits.WEIGHT_BITS_CODE_MAX, delayBits, 0, indexCode,
                Loihi1Limits.COMPRESSION_SPARSE, Loihi1Limits.SYNAPSES_PER_CHUNK_FIELD_MAX, fanout, 0);
    }

    /** Bits that hold 0..value. */
    static int bitsFor(int value) {
        return value == 0 ? 0 : Integer.SIZE - Integer.numberOfLeadingZeros(value);
    }
}
