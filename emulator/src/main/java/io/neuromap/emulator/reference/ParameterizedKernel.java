package io.neuromap.emulator.reference;

import static java.util.Objects.requireNonNull;

/**
 * What every kernel with a {@link ParameterTable} answers the same way: its probe-able state by
 * name and unit, its parameters as elaborated and as in effect, and which parameter a
 * {@code threshold} effect moves. Setting a parameter calls {@link #refresh} so the kernel
 * recomputes what it derives from it (propagators, refractory steps).
 *
 * <p>Only these accessors live here; each model's {@link #step} stays in its own final class
 * with its arrays in final locals, so the per-neuron loop makes no virtual calls.
 */
abstract class ParameterizedKernel implements NeuronKernel {
    /** The per-neuron parameters in effect; the subclass's propagators are derived from them. */
    final ParameterTable params;
    private final String[] stateNames;
    private final String[] stateUnits;
    private final String thresholdParameter;

    /**
     * @param stateNames the probe-able state variables, in the order of {@link #state}
     * @param stateUnits the unit of each, in the same order
     * @param thresholdParameter the parameter a {@code threshold} effect moves, or null for none
     */
    ParameterizedKernel(ParameterTable params, String[] stateNames, String[] stateUnits, String thresholdParameter) {
        this.params = requireNonNull(params, "params is null");
        this.stateNames = stateNames.clone();
        this.stateUnits = stateUnits.clone();
        if (stateNames.length != stateUnits.length) {
            throw new IllegalArgumentException(stateNames.length + " state variables but " + stateUnits.length
                    + " units");
        }
        this.thresholdParameter = thresholdParameter;
    }

    /** Recomputes what neuron {@code local} derives from its parameters, after one of them changed. */
    abstract void refresh(int local);

    @Override
    public final int stateIndex(String variable) {
        return indexOf(stateNames, variable);
    }

    @Override
    public String stateUnit(int index) {
        return stateUnits[index];
    }

    @Override
    public final int parameterIndex(String name) {
        return params.index(name);
    }

    @Override
    public final double baseParameter(int index, int local) {
        return params.base(index, local);
    }

    @Override
    public final double parameter(int index, int local) {
        return params.get(index, local);
    }

    @Override
    public final void setParameter(int index, int local, double value) {
        params.set(index, local, value);
        refresh(local);
    }

    @Override
    public final String thresholdParameter() {
        return thresholdParameter;
    }

    /** The index of {@code name} in {@code names}, or -1. */
    static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
