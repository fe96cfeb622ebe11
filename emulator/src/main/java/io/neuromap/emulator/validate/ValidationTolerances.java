package io.neuromap.emulator.validate;

import java.util.OptionalDouble;

/**
 * How far an emulation may stray from the float reference and still validate (DESIGN.md, the
 * float reference), per population: the relative rate error, the van Rossum distance per spike
 * with its kernel's time constant, and optionally the voltage RMSE.
 *
 * @param rate largest {@code |r_emu - r_ref| / max(r_ref, 1 Hz)}
 * @param vanRossum largest van Rossum distance per spike ({@link PopulationComparison#vanRossum()})
 * @param tau the van Rossum kernel's time constant, s
 * @param voltageRmse largest voltage RMSE, V; empty: reported, not judged
 */
public record ValidationTolerances(double rate, double vanRossum, double tau, OptionalDouble voltageRmse) {

    /** DESIGN.md's defaults: 10 % rate error, van Rossum 0.5 at tau = 10 ms, voltage not judged. */
    public static final ValidationTolerances DEFAULTS = new ValidationTolerances(0.10, 0.5, 0.010,
            OptionalDouble.empty());

    public ValidationTolerances {
        if (!(rate >= 0) || !(vanRossum >= 0) || Double.isInfinite(rate) || Double.isInfinite(vanRossum)) {
            throw new IllegalArgumentException("tolerances must be finite and >= 0, got rate " + rate + ", van Rossum "
                    + vanRossum);
        }
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("tau must be finite and > 0, got " + tau);
        }
        if (voltageRmse == null) {
            throw new NullPointerException("voltageRmse is null");
        }
        if (voltageRmse.isPresent() && !(voltageRmse.getAsDouble() >= 0)) {
            throw new IllegalArgumentException("voltage tolerance must be >= 0, got " + voltageRmse.getAsDouble());
        }
    }
}
