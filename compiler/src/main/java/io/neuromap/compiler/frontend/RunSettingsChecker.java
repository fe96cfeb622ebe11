package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.Expr;
import io.neuromap.compiler.ast.Setting;
import io.neuromap.compiler.ast.SimulateDecl;
import io.neuromap.compiler.ast.TargetDecl;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.diag.Suggestions;
import io.neuromap.compiler.eval.DimensionChecker;
import io.neuromap.compiler.eval.Typed;
import io.neuromap.compiler.model.Catalog;
import io.neuromap.compiler.source.SourceSpan;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Units;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the run settings: the {@code simulate} block ({@code dt} and {@code duration} positive
 * times with duration >= dt, {@code seed} a whole number >= 0) and the {@code target} blocks (a
 * known target, each setting one it accepts, set once; values are constants, words or strings,
 * which the target's back end interprets).
 */
final class RunSettingsChecker {
    private final Diagnostics diagnostics;
    private final Constants constants;

    RunSettingsChecker(Diagnostics diagnostics, Constants constants) {
        this.diagnostics = requireNonNull(diagnostics, "diagnostics is null");
        this.constants = requireNonNull(constants, "constants is null");
    }

    /** The settings of {@code sim}, or the defaults when there is none ({@code where} locates them). */
    SimulationSettings simulate(Optional<SimulateDecl> sim, SourceSpan where) {
        if (sim.isEmpty()) {
            return new SimulationSettings(SimulationSettings.DEFAULT_DT, SimulationSettings.DEFAULT_DURATION,
                    SimulationSettings.DEFAULT_SEED, where);
        }
        double dt = SimulationSettings.DEFAULT_DT;
        double duration = SimulationSettings.DEFAULT_DURATION;
        long seed = SimulationSettings.DEFAULT_SEED;
        Expr durationAt = null;
        Map<String, Setting> seen = new HashMap<>();
        for (Setting s : sim.get().settings()) {
            String key = s.key().name();
            if (Catalog.simulateSetting(key).isEmpty()) {
                diagnostics.report(DiagnosticCode.UNKNOWN_SETTING, s.key().span(), "unknown simulate setting `" + key + "`",
                        Suggestions.help(key, Catalog.simulateSettingNames()));
                continue;
            }
            Setting first = seen.putIfAbsent(key, s);
            if (first != null) {
                diagnostics.report(DiagnosticCode.DUPLICATE_NAME, s.key().span(), "`" + key + "` is set twice (first at line "
                        + first.key().span().line() + ")", "remove one");
                continue;
            }
            if (s.value().isEmpty()) {
                continue;
            }
            Expr value = s.value().get();
            Optional<Double> v = value(key, value, key.equals("seed") ? Dimension.NONE : Dimension.TIME);
            if (v.isEmpty()) {
                continue;
            }
            double x = v.get();
            if (key.equals("seed")) {
                if (x < 0 || x != Math.rint(x) || x >= 0x1p63) {
                    diagnostics.report(DiagnosticCode.OUT_OF_DOMAIN, value.span(), "seed must be a non-negative whole number, found "
                            + Units.formatNumber(x), "write e.g. seed = 7;");
                } else {
                    seed = (long) x;
                }
            } else if (!(x > 0)) {
                diagnostics.report(DiagnosticCode.OUT_OF_DOMAIN, value.span(), "`" + key + "` must be a positive time, found "
                        + Units.format(x, Dimension.TIME), key.equals("dt") ? "write e.g. dt = 1 ms;" : "write e.g. duration = 1 s;");
            } else if (key.equals("dt")) {
                dt = x;
            } else {
                duration = x;
                durationAt = value;
            }
        }
        if (durationAt != null && duration < dt) {
            diagnostics.report(DiagnosticCode.OUT_OF_DOMAIN, durationAt.span(), "duration (" + Units.format(duration, Dimension.TIME)
                    + ") is shorter than one time step (dt = " + Units.format(dt, Dimension.TIME) + ")", "make duration at least dt");
        }
        return new SimulationSettings(dt, duration, seed, sim.get().span());
    }

    private Optional<Double> value(String key, Expr value, Dimension expected) {
        Typed t = DimensionChecker.check(value, constants.scope(), diagnostics);
        if (t.isError()) {
            return Optional.empty();
        }
        if (!t.dimension().get().equals(expected)) {
            diagnostics.report(expected.isNone() ? DiagnosticCode.DIMENSIONLESS_REQUIRED : DiagnosticCode.UNIT_MISMATCH, value.span(),
                    "`" + key + "` expects " + expected.describe() + ", found " + t.dimension().get().describe() + " ("
                            + t.constantValue().get() + ")", Hints.write(expected, Hints.example(expected, value, Optional.empty())));
            return Optional.empty();
        }
        return Optional.of(t.range().lo());
    }

    /** Checks the root file's target blocks. */
    void targets(List<TargetDecl> targets) {
        Map<String, TargetDecl> seenTargets = new HashMap<>();
        for (TargetDecl t : targets) {
            String name = t.name().name();
            Optional<List<String>> accepted = Catalog.targetSettings(name);
            if (accepted.isEmpty()) {
                diagnostics.report(DiagnosticCode.UNKNOWN_TARGET, t.name().span(), "unknown target `" + name + "`",
                        Suggestions.help(name, Catalog.targetNames()));
                continue;
            }
            TargetDecl first = seenTargets.putIfAbsent(name, t);
            if (first != null) {
                diagnostics.report(DiagnosticCode.DUPLICATE_NAME, t.name().span(), "target `" + name + "` has two blocks (first at line "
                        + first.name().span().line() + ")", "merge them into one");
                continue;
            }
            Map<String, Setting> seen = new HashMap<>();
            for (Setting s : t.settings()) {
                String key = s.key().name();
                if (!accepted.get().contains(key)) {
                    diagnostics.report(DiagnosticCode.UNKNOWN_SETTING, s.key().span(), "target " + name + " has no setting `" + key + "`",
                            Suggestions.closest(key, accepted.get()).map(x -> "did you mean `" + x + "`?")
                                    .orElse("settings of " + name + ": " + String.join(", ", accepted.get())));
                    continue;
                }
                Setting earlier = seen.putIfAbsent(key, s);
                if (earlier != null) {
                    diagnostics.report(DiagnosticCode.DUPLICATE_NAME, s.key().span(), "`" + key + "` is set twice (first at line "
                            + earlier.key().span().line() + ")", "remove one");
                    continue;
                }
                s.value().ifPresent(this::targetValue);
            }
        }
    }

    private void targetValue(Expr value) {
        Expr e = ArgumentBinder.unwrap(value);
        if (e instanceof Expr.Str || e instanceof Expr.Name n && n.name().parts().size() == 1 && !constants.contains(n.name().text())) {
            return;
        }
        DimensionChecker.check(value, constants.scope(), diagnostics);
    }
}
