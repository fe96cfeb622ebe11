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
 * @param vanRossum the van Rossum distance per spike, {@link VanRossum#perSpike}: {@code sum_i D_i^2 / n}
 *     over the neurons i, with n the mean of the two runs' spike counts; 0 for identical trains,
 *     1 for unrelated ones (no spike with a partner within a few tau, or independent Poisson
 *     trains of equal rates), 0 when neither run spiked
 * @param divergenceFloor the same distance between the float reference and the float reference
 *     run again with its first spike arriving one step late ({@link DivergenceFloor}): how far
 *     the network's own dynamics carry the smallest difference a discrete-time engine makes; empty
 *     when it was not measured (no population exceeded its van Rossum tolerance, or the floor is
 *     off)
 * @param voltageRmse root mean square of the voltage difference over every probed neuron and
 *     common sample, V; empty where no voltage is probed in both runs
 * @param voltageSamples the (neuron, step) samples behind {@code voltageRmse}
 */
public record PopulationComparison(String name, int size, long referenceSpikes, long emulatedSpikes,
        double referenceRate, double emulatedRate, double rateError, double vanRossum, OptionalDouble divergenceFloor,
        OptionalDouble voltageRmse, long voltageSamples) {

    public PopulationComparison {
        requireNonNull(name, "name is null");
        requireNonNull(divergenceFloor, "divergenceFloor is null");
        requireNonNull(voltageRmse, "voltageRmse is null");
    }

    /** This comparison with its divergence floor measured. */
    public PopulationComparison withFloor(double floor) {
        return new PopulationComparison(name, size, referenceSpikes, emulatedSpikes, referenceRate, emulatedRate,
                rateError, vanRossum, OptionalDouble.of(floor), voltageRmse, voltageSamples);
    }

    /** True when the rate error is within {@code tolerances}. */
    public boolean rateWithin(ValidationTolerances tolerances) {
        return rateError <= tolerances.rate();
    }

    /**
     * True when the van Rossum distance is within {@code tolerances}: at most its tolerance, or
     * {@link #passesByFloor passes by the divergence floor}.
     */
    public boolean vanRossumWithin(ValidationTolerances tolerances) {
        return vanRossum <= tolerances.vanRossum() || passesByFloor(tolerances);
    }

    /**
     * True when the van Rossum distance exceeds its tolerance but the network is chaotic: the
     * reference diverges from itself by more than the tolerance when one spike arrives one step late, and
     * the emulation stays within {@code floor * (1 + margin)}.
     */
    public boolean passesByFloor(ValidationTolerances tolerances) {
        if (vanRossum <= tolerances.vanRossum() || divergenceFloor.isEmpty() || tolerances.chaosMargin().isEmpty()) {
            return false;
        }
        double floor = divergenceFloor.getAsDouble();
        return floor > tolerances.vanRossum() && vanRossum <= floor * (1 + tolerances.chaosMargin().getAsDouble());
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
