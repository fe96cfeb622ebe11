package io.neuromap.cli;

import io.neuromap.backends.loihi1.Loihi1LimitRow;
import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1System;
import io.neuromap.backends.loihi1.rules.Loihi1Rule;
import io.neuromap.backends.loihi1.rules.Loihi1Rules;
import io.neuromap.backends.report.RuleInfo;
import io.neuromap.compiler.model.Catalog;
import io.neuromap.compiler.model.ModelLibrary;
import io.neuromap.compiler.model.NeuronModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The targets neuromap knows, for {@code neuromap targets}: every name the language accepts in a
 * {@code target} block ({@link Catalog#targetNames()}), marked {@code available} when a backend
 * maps onto it and {@code planned} otherwise, and the sheet of each available one, assembled from
 * the backend's own limits, systems and design rules so it cannot drift from what the compiler
 * checks.
 */
final class TargetCatalog {
    static final String AVAILABLE = "available";
    static final String PLANNED = "planned";

    private static final String LOIHI1 = "loihi1";

    private TargetCatalog() {
    }

    /** Every target name the language accepts, in the catalog's order. */
    static List<TargetSheet.Entry> entries() {
        List<TargetSheet.Entry> out = new ArrayList<>();
        for (String name : Catalog.targetNames()) {
            out.add(sheet(name).map(s -> new TargetSheet.Entry(s.name(), s.status(), s.summary()))
                    .orElseGet(() -> new TargetSheet.Entry(name, PLANNED,
                            "accepted in `target` blocks; neuromap has no backend for it yet")));
        }
        return out;
    }

    /** The names, for error messages. */
    static List<String> names() {
        return entries().stream().map(TargetSheet.Entry::name).toList();
    }

    /** The sheet of target {@code name}, when a backend exists for it. */
    static Optional<TargetSheet> sheet(String name) {
        if (LOIHI1.equals(name)) {
            return Optional.of(loihi1());
        }
        return Optional.empty();
    }

    /** The Loihi 1 sheet: limits of the single-chip system, the named systems, models, rules. */
    static TargetSheet loihi1() {
        Loihi1Limits limits = Loihi1Limits.singleChip();
        List<TargetSheet.Limit> rows = new ArrayList<>();
        for (Loihi1LimitRow r : limits.rows()) {
            rows.add(new TargetSheet.Limit(r.group(), r.name(), r.value(), r.unit(), r.source()));
        }
        List<TargetSheet.SystemRow> systems = new ArrayList<>();
        for (Loihi1System s : Loihi1System.named()) {
            systems.add(new TargetSheet.SystemRow(s.name(), s.chips(), s.source()));
        }
        systems.add(new TargetSheet.SystemRow("custom (--chips N)", Loihi1Limits.MAX_CHIPS,
                "any chip count from 1 to " + Loihi1Limits.MAX_CHIPS + " (loihi1.md §1.1)"));
        String summary = String.format(Locale.ROOT, "Intel Loihi 1: %d neuromorphic cores per chip on a 2-D mesh, "
                + "%d compartments per core, systems of 1 to %d chips", Loihi1Limits.CORES_PER_CHIP,
                Loihi1Limits.COMPARTMENTS_PER_CORE, Loihi1Limits.MAX_CHIPS);
        return new TargetSheet(LOIHI1, AVAILABLE, summary, rows, systems, loihi1Models(), loihi1Rules());
    }

    /**
     * How each neuron model of the language fares on Loihi 1. Every model of {@link ModelLibrary}
     * must have an entry (a test checks), so a new model cannot appear here unassessed.
     */
    static List<TargetSheet.ModelRow> loihi1Models() {
        Map<String, TargetSheet.ModelRow> known = new LinkedHashMap<>();
        known.put("lif", new TargetSheet.ModelRow("lif", true, "one CUBA compartment (loihi1.md §2); distinct "
                + "tau_syn_E and tau_syn_I take an auxiliary compartment ADD-joined into the soma "
                + "(loihi1-compartments-reward.md §1)"));
        known.put("two_comp", new TargetSheet.ModelRow("two_comp", true, "soma and dendrite as a compartment tree on "
                + "one core, joined through the compartment stack (loihi1-compartments-reward.md §1); values pass "
                + "towards the soma only, so the soma-to-dendrite coupling is approximated, with a warning"));
        known.put("izhikevich", new TargetSheet.ModelRow("izhikevich", false, "a Loihi 1 compartment is a CUBA LIF "
                + "with linear decays (loihi1.md §2): no quadratic voltage term or recovery variable; a violation, "
                + "never approximated"));
        known.put("adex", new TargetSheet.ModelRow("adex", false, "no exponential spike initiation or adaptation "
                + "current in a CUBA LIF compartment (loihi1.md §2); a violation, never approximated"));
        known.put("poisson", new TargetSheet.ModelRow("poisson", true, "spike source: spikes drawn at elaboration, "
                + "sent by the host into input axons (config stimuli); runs off-core"));
        known.put("spike_times", new TargetSheet.ModelRow("spike_times", true, "spike source: sent by the host into "
                + "input axons (config stimuli); runs off-core"));
        List<TargetSheet.ModelRow> out = new ArrayList<>();
        for (NeuronModel m : ModelLibrary.all()) {
            TargetSheet.ModelRow row = known.get(m.name());
            if (row == null) {
                throw new IllegalStateException("model " + m.name() + " has not been assessed for loihi1");
            }
            out.add(row);
        }
        return out;
    }

    /**
     * The Loihi 1 design rules, as the compiler and {@code emulate} run them ({@link Loihi1Rules}):
     * id, predicate, what each requires and what to do when it is broken. The mapping engine names
     * its findings by these ids too (a test checks), so this is the whole list.
     */
    static List<RuleInfo> loihi1Rules() {
        List<RuleInfo> out = new ArrayList<>();
        for (Loihi1Rule rule : Loihi1Rules.all()) {
            out.add(new RuleInfo(rule.id(), rule.predicate(), rule.description(), rule.help()));
        }
        return out;
    }
}
