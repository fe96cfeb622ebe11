package io.neuromap.backends.report;

import java.util.Locale;

/**
 * Number formatting shared by the human-readable report text: always {@link Locale#ROOT}, so that a
 * report's bytes never depend on the machine's locale (DESIGN.md, determinism).
 */
public final class ReportFormat {
    private static final String[] PREFIXES = {"f", "p", "n", "u", "m", "", "k", "M", "G", "T"};
    private static final int UNIT_PREFIX = 5;

    private ReportFormat() {
    }

    /** {@code value} with an SI prefix and three significant digits: {@code 1.23 uJ}. */
    public static String si(double value, String unit) {
        if (value == 0 || !Double.isFinite(value)) {
            return fmt("%s %s", value == 0 ? "0" : String.valueOf(value), unit);
        }
        int exp = (int) Math.floor(Math.log10(Math.abs(value)) / 3);
        int index = Math.max(0, Math.min(PREFIXES.length - 1, exp + UNIT_PREFIX));
        double scaled = value / Math.pow(1000, index - UNIT_PREFIX);
        String digits;
        if (Math.abs(scaled) >= 99.95) {
            digits = fmt("%.0f", scaled);
        } else if (Math.abs(scaled) >= 9.995) {
            digits = fmt("%.1f", scaled);
        } else {
            digits = fmt("%.2f", scaled);
        }
        return digits + " " + PREFIXES[index] + unit;
    }

    /** A ratio as a percentage with one decimal: {@code 62.5 %}; {@code inf} when unbounded. */
    static String percent(double ratio) {
        return Double.isInfinite(ratio) ? "inf %" : fmt("%.1f %%", 100 * ratio);
    }

    /** A non-negative quantity with at most one decimal, no exponent: {@code 1234.5}, {@code 12}. */
    static String amount(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return fmt("%d", (long) value);
        }
        return fmt("%.1f", value);
    }

    /** A relative error: {@code 1.23e-03}. */
    static String relative(double value) {
        return fmt("%.2e", value);
    }

    /** {@code n thing} or {@code n things}. */
    static String plural(long n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
