package io.neuromap.emulator.reference;

/**
 * Values of the external channels a network names ({@code stimulus s : external("cue") -> pop},
 * {@code modulator R { source external "reward"; }}), supplied by the caller per step; the
 * default ({@link #NONE}) is silent. What a value means depends on what reads it:
 * <ul>
 *   <li>a modulator: concentration released at the end of the step (added to it);</li>
 *   <li>a stimulus on a spike source: target {@code index} fires in the step when the value is
 *       not 0;</li>
 *   <li>a stimulus with a weight on neurons: the number of spikes target {@code index} receives,
 *       each of the stimulus' weight, delivered like a stimulus spike (arriving one step later);</li>
 *   <li>a stimulus without a weight on neurons: a current in A into target {@code index} during
 *       the step, like {@code dc}.</li>
 * </ul>
 * Called once per step per channel and target, from the simulating thread; implementations must
 * be deterministic for runs to be repeatable.
 */
@FunctionalInterface
public interface ExternalInputs {
    /** No external input: every channel reads 0. */
    ExternalInputs NONE = (channel, step, index) -> 0;

    /**
     * @param channel the channel's name as written in the network
     * @param step the step being computed (0-based)
     * @param index the target's position in the stimulus' target neurons (0 for a modulator)
     */
    double value(String channel, long step, int index);
}
