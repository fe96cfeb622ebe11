package io.neuromap.compiler.units;

/**
 * A physical dimension as integer exponents of three base units: second, ampere and volt. Every
 * unit the language knows is a product of these (S = A/V, F = A·s/V, ohm = V/A, Hz = 1/s), which
 * keeps unit checking exact and cheap.
 */
public record Dimension(int time, int current, int voltage) {
    public static final Dimension NONE = new Dimension(0, 0, 0);
    public static final Dimension TIME = new Dimension(1, 0, 0);
    public static final Dimension FREQUENCY = new Dimension(-1, 0, 0);
    public static final Dimension VOLTAGE = new Dimension(0, 0, 1);
    public static final Dimension CURRENT = new Dimension(0, 1, 0);
    public static final Dimension CONDUCTANCE = new Dimension(0, 1, -1);
    public static final Dimension CAPACITANCE = new Dimension(1, 1, -1);
    public static final Dimension RESISTANCE = new Dimension(0, -1, 1);

    public Dimension times(Dimension o) {
        return new Dimension(time + o.time, current + o.current, voltage + o.voltage);
    }

    public Dimension divide(Dimension o) {
        return new Dimension(time - o.time, current - o.current, voltage - o.voltage);
    }

    public Dimension pow(int n) {
        return new Dimension(time * n, current * n, voltage * n);
    }

    public boolean isNone() {
        return this.equals(NONE);
    }

    /** A word users know ("time", "voltage"), or the base-unit product for anything else. */
    public String describe() {
        if (equals(NONE)) return "a dimensionless number";
        if (equals(TIME)) return "a time";
        if (equals(FREQUENCY)) return "a frequency";
        if (equals(VOLTAGE)) return "a voltage";
        if (equals(CURRENT)) return "a current";
        if (equals(CONDUCTANCE)) return "a conductance";
        if (equals(CAPACITANCE)) return "a capacitance";
        if (equals(RESISTANCE)) return "a resistance";
        return "a quantity in " + baseUnits();
    }

    /** The dimension as a product of base units, e.g. {@code s^-1*V}. */
    public String baseUnits() {
        StringBuilder b = new StringBuilder();
        append(b, "s", time);
        append(b, "A", current);
        append(b, "V", voltage);
        return b.length() == 0 ? "1" : b.toString();
    }

    private static void append(StringBuilder b, String unit, int exponent) {
        if (exponent == 0) {
            return;
        }
        if (b.length() > 0) {
            b.append('*');
        }
        b.append(unit);
        if (exponent != 1) {
            b.append('^').append(exponent);
        }
    }

    @Override
    public String toString() {
        return baseUnits();
    }
}
