package io.neuromap.cli;

import java.util.Locale;

/** Small wording helpers shared by the commands' human-readable output. */
final class Text {
    private Text() {
    }

    /** {@code 1 error}, {@code 2 errors}, {@code 12,000 synapses}. */
    static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d", n) + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * A statistic for people: whole numbers as such ({@code 80}, {@code -65}), others with four
     * significant digits and no trailing zeros ({@code 19.87}, {@code 0.0162}, {@code 1.5e-05}).
     */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.isNaN(v) ? "-" : v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + exponent;
    }
}
