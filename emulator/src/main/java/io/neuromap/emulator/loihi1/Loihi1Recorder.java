package io.neuromap.emulator.loihi1;

/**
 * Receives what an emulator records while it steps: probes, spike rasters, progress. The
 * emulator calls {@link #afterCore} on the worker thread that just updated a core (so recording
 * scales with the threads) and {@link #afterStep} once per step on the stepping thread, after
 * every core is done and the spikes are exchanged.
 *
 * <p>Implementations must not allocate per call in steady state and, in {@code afterCore}, may
 * write only data that belongs to that core (different cores run concurrently). Everything a
 * recorder sees is the same for any thread count.
 */
public interface Loihi1Recorder {

    /**
     * Core {@code core} has finished step {@code step}: its slice of {@code state} holds the
     * values after the step.
     */
    void afterCore(Loihi1State state, int core, int step);

    /**
     * Every core has finished step {@code step}: {@code state} holds the values after it, and each
     * core's fired list its spikes of the step, in ascending compartment order.
     */
    void afterStep(Loihi1State state, int step);
}
