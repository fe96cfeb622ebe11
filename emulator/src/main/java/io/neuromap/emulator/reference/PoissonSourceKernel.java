package io.neuromap.emulator.reference;

import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.PoissonSpikeTrains;
import io.neuromap.compiler.ir.Population;

/**
 * {@code poisson} populations (PyNN {@code SpikeSourcePoisson}): neuron i fires in step s when
 * s is in [start, start + duration) on the step grid and the IR's deterministic trains say so
 * ({@link PoissonSpikeTrains#forPopulation}: keyed by (seed, population path, neuron, step), with
 * probability {@code 1 - exp(-rate dt)} per step). The chip config carries the same trains, so
 * the float reference and the emulators see identical input spikes. An external stimulus aimed
 * at the population ({@link StepInputs#forced}) makes a neuron fire in addition.
 */
final class PoissonSourceKernel extends ParameterizedKernel {
    private static final String[] PARAMETERS = {"rate", "start", "duration"};

    private final int offset;
    private final int size;
    private final double dt;
    private final PoissonSpikeTrains trains;
    private final double[] probability;
    private final long[] firstStep;
    private final long[] endStep;

    PoissonSourceKernel(Network network, Population population) {
        super(new ParameterTable(population, PARAMETERS), new String[0], new String[0], null);
        this.offset = population.offset();
        this.size = population.size();
        this.dt = network.simulation().dt();
        this.trains = PoissonSpikeTrains.forPopulation(network, population);
        probability = new double[size];
        firstStep = new long[size];
        endStep = new long[size];
        for (int i = 0; i < size; i++) {
            refresh(i);
        }
    }

    @Override
    void refresh(int i) {
        double start = params.get(1, i);
        probability[i] = PoissonSpikeTrains.stepProbability(params.get(0, i), dt);
        firstStep[i] = PoissonSpikeTrains.stepAtOrAfter(start, dt);
        endStep[i] = PoissonSpikeTrains.stepAtOrAfter(start + params.get(2, i), dt);
    }

    @Override
    public void step(StepInputs in, SpikeBuffer out) {
        final long s = in.step();
        final boolean[] forced = in.forced;
        for (int i = 0; i < size; i++) {
            boolean fire = s >= firstStep[i] && s < endStep[i] && trains.fires(i, s, probability[i]);
            if (fire || forced[offset + i]) {
                out.add(offset + i);
            }
        }
    }

    @Override
    public String stateUnit(int index) {
        throw new IndexOutOfBoundsException("a spike source has no state");
    }

    @Override
    public double state(int index, int local) {
        throw new IndexOutOfBoundsException("a spike source has no state");
    }
}
