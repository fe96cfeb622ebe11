package io.neuromap.backends.loihi1.lower;

import io.neuromap.backends.loihi1.Loihi1Limits;

/**
 * The time constants Loihi 1's integer registers realize, and the error measures the lowering
 * reports. Decays are toward-zero multiplications by {@code (4096 - decay - offset) / 4096} per
 * step (loihi1.md §2.2), so a register value d realizes the time constant
 * {@code tau = -dt / ln((4096 - d - offset) / 4096)}; a refractory delay r holds the voltage for
 * {@code r - 1} steps.
 *
 * <p>Relative error of a time constant: {@code |tau' - tau| / tau}, where both are floored at the
 * shortest time constant a 12-bit decay resolves, {@code dt / ln(4096)}: a current that decays
 * within one step is an impulse on the chip and in the model alike. Relative error of a
 * refractory period: {@code |t' - t| / max(t, dt)}, measured against one step because the period
 * is counted in whole steps by the chip and by the float reference alike.
 */
final class Components {
    /** ln(4096): decays shorter than {@code dt / ln(4096)} are indistinguishable from a one-step impulse. */
    private static final double LN_UNITY = Math.log(Loihi1Limits.DECAY_UNITY);

    private Components() {
    }

    /** The current decay's realized time constant (s): {@code -dt / ln((4096 - du - 1) / 4096)}, 0 for a full decay. */
    static double currentTau(int decayU, double dt) {
        double factor = (Loihi1Limits.DECAY_UNITY - decayU - Loihi1Limits.DECAY_U_OFFSET) / (double) Loihi1Limits.DECAY_UNITY;
        return factor <= 0 ? 0 : -dt / Math.log(factor);
    }

    /** The voltage decay's realized time constant (s): {@code -dt / ln((4096 - dv) / 4096)}, infinite for dv = 0. */
    static double voltageTau(int decayV, double dt) {
        double factor = (Loihi1Limits.DECAY_UNITY - decayV - Loihi1Limits.DECAY_V_OFFSET) / (double) Loihi1Limits.DECAY_UNITY;
        if (factor >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        return factor <= 0 ? 0 : -dt / Math.log(factor);
    }

    /** The refractory period a refractory delay realizes (s): {@code (r - 1) dt}. */
    static double refractoryTime(int refractDelay, double dt) {
        return (refractDelay - 1) * dt;
    }

    /** Relative error of a realized time constant against the intended one, both floored at the resolution. */
    static double tauError(double realized, double ideal, double dt) {
        double floor = dt / LN_UNITY;
        double r = Math.max(realized, floor);
        double i = Math.max(ideal, floor);
        if (Double.isInfinite(i)) {
            return Double.isInfinite(r) ? 0 : 1;
        }
        if (Double.isInfinite(r)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.abs(r - i) / i;
    }

    /** Relative error of a realized refractory period, against max(ideal, dt). */
    static double refractoryError(double realized, double ideal, double dt) {
        return Math.abs(realized - ideal) / Math.max(ideal, dt);
    }

    /** The current-decay register as a binning component. */
    static ProfileComponent currentDecay(double dt) {
        return new ProfileComponent() {
            @Override
            public double coordinate(int value) {
                return Math.log(Math.max(currentTau(value, dt), dt / LN_UNITY));
            }

            @Override
            public int quantize(double coordinate) {
                return nearest(this, coordinate, io.neuromap.backends.loihi1.Loihi1Discretization.decayUFromTau(
                        Math.exp(coordinate), dt));
            }

            @Override
            public double relativeError(int binned, int own) {
                return tauError(currentTau(binned, dt), currentTau(own, dt), dt);
            }
        };
    }

    /** The voltage-decay register as a binning component. */
    static ProfileComponent voltageDecay(double dt) {
        return new ProfileComponent() {
            @Override
            public double coordinate(int value) {
                // dv = 0 (no leak) is kept apart at a coordinate beyond any finite decay.
                double tau = voltageTau(Math.max(value, 0), dt);
                return Double.isInfinite(tau) ? Math.log(dt * Loihi1Limits.DECAY_UNITY * 4.0)
                        : Math.log(Math.max(tau, dt / LN_UNITY));
            }

            @Override
            public int quantize(double coordinate) {
                return nearest(this, coordinate, io.neuromap.backends.loihi1.Loihi1Discretization.decayVFromTau(
                        Math.exp(coordinate), dt));
            }

            @Override
            public double relativeError(int binned, int own) {
                return tauError(voltageTau(binned, dt), voltageTau(own, dt), dt);
            }
        };
    }

    /** The refractory delay as a binning component (coordinate ln(r), r >= 1). */
    static ProfileComponent refractory(double dt) {
        return new ProfileComponent() {
            @Override
            public double coordinate(int value) {
                return Math.log(Math.max(value, 1));
            }

            @Override
            public int quantize(double coordinate) {
                long r = Math.round(Math.exp(coordinate));
                return (int) Math.max(Loihi1Limits.REFRACTORY_DELAY_MIN, Math.min(r, Loihi1Limits.REFRACTORY_DELAY_MAX));
            }

            @Override
            public double relativeError(int binned, int own) {
                return refractoryError(refractoryTime(binned, dt), refractoryTime(own, dt), dt);
            }
        };
    }

    /** {@code guess} or a neighbouring register value, whichever has the nearer coordinate. */
    private static int nearest(ProfileComponent c, double coordinate, int guess) {
        int best = clampDecay(guess);
        double bestDistance = Math.abs(c.coordinate(best) - coordinate);
        for (int d = best - 2; d <= best + 2; d++) {
            if (d < 0 || d > Loihi1Limits.DECAY_MAX) {
                continue;
            }
            double distance = Math.abs(c.coordinate(d) - coordinate);
            if (distance < bestDistance) {
                best = d;
                bestDistance = distance;
            }
        }
        return best;
    }

    static int clampDecay(int d) {
        return Math.max(0, Math.min(d, Loihi1Limits.DECAY_MAX));
    }
}
