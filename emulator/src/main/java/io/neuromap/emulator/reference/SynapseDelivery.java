package io.neuromap.emulator.reference;

import io.neuromap.compiler.ir.DelaySteps;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.compiler.ir.SynapseMatrix;
import io.neuromap.compiler.ir.SynapseWeights;

/**
 * Delivers the spikes of one projection's pre neurons into the synaptic ring buffer, straight
 * from the IR's CSR arrays (source-major: a spike of pre i walks row i once): synapse k of a spike
 * fired in step s adds its signed weight to channel {@code 2 slot(target) + receptor} of ring slot
 * {@code (s + delay_k) mod R}, so it arrives in step s + delay_k (delays are >= 1 step) and moves
 * the membrane in that step ({@link NeuronKernel}).
 * Nothing is copied from the IR except, for a plastic projection, the weights, which
 * {@link PlasticProjection} then changes in place.
 *
 * <p>Efficacy: weight x receptor sign (IR weights are magnitudes) x the projection's
 * {@code weight_scale} (1 unless a pathway scales it) x, when a pathway scales the efficacy of
 * synapses onto particular neurons, that neuron's factor.
 */
final class SynapseDelivery {
    private final int pre;
    private final int preOffset;
    private final int postOffset;
    private final int[] rowStart;
    private final int[] targets;
    private final float[] weightArray;
    private final float constantWeight;
    private final double[] plasticWeights;
    private final byte[] delayBytes;
    private final short[] delayShorts;
    private final int constantDelay;
    private final int maxDelay;
    private final int channelBase;
    private final double sign;
    private double scale = 1;
    private double[] postScale;

    SynapseDelivery(Network network, Projection projection, InputLayout layout) {
        SynapseMatrix m = projection.synapses();
        this.pre = projection.pre();
        this.preOffset = network.populations().get(pre).offset();
        this.postOffset = network.populations().get(projection.post()).offset();
        this.rowStart = m.rowStartArray();
        this.targets = m.targetArray();
        SynapseWeights w = m.weights();
        this.weightArray = w.array();
        this.constantWeight = w.isHomogeneous() ? w.constantValue() : Float.NaN;
        if (projection.isPlastic()) {
            plasticWeights = new double[m.count()];
            for (int k = 0; k < plasticWeights.length; k++) {
                plasticWeights[k] = w.get(k);
            }
        } else {
            plasticWeights = null;
        }
        DelaySteps d = m.delays();
        this.delayBytes = d.byteArray();
        this.delayShorts = d.shortArray();
        this.constantDelay = d.isHomogeneous() ? Math.max(d.min(), 1) : 0;
        this.maxDelay = d.max();
        int slotBase = layout.base(network, projection.post(), projection.postCompartment());
        this.channelBase = 2 * slotBase + (projection.receptor().sign() > 0 ? 0 : 1);
        this.sign = projection.receptor().sign();
    }

    /** Index of the pre population. */
    int pre() {
        return pre;
    }

    /** The longest delay, in steps. */
    int maxDelay() {
        return maxDelay;
    }

    /** The live weights of a plastic projection (magnitudes, A), or null for a static one. */
    double[] plasticWeights() {
        return plasticWeights;
    }

    /** The current efficacy magnitude of synapse {@code k}, before scaling. */
    double weight(int k) {
        if (plasticWeights != null) {
            return plasticWeights[k];
        }
        return weightArray != null ? weightArray[k] : constantWeight;
    }

    void setScale(double scale) {
        this.scale = scale;
    }

    /** Per-neuron efficacy factors over global neuron indices, or null for none. */
    void setPostScale(double[] postScale) {
        this.postScale = postScale;
    }

    /**
     * Delivers a spike of global neuron {@code neuron} (of the pre population) fired in
     * {@code step}; returns the number of synapses activated.
     */
    int deliver(int neuron, long step, double[] ring, int channels, int ringSlots) {
        int row = neuron - preOffset;
        int start = rowStart[row];
        int end = rowStart[row + 1];
        if (start == end) {
            return 0;
        }
        final int[] targets = this.targets;
        final double factor = sign * scale;
        final int stepSlot = (int) (step % ringSlots);
        if (constantDelay > 0 && postScale == null) {
            int slot = stepSlot + constantDelay;
            if (slot >= ringSlots) {
                slot -= ringSlots;
            }
            int base = slot * channels + channelBase;
            if (plasticWeights != null) {
                final double[] w = plasticWeights;
                for (int k = start; k < end; k++) {
                    ring[base + 2 * targets[k]] += factor * w[k];
                }
            } else if (weightArray != null) {
                final float[] w = weightArray;
                for (int k = start; k < end; k++) {
                    ring[base + 2 * targets[k]] += factor * w[k];
                }
            } else {
                double value = factor * constantWeight;
                for (int k = start; k < end; k++) {
                    ring[base + 2 * targets[k]] += value;
                }
            }
            return end - start;
        }
        for (int k = start; k < end; k++) {
            int delay = delayBytes != null ? Byte.toUnsignedInt(delayBytes[k])
                    : delayShorts != null ? Short.toUnsignedInt(delayShorts[k]) : constantDelay;
            int slot = stepSlot + delay;
            if (slot >= ringSlots) {
                slot -= ringSlots;
            }
            int t = targets[k];
            double value = factor * weight(k);
            if (postScale != null) {
                value *= postScale[postOffset + t];
            }
            ring[slot * channels + channelBase + 2 * t] += value;
        }
        return end - start;
    }
}
