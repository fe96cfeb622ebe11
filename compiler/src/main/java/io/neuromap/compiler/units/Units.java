package io.neuromap.compiler.units;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table of unit symbols. Symbols are ASCII; {@code µ}/{@code μ} spellings are looked up as
 * {@code u} (the front end warns about them). Units are not names: {@code ms} is a unit only right
 * after a number.
 */
public final class Units {
    private static final Map<String, Unit> TABLE = new LinkedHashMap<>();

    static {
        add("s", 1, Dimension.TIME);
        add("ms", 1e-3, Dimension.TIME);
        add("us", 1e-6, Dimension.TIME);
        add("ns", 1e-9, Dimension.TIME);
        add("min", 60, Dimension.TIME);
        add("Hz", 1, Dimension.FREQUENCY);
        add("kHz", 1e3, Dimension.FREQUENCY);
        add("V", 1, Dimension.VOLTAGE);
        add("mV", 1e-3, Dimension.VOLTAGE);
        add("uV", 1e-6, Dimension.VOLTAGE);
        add("A", 1, Dimension.CURRENT);
        add("mA", 1e-3, Dimension.CURRENT);
        add("uA", 1e-6, Dimension.CURRENT);
        add("nA", 1e-9, Dimension.CURRENT);
        add("pA", 1e-12, Dimension.CURRENT);
        add("S", 1, Dimension.CONDUCTANCE);
        add("mS", 1e-3, Dimension.CONDUCTANCE);
        add("uS", 1e-6, Dimension.CONDUCTANCE);
        add("nS", 1e-9, Dimension.CONDUCTANCE);
        add("pS", 1e-12, Dimension.CONDUCTANCE);
        add("F", 1, Dimension.CAPACITANCE);
        add("uF", 1e-6, Dimension.CAPACITANCE);
        add("nF", 1e-9, Dimension.CAPACITANCE);
        add("pF", 1e-12, Dimension.CAPACITANCE);
        add("ohm", 1, Dimension.RESISTANCE);
        add("kohm", 1e3, Dimension.RESISTANCE);
        add("Mohm", 1e6, Dimension.RESISTANCE);
        add("Gohm", 1e9, Dimension.RESISTANCE);
    }

    /** The unit used to print each dimension in reports: the one neuroscientists read. */
    private static final Map<Dimension, Unit> DISPLAY = Map.of(
            Dimension.TIME, TABLE.get("ms"),
            Dimension.FREQUENCY, TABLE.get("Hz"),
            Dimension.VOLTAGE, TABLE.get("mV"),
            Dimension.CURRENT, TABLE.get("nA"),
            Dimension.CONDUCTANCE, TABLE.get("nS"),
            Dimension.CAPACITANCE, TABLE.get("pF"),
            Dimension.RESISTANCE, TABLE.get("Mohm"));

    private Units() {
    }

    private static void add(String symbol, double factor, Dimension dimension) {
        TABLE.put(symbol, new Unit(symbol, factor, dimension));
    }

    /** The unit for a symbol; {@code µs} and {@code μs} find {@code us}. */
    public static Optional<Unit> lookup(String symbol) {
        return Optional.ofNullable(TABLE.get(asciiSpelling(symbol)));
    }

    /** The symbol with a leading micro sign replaced by {@code u}. */
    public static String asciiSpelling(String symbol) {
        if (!symbol.isEmpty() && (symbol.charAt(0) == '\u00B5' || symbol.charAt(0) == '\u03BC')) {
            return "u" + symbol.substring(1);
        }
        return symbol;
    }

    /** Every accepted symbol, in table order (for docs and "did you mean"). */
    public static List<String> symbols() {
        return List.copyOf(TABLE.keySet());
    }

    /** The unit reports print a dimension in ({@code ms}, {@code mV}, ...), if it has one. */
    public static Optional<Unit> displayUnit(Dimension dimension) {
        return Optional.ofNullable(DISPLAY.get(dimension));
    }

    /** A value in SI with its dimension, printed in the display unit: {@code 20 ms}, {@code -65 mV}, {@code 0.5}. */
    public static String format(double si, Dimension dimension) {
        Optional<Unit> unit = displayUnit(dimension);
        if (unit.isPresent()) {
            return formatNumber(si / unit.get().factor()) + " " + unit.get().symbol();
        }
        return dimension.isNone() ? formatNumber(si) : formatNumber(si) + " " + dimension.baseUnits();
    }

    /** A short, stable rendering of a double: up to 6 significant digits, no trailing zeros. */
    public static String formatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(java.util.Locale.ROOT, "%.6g", v);
        if (s.contains("e") || s.contains("E")) {
            return s.replaceAll("\\.?0+(?=[eE])", "");
        }
        return s.contains(".") ? s.replaceAll("\\.?0+$", "") : s;
    }
}
