package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.Expr;
import io.neuromap.compiler.source.SourceFile;
import io.neuromap.compiler.source.SourceSpan;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Unit;
import io.neuromap.compiler.units.Units;
import java.util.Map;
import java.util.Optional;

/**
 * The wording of fixes: examples in the unit a user expects ("write a time, e.g. 5 ms"), values
 * rounded for reading, and quotes of the user's own text so that a help line can show the
 * corrected statement.
 */
final class Hints {
    private final Map<String, SourceFile> files;

    Hints(Map<String, SourceFile> files) {
        this.files = requireNonNull(files, "files is null");
    }

    /** The text of a span as the user wrote it, or {@code fallback} if the file is not at hand. */
    String quote(SourceSpan span, String fallback) {
        SourceFile file = files.get(span.file());
        if (file == null || span.end() > file.text().length()) {
            return fallback;
        }
        return file.text().substring(span.start(), span.end());
    }

    /**
     * An example value of {@code dimension}: the user's own number with the right unit when the
     * value is a literal ({@code 5 mV} for a time becomes {@code 5 ms}), else the fallback value,
     * else 1 of the display unit.
     */
    static String example(Dimension dimension, Expr value, Optional<Double> fallbackSi) {
        Expr e = value;
        String sign = "";
        while (e instanceof Expr.Paren || e instanceof Expr.Unary) {
            if (e instanceof Expr.Unary u) {
                sign = u.op() == Expr.UnaryOp.NEGATE ? (sign.isEmpty() ? "-" : "") : sign;
                e = u.operand();
            } else {
                e = ((Expr.Paren) e).inner();
            }
        }
        Optional<Unit> unit = Units.displayUnit(dimension);
        if (e instanceof Expr.Number n) {
            if (dimension.isNone()) {
                return sign + n.text();
            }
            if (unit.isPresent()) {
                return sign + n.text() + " " + unit.get().symbol();
            }
        }
        if (fallbackSi.isPresent() && Double.isFinite(fallbackSi.get())) {
            return Units.format(fallbackSi.get(), dimension);
        }
        return unit.map(u -> "1 " + u.symbol()).orElse(dimension.isNone() ? "1" : "1 " + dimension.baseUnits());
    }

    /** {@code write a time, e.g. 5 ms}. */
    static String write(Dimension dimension, String example) {
        return "write " + dimension.describe() + ", e.g. " + example;
    }

    /** {@code si} rounded to two significant digits in the display unit of {@code dimension}. */
    static double round2(double si, Dimension dimension) {
        if (si == 0 || !Double.isFinite(si)) {
            return si;
        }
        double factor = Units.displayUnit(dimension).map(Unit::factor).orElse(1.0);
        double v = si / factor;
        double scale = Math.pow(10, Math.floor(Math.log10(Math.abs(v))) - 1);
        return Math.round(v / scale) * scale * factor;
    }

    /** True for a value that is not whole but within floating-point rounding of a whole number. */
    static boolean nearlyWhole(double v) {
        return v != Math.rint(v) && Math.abs(v - Math.rint(v)) <= 1e-9 * Math.max(1, Math.abs(v));
    }

    /** A number as users read it, with all digits when it is a rounding error away from a whole number. */
    static String exactNumber(double v) {
        return nearlyWhole(v) ? Double.toString(v) : Units.formatNumber(v);
    }

    /** {@code 1 neuron}, {@code 3 neurons}. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
