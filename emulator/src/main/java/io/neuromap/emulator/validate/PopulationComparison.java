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
 * @param divergenceFloor the largest van Rossum distance per spike between the float reference and
 *     its floor's runs ({@link DivergenceFloor}): how far the network's own dynamics carry the
 *     smallest differences a chip makes; empty when it was not measured (every population was
 *     within its tolerances, or the floor is off)
 * @param rateFloor the largest rate error of the floor's runs against the reference, on the same
 *     scale as {@code rateError}; empty when not measured
 * @param voltageRmse root mean square of the voltage difference over every probed neuron and
 *     common sample, V; empty where no voltage is probed in both runs
 * @param voltageSamples the (neuron, step) samples behind {@code voltageRmse}
 */
public record PopulationComparison(String name, int size, long referenceSpikes, long emulatedSpikes,
        double referenceRate, double emulatedRate, double rateError, double vanRossum, OptionalDouble divergenceFloor,
        OptionalDouble rateFloor, OptionalDouble voltageRmse, long voltageSamples) {

    public PopulationComparison {
        requireNonNull(name, "name is null");
        requireNonNull(divergenceFloor, "divergenceFloor is null");
        requireNonNull(rateFloor, "rateFloor is null");
        requireNonNull(voltageRmse, "voltageRmse is null");
    }

    /**
     * This comparison with one more floor run measured: its van Rossum distance and rate error
     * against the reference raise the floors where they exceed them.
     */
    public PopulationComparison withFloorRun(double vanRossumOfRun, double rateErrorOfRun) {
        double vr = Math.max(vanRossumOfRun, divergenceFloor.orElse(0));
        double rate = Math.max(rateErrorOfRun, rateFloor.orElse(0));
        return new PopulationComparison(name, size, referenceSpikes, emulatedSpikes, referenceRate, emulatedRate,
                rateError, vanRossum, OptionalDouble.of(vr), OptionalDouble.of(rate), voltageRmse, voltageSamples);
    }

    /** True when the rate error is within {@code tolerances}: at most its tolerance, or {@link #rateByFloor by the floor}. */
    public boolean rateWithin(ValidationTolerances tolerances) {
        return rateError <= tolerances.rate() || rateByFloor(tolerances);
    }

    /**
     * True when the rate error exceeds its tolerance but the reference's own rate moves by more
     * than the tolerance under the floor's runs (a network whose activity branches on changes far
     * below the chip's resolution), and the emulation stays within {@code rateFloor * (1 + margin)}.
     */
    public boolean rateByFloor(ValidationTolerances tolerances) {
        return rateError > tolerances.rate() && byFloor(rateError, rateFloor, tolerances.rate(), tolerances);
    }

    /**
     * True when the van Rossum distance is within {@code tolerances}: at most its tolerance, or
     * {@link #vanRossumByFloor by the divergence floor}.
     */
    public boolean vanRossumWithin(ValidationTolerances tolerances) {
        return vanRossum <= tolerances.vanRossum() || vanRossumByFloor(tolerances);
    }

    /**
     * True when the van Rossum distance exceeds its tolerance but the network is chaotic: the
     * reference diverges from itself by more than the tolerance under the floor's runs, and the
     * emulation stays within {@code floor * (1 + margin)}.
     */
    public boolean vanRossumByFloor(ValidationTolerances tolerances) {
        return vanRossum > tolerances.vanRossum()
                && byFloor(vanRossum, divergenceFloor, tolerances.vanRossum(), tolerances);
    }

    private static boolean byFloor(double value, OptionalDouble floor, double tolerance, ValidationTolerances t) {
        if (floor.isEmpty() || t.chaosMargin().isEmpty()) {
            return false;
        }
        double f = floor.getAsDouble();
        return f > tolerance && value <= f * (1 + t.chaosMargin().getAsDouble());
    }

    /** True when the rate error and the van Rossum distance are within {@code tolerances}: what the floor can change. */
    public boolean spikesWithin(ValidationTolerances tolerances) {
        return rateWithin(tolerances) && vanRossumWithin(tolerances);
    }

    /** True when the voltage RMSE is within {@code tolerances}, or either is absent. */
    public boolean voltageWithin(ValidationTolerances tolerances) {
        return voltageRmse.isEmpty() || tolerances.voltageRmse().isEmpty()
                || voltageRmse.getAsDouble() <= tolerances.voltageRmse().getAsDouble();
    }

    /** True when every metric is within {@code tolerances}. */
    public boolean within(ValidationTolerances tolerances) {
        return spikesWithin(tolerances) && voltageWithin(tolerances);
    }
}
