package io.neuromap.emulator.validate;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/**
 * One population, float reference against emulation.
 *
 * @param name the population
 * @param size its neurons
 * @param referenceSpikes spikes in the float reference
 * @param emulatedSpikes spikes in the emulation
 * @param referenceRate mean rate in the reference, Hz
 * @param emulatedRate mean rate in the emulation, Hz
 * @param rateError {@code |r_emu - r_ref| / max(r_ref, 1 Hz)}
 * @param vanRossum the van Rossum distance per spike: {@code sum_i D_i^2 / n} over the neurons i
 *     ({@link VanRossum}), with n the mean of the two runs' spike counts. {@code D^2} adds up over
 *     spikes (a spike with no partner adds 1/2, a pair moved apart by d adds {@code 1 - e^(-d/tau)}),
 *     so per spike it reads: 0 for identical trains, 1 when no spike has a partner within a few
 *     tau, and 0.5 when every spike is moved by {@code tau ln 2} or half have no partner; 0 when
 *     neither run spiked
 * @param voltageRmse root mean square of the voltage difference over every probed neuron and
 *     common sample, V; empty where no voltage is probed in both runs
 * @param voltageSamples the (neuron, step) samples behind {@code voltageRmse}
 */
public record PopulationComparison(String name, int size, long referenceSpikes, long emulatedSpikes,
        double referenceRate, double emulatedRate, double rateError, double vanRossum, OptionalDouble voltageRmse,
        long voltageSamples) {

    public PopulationComparison {
        requireNonNull(name, "name is null");
        requireNonNull(voltageRmse, "voltageRmse is null");
    }

    /** True when the rate error is within {@code tolerances}. */
    public boolean rateWithin(ValidationTolerances tolerances) {
        return rateError <= tolerances.rate();
    }

    /** True when the van Rossum distance is within {@code tolerances}. */
    public boolean vanRossumWithin(ValidationTolerances tolerances) {
        return vanRossum <= tolerances.vanRossum();
    }

    /** True when the voltage RMSE is within {@code tolerances}, or either is absent. */
    public boolean voltageWithin(ValidationTolerances tolerances) {
        return voltageRmse.isEmpty() || tolerances.voltageRmse().isEmpty()
                || voltageRmse.getAsDouble() <= tolerances.voltageRmse().getAsDouble();
    }

    /** True when every metric is within {@code tolerances}. */
    public boolean within(ValidationTolerances tolerances) {
        return rateWithin(tolerances) && vanRossumWithin(tolerances) && voltageWithin(tolerances);
    }
}
