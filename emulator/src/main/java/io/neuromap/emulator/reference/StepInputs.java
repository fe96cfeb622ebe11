package io.neuromap.emulator.reference;

/**
 * The inputs every kernel reads in a step, as flat primitive arrays shared by all populations.
 *
 * <p>Indexing: every compartment of every non-source neuron has a <em>slot</em>
 * ({@link InputLayout}); slot {@code c} owns two input channels, {@code 2c} (excitatory) and
 * {@code 2c + 1} (inhibitory). The synaptic ring buffer holds {@code slots() * 2} channels per
 * delay slot: a spike arriving in step s is in {@code ring[(s mod R) * channels + ch]},
 * with R = the longest delay + 1, so a slot is reused only after it has been read and zeroed.
 * Inhibitory channels hold signed (negative) currents.
 *
 * <ul>
 *   <li>{@link #gain}[slot]: factor on the synaptic current's effect on the membrane (1 unless a
 *       {@code gain} effect acts);</li>
 *   <li>{@link #excitability}[slot]: bias current from {@code excitability} effects, A;</li>
 *   <li>{@link #dc}[slot]: current from {@code dc} (and current-valued external) stimuli, A;</li>
 *   <li>{@link #thresholdOffset}[global neuron]: added to the firing threshold by
 *       {@code threshold} effects, V;</li>
 *   <li>{@link #forced}[global neuron]: spike sources fire in this step when set (external stimuli).</li>
 * </ul>
 */
final class StepInputs {
    final double[] ring;
    final int channels;
    final int ringSlots;
    final double[] gain;
    final double[] excitability;
    final double[] dc;
    final double[] thresholdOffset;
    final boolean[] forced;
    private long step;

    StepInputs(InputLayout layout, int neuronCount, int ringSlots) {
        this.channels = layout.slots() * 2;
        long size = (long) ringSlots * channels;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the synaptic ring buffer would need " + size + " entries ("
                    + ringSlots + " delay slots x " + channels + " channels): more than one Java array holds");
        }
        this.ring = new double[(int) size];
        this.ringSlots = ringSlots;
        this.gain = new double[layout.slots()];
        java.util.Arrays.fill(gain, 1.0);
        this.excitability = new double[layout.slots()];
        this.dc = new double[layout.slots()];
        this.thresholdOffset = new double[neuronCount];
        this.forced = new boolean[neuronCount];
    }

    /** The step being computed. */
    long step() {
        return step;
    }

    void setStep(long step) {
        this.step = step;
    }

    /** Offset into {@link #ring} of the slot read in the current step. */
    int readBase() {
        return (int) (step % ringSlots) * channels;
    }
}
