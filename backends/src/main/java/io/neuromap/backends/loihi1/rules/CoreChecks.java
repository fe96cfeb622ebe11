package io.neuromap.backends.loihi1.rules;

import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import io.neuromap.compiler.source.SourceSpan;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * What the per-core rules share: comparing one number of every core with its limit, and reporting
 * the cores over it once per population they hold (with the count and the worst core), so that a
 * population spread over 300 overfull cores gives one violation, not 300.
 */
final class CoreChecks {
    private CoreChecks() {
    }

    /** Writes the message and fix of a group of offending cores. */
    interface Explain {
        /** @param worst the worst core, {@code cores} how many cores of the group are over */
        String text(MappedNet.Core worst, long actual, long limit, int cores);
    }

    /** {@link Explain} for the learning cores of {@link #overLearningLimit}. */
    interface ExplainLearning {
        /** @param worst the worst learning core, {@code cores} how many cores of the group are over */
        String text(LearningCores worst, long actual, long limit, int cores);
    }

    static List<Violation> overLimit(MappedNet net, String ruleId, Severity severity, String resource, String unit,
            ToLongFunction<MappedNet.Core> actual, ToLongFunction<MappedNet.Core> limit, Explain message, Explain fix) {
        return grouped(net.cores(), c -> c.population() + "@" + c.span(), MappedNet.Core::span, ruleId, severity,
                resource, unit, actual, limit, message::text, fix::text);
    }

    /**
     * {@link #overLimit} for a learning register table: the learning cores over {@code limit},
     * once per population they are blamed on (a config's learning core without a used core is
     * blamed on the network).
     */
    static List<Violation> overLearningLimit(MappedNet net, String ruleId, Severity severity, String resource,
            String unit, ToLongFunction<LearningCores> actual, long limit, ExplainLearning message,
            ExplainLearning fix) {
        return grouped(LearningCores.of(net), c -> c.blame() + "@" + c.span(), LearningCores::span, ruleId, severity,
                resource, unit, actual, c -> limit, message::text, fix::text);
    }

    /** How a group's text is written, for any kind of core. */
    private interface Text<T> {
        String text(T worst, long actual, long limit, int cores);
    }

    /** The items over their limit, one violation per group (by {@code group}), located at the worst item's span. */
    private static <T> List<Violation> grouped(List<T> items, Function<T, String> group, Function<T, SourceSpan> span,
            String ruleId, Severity severity, String resource, String unit, ToLongFunction<T> actual,
            ToLongFunction<T> limit, Text<T> message, Text<T> fix) {
        Map<String, List<T>> groups = new LinkedHashMap<>();
        for (T core : items) {
            if (actual.applyAsLong(core) > limit.applyAsLong(core)) {
                groups.computeIfAbsent(group.apply(core), k -> new ArrayList<>()).add(core);
            }
        }
        List<Violation> out = new ArrayList<>();
        for (List<T> members : groups.values()) {
            T worst = members.get(0);
            for (T c : members) {
                if (actual.applyAsLong(c) - limit.applyAsLong(c) > actual.applyAsLong(worst) - limit.applyAsLong(worst)) {
                    worst = c;
                }
            }
            long a = actual.applyAsLong(worst);
            long l = limit.applyAsLong(worst);
            out.add(new Violation(ruleId, severity, span.apply(worst), resource, a, l, unit,
                    message.text(worst, a, l, members.size()), fix.text(worst, a, l, members.size())));
        }
        return out;
    }

    /** "on chip 0 core 3" or "on 4 cores (worst: chip 0 core 3)". */
    static String where(MappedNet.Core worst, int cores) {
        return where(worst.where(), cores);
    }

    /** {@link #where(MappedNet.Core, int)} for a learning core. */
    static String where(LearningCores worst, int cores) {
        return where(worst.where(), cores);
    }

    private static String where(String worst, int cores) {
        return cores == 1 ? "on " + worst : "on " + cores + " cores (worst: " + worst + ")";
    }

    /** {@code x} rounded down to two significant digits, as a plain number: a safe factor to scale by. */
    static String factorDown(double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            return String.valueOf(x);
        }
        return new BigDecimal(x).round(new MathContext(2, RoundingMode.FLOOR)).stripTrailingZeros().toPlainString();
    }

    /** {@code x} rounded up to two significant digits. */
    static String factorUp(double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            return String.valueOf(x);
        }
        return new BigDecimal(x).round(new MathContext(2, RoundingMode.CEILING)).stripTrailingZeros().toPlainString();
    }

    /** A time in the most readable of s / ms / us. */
    static String time(double seconds) {
        double a = Math.abs(seconds);
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.4g s", seconds);
        }
        if (a >= 1e-3) {
            return String.format(Locale.ROOT, "%.4g ms", seconds * 1e3);
        }
        return String.format(Locale.ROOT, "%.4g us", seconds * 1e6);
    }

    /** A voltage in mV. */
    static String millivolts(double volts) {
        return String.format(Locale.ROOT, "%.4g mV", volts * 1e3);
    }
}
