package io.neuromap.backends.loihi1.lower;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.config.Loihi1Arithmetic;

/**
 * How to lower a network to Loihi 1 numbers: the command line's {@code --heterogeneity},
 * {@code --max-bin-error} and {@code --arithmetic}.
 *
 * @param heterogeneity bin heterogeneous profiles or spread the population
 * @param maxBinError the largest relative error binning may introduce in a time constant or
 *     refractory period before more bins are used (0.05 = 5 %)
 * @param arithmetic whose fixed-point arithmetic the config asks the emulator for
 */
public record Loihi1LowerOptions(Heterogeneity heterogeneity, double maxBinError, Loihi1Arithmetic arithmetic) {
    /** The default bound on the binning error: 5 %. */
    public static final double DEFAULT_MAX_BIN_ERROR = 0.05;

    public Loihi1LowerOptions {
        requireNonNull(heterogeneity, "heterogeneity is null");
        requireNonNull(arithmetic, "arithmetic is null");
        if (!(maxBinError >= 0) || Double.isInfinite(maxBinError)) {
            throw new IllegalArgumentException("maxBinError must be finite and >= 0, got " + maxBinError);
        }
    }

    /** Binning with a 5 % bound, nengo-loihi arithmetic. */
    public static Loihi1LowerOptions defaults() {
        return new Loihi1LowerOptions(Heterogeneity.BIN, DEFAULT_MAX_BIN_ERROR, Loihi1Arithmetic.NENGO_LOIHI);
    }

    public Loihi1LowerOptions withHeterogeneity(Heterogeneity h) {
        return new Loihi1LowerOptions(h, maxBinError, arithmetic);
    }

    public Loihi1LowerOptions withMaxBinError(double bound) {
        return new Loihi1LowerOptions(heterogeneity, bound, arithmetic);
    }

    public Loihi1LowerOptions withArithmetic(Loihi1Arithmetic a) {
        return new Loihi1LowerOptions(heterogeneity, maxBinError, a);
    }
}
