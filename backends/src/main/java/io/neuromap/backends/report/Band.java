package io.neuromap.backends.report;

import java.util.Locale;

/**
 * An estimate with its uncertainty: a nominal value inside a band {@code [low, high]}. Energy
 * and time figures for neuromorphic chips come from sources that disagree (pre-silicon tables,
 * calibrated simulators), so a report never gives one number alone.
 *
 * @param low the lowest value the sources support
 * @param nominal the value the report leads with
 * @param high the highest value the sources support
 */
public record Band(double low, double nominal, double high) {
    public Band {
        if (!Double.isFinite(low) || !Double.isFinite(nominal) || !Double.isFinite(high) || low > nominal
                || nominal > high) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "bad band: low %s, nominal %s, high %s",
                    low, nominal, high));
        }
    }

    /** A band of width zero. */
    public static Band exactly(double value) {
        return new Band(value, value, value);
    }

    /** This band plus {@code other}, end by end. */
    public Band plus(Band other) {
        return new Band(low + other.low, nominal + other.nominal, high + other.high);
    }

    /** This band times {@code factor >= 0}. */
    public Band times(double factor) {
        if (!(factor >= 0)) {
            throw new IllegalArgumentException("factor must be >= 0, got " + factor);
        }
        return new Band(low * factor, nominal * factor, high * factor);
    }
}
