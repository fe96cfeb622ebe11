package io.neuromap.backends.loihi1;

/**
 * The scale factors nengo-loihi's {@code discretize_compartment} picks for one block of
 * compartments: how real weights, thresholds and biases map onto the chip's integers, and the
 * weight exponent that makes them fit. The lowering multiplies by these before rounding, and
 * divides probed voltages by {@link #voltageScale()} to report them in model units.
 *
 * @param weightScale factor applied to real weights before {@code discretize_weights}
 *     (255 / w_max when the block has weights)
 * @param weightExp the block's weight exponent, 0..-7
 * @param voltageScale factor from model voltage (threshold) units to chip state units
 * @param biasScale factor from model bias units to chip state units
 * @see "loihi1.md §2.3 (choosing the weight exponent); nengo-loihi builder/discretize.py"
 */
public record Loihi1CompartmentScale(double weightScale, int weightExp, double voltageScale, double biasScale) {

    public Loihi1CompartmentScale {
        if (!(weightScale > 0) || !(voltageScale > 0) || !(biasScale > 0) || Double.isInfinite(weightScale)
                || Double.isInfinite(voltageScale) || Double.isInfinite(biasScale)) {
            throw new IllegalArgumentException("scales must be positive and finite, got weightScale=" + weightScale
                    + ", voltageScale=" + voltageScale + ", biasScale=" + biasScale);
        }
        if (weightExp < Loihi1Limits.WEIGHT_EXP_MIN || weightExp > Loihi1Limits.WEIGHT_EXP_MAX) {
            throw new IllegalArgumentException("weightExp must be " + Loihi1Limits.WEIGHT_EXP_MIN + ".."
                    + Loihi1Limits.WEIGHT_EXP_MAX + ", got " + weightExp);
        }
    }
}
