package io.neuromap.emulator.validate;

import java.util.OptionalDouble;

/**
 * How far an emulation may stray from the float reference and still validate (DESIGN.md, the
 * float reference), per population: the relative rate error, the van Rossum distance per spike
 * with its kernel's time constant, optionally the voltage RMSE, and how a chaotic network's
 * spike trains are judged ({@link #chaosMargin}).
 *
 * @param rate largest {@code |r_emu - r_ref| / max(r_ref, 1 Hz)}
 * @param vanRossum largest van Rossum distance per spike ({@link PopulationComparison#vanRossum()})
 * @param tau the van Rossum kernel's time constant, s
 * @param voltageRmse largest voltage RMSE, V; empty: reported, not judged
 * @param chaosMargin when a population's van Rossum distance exceeds {@code vanRossum} and the
 *     float reference diverges from itself by more than {@code vanRossum} when its first spike
 *     arrives one step late (its divergence floor, {@link DivergenceFloor}), the distance may reach
 *     {@code floor * (1 + chaosMargin)}; empty: no floor, {@code vanRossum} is the only limit
 */
public record ValidationTolerances(double rate, double vanRossum, double tau, OptionalDouble voltageRmse,
        OptionalDouble chaosMargin) {

    /** The default {@link #chaosMargin}: the emulator may diverge 25 % more than the reference does from itself. */
    public static final double DEFAULT_CHAOS_MARGIN = 0.25;

    /**
     * DESIGN.md's defaults: 10 % rate error, van Rossum 0.5 at tau = 10 ms, voltage not judged,
     * and the divergence floor on with {@link #DEFAULT_CHAOS_MARGIN}.
     */
    public static final ValidationTolerances DEFAULTS = new ValidationTolerances(0.10, 0.5, 0.010,
            OptionalDouble.empty(), OptionalDouble.of(DEFAULT_CHAOS_MARGIN));

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
        if (chaosMargin == null) {
            throw new NullPointerException("chaosMargin is null");
        }
        if (chaosMargin.isPresent() && (!(chaosMargin.getAsDouble() >= 0) || Double.isInfinite(chaosMargin.getAsDouble()))) {
            throw new IllegalArgumentException("chaos margin must be finite and >= 0, got " + chaosMargin.getAsDouble());
        }
    }

    /** These tolerances without the divergence floor: {@link #vanRossum} is the only limit on spike timing. */
    public ValidationTolerances withoutFloor() {
        return new ValidationTolerances(rate, vanRossum, tau, voltageRmse, OptionalDouble.empty());
    }

    /** True when a population's van Rossum distance above {@link #vanRossum} is weighed against its divergence floor. */
    public boolean floorEnabled() {
        return chaosMargin.isPresent();
    }
}
