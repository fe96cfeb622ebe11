package io.neuromap.cli;

import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.frontend.SimulationSettings;
import io.neuromap.compiler.model.ArgKind;
import io.neuromap.compiler.model.ArgSpec;
import io.neuromap.compiler.model.Catalog;
import io.neuromap.compiler.model.ModelLibrary;
import io.neuromap.compiler.model.NeuronModel;
import io.neuromap.compiler.model.ParameterSpec;
import io.neuromap.compiler.model.Signature;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Unit;
import io.neuromap.compiler.units.Units;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The reference tables of {@code docs/language.md}, generated from the compiler's own tables
 * (models, catalog, units, diagnostic codes) so that the documentation cannot drift from what the
 * compiler accepts. {@link DocsTest} compares them with the document.
 */
final class LanguageDocTables {
    private LanguageDocTables() {
    }

    /** Section name (as in the document's markers) to its generated Markdown. */
    static Map<String, String> all() {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("units", units());
        sections.put("models", models());
        sections.put("distributions", signatures(Catalog.distributionNames(), Catalog::distribution));
        sections.put("functions", signatures(Catalog.functionNames(), Catalog::function));
        sections.put("connectors", signatures(Catalog.connectorNames(), Catalog::connector));
        sections.put("plasticity", signatures(Catalog.plasticityNames(), Catalog::plasticity));
        sections.put("modulator-settings", modulatorSettings());
        sections.put("effects", effects());
        sections.put("responses", signatures(Catalog.responseNames(), Catalog::response));
        sections.put("stimuli", signatures(Catalog.stimulusNames(), Catalog::stimulus));
        sections.put("probes", signatures(Catalog.probeNames(), Catalog::probe));
        sections.put("simulate-settings", simulateSettings());
        sections.put("targets", targets());
        sections.put("diagnostics", diagnostics());
        return sections;
    }

    private static String units() {
        StringBuilder b = new StringBuilder("| unit | quantity | value in SI |\n| --- | --- | --- |\n");
        for (String symbol : Units.symbols()) {
            Unit u = Units.lookup(symbol).orElseThrow();
            b.append("| `").append(symbol).append("` | ").append(quantity(u.dimension())).append(" | ")
                    .append(Units.formatNumber(u.factor())).append(' ').append(siUnit(u.dimension())).append(" |\n");
        }
        return b.toString();
    }

    private static String quantity(Dimension d) {
        String words = d.describe();
        return words.startsWith("a ") ? words.substring(2) : words;
    }

    private static String siUnit(Dimension d) {
        if (d.equals(Dimension.TIME)) return "s";
        if (d.equals(Dimension.FREQUENCY)) return "Hz";
        if (d.equals(Dimension.VOLTAGE)) return "V";
        if (d.equals(Dimension.CURRENT)) return "A";
        if (d.equals(Dimension.CONDUCTANCE)) return "S";
        if (d.equals(Dimension.CAPACITANCE)) return "F";
        if (d.equals(Dimension.RESISTANCE)) return "ohm";
        return d.baseUnits();
    }

    private static String models() {
        StringBuilder b = new StringBuilder();
        for (NeuronModel m : ModelLibrary.all()) {
            b.append("#### `").append(m.name()).append("`\n\n").append(m.doc()).append("\n\n");
            b.append(m.source() ? "A spike source (no membrane). " : "")
                    .append("Compartments: ").append(code(m.compartments())).append(". ")
                    .append(m.stateVariables().isEmpty() ? "No state variables to probe."
                            : "State variables (for `probe state(...)`): " + code(m.stateVariables()) + ".")
                    .append("\n\n");
            b.append("| parameter | unit | default | allowed | meaning |\n| --- | --- | --- | --- | --- |\n");
            for (ParameterSpec p : m.parameters()) {
                String unit = Units.displayUnit(p.dimension()).map(Unit::symbol).orElse(p.dimension().isNone() ? "1" : p.dimension().baseUnits());
                b.append("| `").append(p.name()).append("` | ").append(p.list() ? "list of " + unit : unit).append(" | ")
                        .append(p.defaultSi().map(v -> value(v, p.dimension())).orElse("required")).append(" | ")
                        .append(p.domain().describe(p.dimension())).append(" | ").append(p.doc()).append(" |\n");
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String value(double si, Dimension dimension) {
        return Double.isInfinite(si) ? (si > 0 ? "unlimited" : "-unlimited") : Units.format(si, dimension);
    }

    private static String signatures(List<String> names, Function<String, List<Signature>> lookup) {
        StringBuilder b = new StringBuilder("| form | meaning | arguments |\n| --- | --- | --- |\n");
        for (String name : names) {
            for (Signature s : lookup.apply(name)) {
                b.append("| `").append(s.arguments().isEmpty() ? s.name() : s.usage()).append("` | ").append(escape(s.doc())).append(" | ");
                if (s.arguments().isEmpty()) {
                    b.append("none");
                }
                for (int i = 0; i < s.arguments().size(); i++) {
                    ArgSpec a = s.arguments().get(i);
                    b.append(i > 0 ? "<br>" : "").append('`').append(a.name()).append("`: ").append(a.kind().description());
                    if (!a.doc().isEmpty()) {
                        b.append(", ").append(escape(a.doc()));
                    }
                    if (!a.words().isEmpty()) {
                        b.append(" (one of ").append(code(a.words())).append(')');
                    }
                    a.defaultValue().ifPresent(d -> b.append("; default ").append(defaultOf(a, d)));
                }
                b.append(" |\n");
            }
        }
        return b.toString();
    }

    private static String defaultOf(ArgSpec a, Object d) {
        if (d instanceof Double v) {
            Dimension dim = a.kind() == ArgKind.TIME ? Dimension.TIME : a.kind() == ArgKind.FREQUENCY ? Dimension.FREQUENCY
                    : a.kind() == ArgKind.CURRENT ? Dimension.CURRENT : Dimension.NONE;
            return "`" + value(v, dim) + "`";
        }
        if (d instanceof List<?> l) {
            return l.isEmpty() ? "none" : "`" + l + "`";
        }
        String s = d.toString();
        return s.isEmpty() ? "none" : "`" + s + "`";
    }

    private static String modulatorSettings() {
        StringBuilder b = new StringBuilder("| setting | meaning | default |\n| --- | --- | --- |\n");
        for (String name : Catalog.modulatorSettingNames()) {
            Signature s = Catalog.modulatorSetting(name).get(0);
            String value;
            if (s.arguments().isEmpty()) {
                value = "required";
            } else {
                ArgSpec a = s.arguments().get(0);
                value = a.defaultValue().map(d -> defaultOf(a, d)).orElse("required");
            }
            b.append("| `").append(name).append("` | ").append(escape(s.doc())).append(" | ").append(value).append(" |\n");
        }
        return b.toString();
    }

    private static String effects() {
        StringBuilder b = new StringBuilder("| effect | acts on | meaning |\n| --- | --- | --- |\n");
        for (String name : Catalog.effectNames()) {
            Catalog.EffectKind k = Catalog.effect(name).orElseThrow();
            b.append("| `").append(name).append(k.hasSubject() ? "(p)" : "").append("` | ")
                    .append(k.learning() ? "plastic synapses" : "neurons").append(" | ").append(escape(k.doc())).append(" |\n");
        }
        return b.toString();
    }

    private static String simulateSettings() {
        Map<String, String> defaults = Map.of(
                "dt", Units.format(SimulationSettings.DEFAULT_DT, Dimension.TIME),
                "duration", Units.format(SimulationSettings.DEFAULT_DURATION, Dimension.TIME),
                "seed", Long.toString(SimulationSettings.DEFAULT_SEED));
        StringBuilder b = new StringBuilder("| setting | meaning | default |\n| --- | --- | --- |\n");
        for (String name : Catalog.simulateSettingNames()) {
            b.append("| `").append(name).append("` | ").append(escape(Catalog.simulateSetting(name).get(0).doc())).append(" | `")
                    .append(defaults.getOrDefault(name, "")).append("` |\n");
        }
        return b.toString();
    }

    private static String targets() {
        StringBuilder b = new StringBuilder("| target | settings its block accepts |\n| --- | --- |\n");
        for (String name : Catalog.targetNames()) {
            b.append("| `").append(name).append("` | ").append(code(Catalog.targetSettings(name).orElseThrow())).append(" |\n");
        }
        return b.toString();
    }

    private static String diagnostics() {
        StringBuilder b = new StringBuilder("| code | severity | meaning |\n| --- | --- | --- |\n");
        for (DiagnosticCode c : DiagnosticCode.values()) {
            b.append("| `").append(c.id()).append("` | ").append(c.severity().label()).append(" | ").append(escape(c.title())).append(" |\n");
        }
        return b.toString();
    }

    private static String code(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            b.append(i > 0 ? ", " : "").append('`').append(words.get(i)).append('`');
        }
        return b.toString();
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }
}
