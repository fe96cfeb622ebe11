package io.neuromap.backends.loihi1.lower;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1SignMode;
import io.neuromap.backends.loihi1.Loihi1SynapseFormat;
import io.neuromap.compiler.ir.SynapseMatrix;

/**
 * One projection lowered to Loihi 1: the compartment position its synapses drive in each post
 * neuron, and the synapse format that stores them: 8-bit weights in the sign mode of the
 * projection's receptor (excitatory or inhibitory, so no bit goes to a sign), the weight
 * exponent that fits its largest weight into the mantissa, and the delay bits its longest delay
 * needs. Mantissas are computed per synapse on demand from the IR's weight and the post
 * neuron's weight factor, so a 100-million-synapse network holds no second weight array.
 *
 * <p>Weight of synapse k on the chip: {@code mantissa(k) * 2^(6 + weightExp)} state units added
 * to the post compartment's current per spike, the nearest to
 * {@code weightFactor[target] * w_k}.
 */
public final class ProjectionLowering {
    private final int projection;
    private final String name;
    private final int post;
    private final int position;
    private final Loihi1SignMode signMode;
    private final Loihi1SynapseFormat format;
    private final SynapseMatrix synapses;
    private final double[] factor;
    private final double unit;

    ProjectionLowering(int projection, String name, int post, int position, Loihi1SignMode signMode,
            Loihi1SynapseFormat format, SynapseMatrix synapses, double[] factor) {
        this.projection = projection;
        this.name = requireNonNull(name, "name is null");
        this.post = post;
        this.position = position;
        this.signMode = requireNonNull(signMode, "signMode is null");
        this.format = requireNonNull(format, "format is null");
        this.synapses = requireNonNull(synapses, "synapses is null");
        this.factor = requireNonNull(factor, "factor is null");
        this.unit = StrictMath.scalb(1.0, Loihi1Limits.ACTIVATION_SHIFT + format.weightExp());
    }

    public int projection() {
        return projection;
    }

    public String name() {
        return name;
    }

    /** The post population. */
    public int post() {
        return post;
    }

    /** The compartment position of the post neurons' trees that the synapses drive. */
    public int position() {
        return position;
    }

    public Loihi1SignMode signMode() {
        return signMode;
    }

    /** The synapse format the projection's synapses are stored in. */
    public Loihi1SynapseFormat format() {
        return format;
    }

    public int weightExp() {
        return format.weightExp();
    }

    /** Weight mantissa per ampere of weight into post neuron {@code target} (for the learning rules' scales). */
    public double mantissaPerAmpere(int target) {
        return factor[target] / unit;
    }

    /** The projection's synapses (the IR's). */
    public SynapseMatrix synapses() {
        return synapses;
    }

    /** The ideal chip weight of synapse {@code k} (state units per spike, magnitude). */
    public double idealChipWeight(int k) {
        return factor[synapses.target(k)] * synapses.weight(k);
    }

    /**
     * The stored mantissa of synapse {@code k}: {@code round(ideal / 2^(6 + weightExp))}, at most
     * 255 in magnitude, negative for an inhibitory format.
     */
    public int mantissa(int k) {
        long m = Math.round(idealChipWeight(k) / unit);
        int mag = (int) Math.min(m, Loihi1Limits.WEIGHT_MANTISSA_MAX);
        return signMode == Loihi1SignMode.INHIBITORY ? -mag : mag;
    }

    /** The delay field of synapse {@code k}: its language delay minus the one-step axon latency. */
    public int delayField(int k) {
        return synapses.delaySteps(k) - Loihi1Limits.AXON_LATENCY_STEPS;
    }

    @Override
    public String toString() {
        return "ProjectionLowering[" + name + ", position " + position + ", " + signMode + ", weight_exp "
                + format.weightExp() + ", delay bits " + format.delayBits() + "]";
    }
}
