package io.neuromap.backends.loihi1.learning;

import io.neuromap.backends.loihi1.Loihi1Limits;

/**
 * The nearest sum-of-products scale to a wanted factor. A product's value in weight units is
 * {@code mantissa * 2^(exponent - shift) * factors}, where {@code shift} is the right shift its
 * factor widths force ({@code max(0, sum w_f + 4 - 15)}, specs/loihi1.md §3.3); the mantissa is
 * signed 4-bit and the exponent -7..8, so the representable magnitudes are
 * {@code {1..8} x 2^(-7 - shift .. 8 - shift)} (8 only for negative scales).
 *
 * @param mantissa the signed mantissa
 * @param exponent the exponent
 * @param value the scale this gives, {@code mantissa * 2^(exponent - shift)}
 * @param error {@code |value - wanted| / |wanted|}; 1 when the wanted scale is below the smallest
 *     representable one (the product would round to nothing)
 */
record ScaleFit(int mantissa, int exponent, double value, double error) {

    /** Right shift of a product whose factors are {@code factorBits} wide in total. */
    static int shift(int factorBits) {
        return Math.max(0, factorBits + 4 - Loihi1Limits.LEARNING_ACCUMULATOR_BITS);
    }

    /** The scale nearest to {@code wanted} (any sign, non-zero) for a product with right shift {@code shift}. */
    static ScaleFit of(double wanted, int shift) {
        double mag = Math.abs(wanted);
        boolean negative = wanted < 0;
        int maxMant = negative ? -Loihi1Limits.LEARNING_SCALE_MANTISSA_MIN : Loihi1Limits.LEARNING_SCALE_MANTISSA_MAX;
        int bestM = 1;
        int bestE = Loihi1Limits.LEARNING_SCALE_EXP_MIN;
        double bestErr = Double.POSITIVE_INFINITY;
        for (int e = Loihi1Limits.LEARNING_SCALE_EXP_MIN; e <= Loihi1Limits.LEARNING_SCALE_EXP_MAX; e++) {
            double unit = StrictMath.scalb(1.0, e - shift);
            for (int m = 1; m <= maxMant; m++) {
                double err = Math.abs(m * unit - mag) / mag;
                // Prefer the smaller exponent at equal error: it keeps more of the product's bits.
                if (err < bestErr - 1e-12) {
                    bestErr = err;
                    bestM = m;
                    bestE = e;
                }
            }
        }
        double smallest = StrictMath.scalb(1.0, Loihi1Limits.LEARNING_SCALE_EXP_MIN - shift);
        if (mag < smallest / 2) {
            bestErr = 1;
        }
        int m = negative ? -bestM : bestM;
        return new ScaleFit(m, bestE, m * StrictMath.scalb(1.0, bestE - shift), bestErr);
    }
}
