package io.neuromap.emulator.reference;

/**
 * The equations of one population's model, over all its neurons at once (struct of arrays).
 * A kernel owns its state and per-neuron parameters; the engine owns the shared inputs
 * ({@link StepInputs}) and calls {@link #step} once per time step, populations in declaration
 * order.
 *
 * <p>Contract of {@link #step}: add this step's arrivals (the ring-buffer slot, which the kernel
 * zeroes) to the synaptic currents, then integrate every neuron from the start to the end of step
 * {@code in.step()} with those currents (decaying over the step), then fire: append the global
 * index of every neuron that spiked, ascending, to {@code out}. An arrival in step s is a jump of
 * the synaptic current at the start of step s (t = s dt), so it moves the membrane in step s
 * itself: the language's semantics, and the chip's, whose u takes the arrival and feeds v in the
 * same step. (NEST adds arrivals at the end of the step instead, one step later for the membrane.)
 */
interface NeuronKernel {
    /** Advances every neuron of the population by one step. */
    void step(StepInputs in, SpikeBuffer out);

    /** Index of a probe-able state variable ({@code v}, {@code dendrite.v}), or -1. */
    int stateIndex(String variable);

    /** The unit the state variable is reported in ({@code V}, {@code A}, {@code mV}). */
    String stateUnit(int index);

    /** The value of state variable {@code index} of population-local neuron {@code local}. */
    double state(int index, int local);

    /** Index of a parameter that pathway effects may change, or -1. */
    int parameterIndex(String name);

    /** The parameter as elaborated (before any modulation). */
    double baseParameter(int index, int local);

    /** The parameter as currently in effect. */
    double parameter(int index, int local);

    /** Sets the parameter in effect and recomputes what depends on it (propagators). */
    void setParameter(int index, int local, double value);

    /**
     * The parameter a {@code threshold} effect moves ({@code v_thresh}, {@code soma.v_thresh}),
     * or null for a model without one (spike sources).
     */
    String thresholdParameter();
}
