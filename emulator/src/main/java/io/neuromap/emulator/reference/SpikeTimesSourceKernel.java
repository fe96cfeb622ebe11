package io.neuromap.emulator.reference;

import io.neuromap.compiler.ir.ListParameterValues;
import io.neuromap.compiler.ir.Population;

/**
 * {@code spike_times} populations (PyNN {@code SpikeSourceArray}): each neuron fires in the steps
 * of its {@code times} ({@link SpikeTimes}). The steps of all neurons are kept in one CSR table
 * with a cursor per neuron, so a step costs one comparison per neuron and no search. An external
 * stimulus aimed at the population ({@link StepInputs#forced}) makes a neuron fire in addition.
 */
final class SpikeTimesSourceKernel implements NeuronKernel {
    private final int offset;
    private final int size;
    private final int[] rowStart;
    private final long[] steps;
    private final int[] cursor;

    SpikeTimesSourceKernel(Population population, double dt) {
        this.offset = population.offset();
        this.size = population.size();
        ListParameterValues times = population.listParameters().get("times");
        if (times == null) {
            throw new IllegalArgumentException("spike_times population " + population.name() + " has no times");
        }
        long[][] perNeuron = new long[size][];
        long total = 0;
        for (int i = 0; i < size; i++) {
            perNeuron[i] = SpikeTimes.steps(times.get(i), dt, Long.MAX_VALUE);
            total += perNeuron[i].length;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many spike times in " + population.name());
        }
        rowStart = new int[size + 1];
        steps = new long[(int) total];
        for (int i = 0; i < size; i++) {
            rowStart[i + 1] = rowStart[i] + perNeuron[i].length;
            System.arraycopy(perNeuron[i], 0, steps, rowStart[i], perNeuron[i].length);
        }
        cursor = rowStart.clone();
    }

    @Override
    public void step(StepInputs in, SpikeBuffer out) {
        final long s = in.step();
        final boolean[] forced = in.forced;
        for (int i = 0; i < size; i++) {
            int c = cursor[i];
            boolean fire = false;
            if (c < rowStart[i + 1] && steps[c] == s) {
                fire = true;
                cursor[i] = c + 1;
            }
            if (fire || forced[offset + i]) {
                out.add(offset + i);
            }
        }
    }

    @Override
    public int stateIndex(String variable) {
        return -1;
    }

    @Override
    public String stateUnit(int index) {
        throw new IndexOutOfBoundsException("a spike source has no state");
    }

    @Override
    public double state(int index, int local) {
        throw new IndexOutOfBoundsException("a spike source has no state");
    }

    @Override
    public int parameterIndex(String name) {
        return -1;
    }

    @Override
    public double baseParameter(int index, int local) {
        throw new IndexOutOfBoundsException("spike_times has no scalar parameters");
    }

    @Override
    public double parameter(int index, int local) {
        throw new IndexOutOfBoundsException("spike_times has no scalar parameters");
    }

    @Override
    public void setParameter(int index, int local, double value) {
        throw new IndexOutOfBoundsException("spike_times has no scalar parameters");
    }

    @Override
    public String thresholdParameter() {
        return null;
    }
}
