package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.Expr;
import io.neuromap.compiler.ast.ModulatorDecl;
import io.neuromap.compiler.ast.ReceptorDecl;
import io.neuromap.compiler.ast.Setting;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.diag.Suggestions;
import io.neuromap.compiler.eval.DimensionChecker;
import io.neuromap.compiler.eval.Typed;
import io.neuromap.compiler.model.ArgSpec;
import io.neuromap.compiler.model.Catalog;
import io.neuromap.compiler.model.Domain;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks modulator declarations and the receptors that bind them.
 *
 * <p>A modulator has exactly one {@code source} (a population of the network, or
 * {@code external "channel"}) and a {@code decay}, a time &gt; 0; {@code release} is a
 * dimensionless concentration &gt;= 0 added per source spike ({@code per spike} may be written,
 * nothing else);
 * {@code baseline} a dimensionless concentration &gt;= 0; {@code delay} a time &gt;= 0;
 * {@code scope} one of {@code global}, {@code per_population}, {@code per_target_neuron}. Settings
 * not written take the defaults in {@link Catalog#modulatorSetting}.
 *
 * <p>Every receptor expressed in the network ({@code receptor D1R binds DA;}) must bind a modulator
 * the network declares.
 */
final class ModulatorChecker {
    private final NetworkContext context;
    private final Diagnostics diagnostics;

    ModulatorChecker(NetworkContext context) {
        this.context = requireNonNull(context, "context is null");
        this.diagnostics = context.diagnostics();
    }

    /** Checks one modulator; returns whether its source is external. */
    boolean check(ModulatorDecl m) {
        Map<String, Setting> seen = new LinkedHashMap<>();
        boolean external = false;
        for (Setting s : m.settings()) {
            String key = s.key().name();
            if (Catalog.modulatorSetting(key).isEmpty()) {
                diagnostics.report(DiagnosticCode.UNKNOWN_SETTING, s.key().span(), "unknown modulator setting `" + key + "`",
                        Suggestions.help(key, Catalog.modulatorSettingNames()));
                continue;
            }
            Setting first = seen.putIfAbsent(key, s);
            if (first != null) {
                diagnostics.report(DiagnosticCode.DUPLICATE_NAME, s.key().span(), "`" + key + "` is set twice in modulator `"
                        + m.name().name() + "` (first at line " + first.key().span().line() + ")",
                        key.equals("source") ? "a modulator has exactly one source; declare another modulator for a second one"
                                : "remove one");
                continue;
            }
            if (s.per().isPresent()) {
                if (!key.equals("release")) {
                    diagnostics.report(DiagnosticCode.BAD_MODULATOR, s.per().get().span(), "`per` only follows release",
                            "write `release 0.3 per spike;`");
                } else if (!s.per().get().name().equals("spike")) {
                    diagnostics.report(DiagnosticCode.BAD_MODULATOR, s.per().get().span(), "release is counted per spike, found `per "
                            + s.per().get().name() + "`", "write `release 0.3 per spike;`");
                }
            }
            if (s.external().isPresent()) {
                if (!key.equals("source")) {
                    diagnostics.report(DiagnosticCode.BAD_MODULATOR, s.span(), "`external` names a source: `source external \"channel\";`",
                            "write `" + key + "` with a value");
                } else if (s.external().get().isBlank()) {
                    diagnostics.report(DiagnosticCode.BAD_MODULATOR, s.span(), "an external source needs a channel name",
                            "write `source external \"reward\";`");
                } else {
                    external = true;
                }
                continue;
            }
            setting(m, key, s.value().get());
        }
        if (!seen.containsKey("source")) {
            diagnostics.report(DiagnosticCode.MISSING_SETTING, m.name().span(), "modulator `" + m.name().name() + "` has no source",
                    "add `source pop;` (a population whose spikes release it) or `source external \"channel\";`");
        }
        if (!seen.containsKey("decay")) {
            diagnostics.report(DiagnosticCode.MISSING_SETTING, m.name().span(), "modulator `" + m.name().name() + "` has no decay",
                    "add e.g. `decay 200 ms;` (the time constant of the return to baseline)");
        }
        return external;
    }

    private void setting(ModulatorDecl m, String key, Expr value) {
        switch (key) {
            case "source": {
                Expr e = ArgumentBinder.unwrap(value);
                if (!(e instanceof Expr.Name n) || n.name().parts().size() != 1) {
                    diagnostics.report(DiagnosticCode.BAD_MODULATOR, value.span(), "the source of a modulator is a population or an external channel",
                            "write `source snc;` or `source external \"reward\";`");
                    return;
                }
                String pop = n.name().text();
                if (!context.populations().containsKey(pop)) {
                    context.unknownPopulation(value.span(), pop, "unknown population `" + pop + "`",
                            Suggestions.closest(pop, context.populationNames()).map(s -> "did you mean `" + s + "`?")
                                    .orElse("for a channel fed at run time write `source external \"" + pop + "\";`"));
                }
                return;
            }
            case "scope": {
                Expr e = ArgumentBinder.unwrap(value);
                List<String> words = Catalog.modulatorSetting("scope").get(0).arguments().get(0).words();
                String text = e instanceof Expr.Name n ? n.name().text() : null;
                if (text == null || !words.contains(text)) {
                    diagnostics.report(DiagnosticCode.BAD_MODULATOR, value.span(), "scope is one of " + String.join(", ", words)
                            + (text == null ? "" : ", found `" + text + "`"), text == null ? null : Suggestions.help(text, words));
                }
                return;
            }
            case "release":
                quantity(m, key, value, Dimension.NONE, Domain.NON_NEGATIVE, DiagnosticCode.OUT_OF_DOMAIN);
                return;
            case "baseline":
                quantity(m, key, value, Dimension.NONE, Domain.NON_NEGATIVE, DiagnosticCode.OUT_OF_DOMAIN);
                return;
            case "decay":
                quantity(m, key, value, Dimension.TIME, Domain.POSITIVE, DiagnosticCode.OUT_OF_DOMAIN);
                return;
            default:
                quantity(m, key, value, Dimension.TIME, Domain.NON_NEGATIVE, DiagnosticCode.NEGATIVE_DELAY);
        }
    }

    private void quantity(ModulatorDecl m, String key, Expr value, Dimension dimension, Domain domain, DiagnosticCode domainCode) {
        Typed t = DimensionChecker.check(value, context.constantScope(List.of()), diagnostics);
        if (t.isError()) {
            return;
        }
        Dimension found = t.dimension().get();
        Optional<Double> fallback = Catalog.modulatorSetting(key).get(0).arguments().stream().findFirst()
                .flatMap(ArgSpec::defaultValue).filter(Double.class::isInstance).map(Double.class::cast);
        if (!found.equals(dimension)) {
            diagnostics.report(dimension.isNone() ? DiagnosticCode.DIMENSIONLESS_REQUIRED : DiagnosticCode.UNIT_MISMATCH, value.span(),
                    "`" + key + "` of a modulator expects " + dimension.describe() + ", found " + found.describe() + " ("
                            + t.constantValue().get() + ")", key.equals("release") && found.equals(Dimension.FREQUENCY)
                                    ? "release is a concentration per spike: write `release 0.3 per spike;`"
                                    : Hints.write(dimension, Hints.example(dimension, value, fallback)));
            return;
        }
        double v = t.range().lo();
        if (!domain.contains(v)) {
            diagnostics.report(domainCode, value.span(), "`" + key + "` of modulator `" + m.name().name() + "` must be "
                    + domain.describe(dimension) + ", found " + Units.format(v, dimension),
                    fallback.map(f -> "e.g. " + Units.format(f, dimension) + " (the default)").orElse(null));
        }
    }

    /**
     * Checks that the receptors of the cell types the network uses (and of its own cell types and
     * population bodies) bind declared modulators.
     */
    void checkReceptors() {
        List<ReceptorDecl> receptors = new ArrayList<>();
        List<String> seenCelltypes = new ArrayList<>();
        for (CelltypeInfo c : usedCelltypes()) {
            if (!seenCelltypes.contains(c.name())) {
                seenCelltypes.add(c.name());
                receptors.addAll(c.body().receptors());
            }
        }
        for (PopulationInfo p : context.populations().values()) {
            receptors.addAll(p.body().receptors());
        }
        for (ReceptorDecl r : receptors) {
            String mod = r.modulator().name();
            if (!context.modulators().containsKey(mod)) {
                context.unknownModulator(r.modulator().span(), mod, "receptor `" + r.name().name() + "` binds `"
                        + mod + "`, which network `" + context.network().name().name() + "` does not declare",
                        Suggestions.closest(mod, context.modulators().keySet()).map(s -> "did you mean `" + s + "`?")
                                .orElse("declare it in the network: modulator " + mod + " { source ...; }"));
            }
        }
    }

    private List<CelltypeInfo> usedCelltypes() {
        List<CelltypeInfo> out = new ArrayList<>();
        for (PopulationInfo p : context.populations().values()) {
            for (PopulationInfo.Variant v : p.variants()) {
                v.celltype().ifPresent(out::add);
            }
        }
        for (io.neuromap.compiler.ast.CelltypeDecl c : context.network().itemsOf(io.neuromap.compiler.ast.CelltypeDecl.class)) {
            CelltypeInfo info = context.celltypes().get(c.name().name());
            if (info != null && info.decl() == c) {
                out.add(info);
            }
        }
        return out;
    }
}
