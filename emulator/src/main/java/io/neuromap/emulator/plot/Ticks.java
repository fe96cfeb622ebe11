package io.neuromap.emulator.plot;

import java.util.Locale;

/**
 * Axis ticks at round numbers (1, 2 or 5 times a power of ten), and their labels with just the
 * decimals the spacing needs.
 */
final class Ticks {

    private final double first;
    private final double step;
    private final int count;
    private final int decimals;

    private Ticks(double first, double step, int count, int decimals) {
        this.first = first;
        this.step = step;
        this.count = count;
        this.decimals = decimals;
    }

    /** At most about {@code target} ticks covering {@code [lo, hi]}, all inside it. */
    static Ticks of(double lo, double hi, int target) {
        if (!(hi > lo)) {
            return new Ticks(lo, 1, 1, 0);
        }
        double raw = (hi - lo) / Math.max(1, target);
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        double step = nice * power;
        double first = Math.ceil(lo / step - 1e-9) * step;
        int count = (int) Math.floor((hi - first) / step + 1e-9) + 1;
        int decimals = (int) Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
        return new Ticks(first, step, count, decimals);
    }

    int count() {
        return count;
    }

    double value(int i) {
        return first + i * step;
    }

    String label(int i) {
        double v = value(i);
        if (Math.abs(v) < step * 1e-6) {
            v = 0;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
