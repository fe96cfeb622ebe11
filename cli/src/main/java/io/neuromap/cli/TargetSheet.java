package io.neuromap.cli;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.report.RuleInfo;
import java.util.List;

/**
 * What {@code neuromap targets NAME} and {@code docs/targets.md} say about one target: its limits
 * (per system, chip and core, number formats, ...), the systems it comes in, how each neuron model
 * of the language fares on it, and its design rules. Data, so that the text, the JSON and the
 * generated documentation are one content in three forms.
 *
 * @param name the target's name as {@code --target} and {@code target} blocks spell it
 * @param status {@code available} or {@code planned}
 * @param summary one line: what the chip is
 * @param limits the limits, grouped, each with its source
 * @param systems the systems the target comes in
 * @param models how each neuron model of the language maps onto the chip
 * @param rules the design rules a mapping is checked against
 */
record TargetSheet(String name, String status, String summary, List<Limit> limits, List<SystemRow> systems,
        List<ModelRow> models, List<RuleInfo> rules) {
    TargetSheet {
        requireNonNull(name, "name is null");
        requireNonNull(status, "status is null");
        requireNonNull(summary, "summary is null");
        limits = List.copyOf(requireNonNull(limits, "limits is null"));
        systems = List.copyOf(requireNonNull(systems, "systems is null"));
        models = List.copyOf(requireNonNull(models, "models is null"));
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
    }

    /** One limit: its group, what is limited, the value as printed (a number, range or formula), unit and source. */
    record Limit(String group, String name, String value, String unit, String source) {
        Limit {
            requireNonNull(group, "group is null");
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
            requireNonNull(unit, "unit is null");
            requireNonNull(source, "source is null");
        }
    }

    /** A system the target comes in: name as {@code --system} spells it, chips, source. */
    record SystemRow(String name, int chips, String source) {
        SystemRow {
            requireNonNull(name, "name is null");
            requireNonNull(source, "source is null");
        }
    }

    /** A neuron model of the language on this target: whether it runs, and how or why not. */
    record ModelRow(String model, boolean runs, String how) {
        ModelRow {
            requireNonNull(model, "model is null");
            requireNonNull(how, "how is null");
        }
    }

    /** One line of {@code neuromap targets}: a target's name, status and summary. */
    record Entry(String name, String status, String summary) {
        Entry {
            requireNonNull(name, "name is null");
            requireNonNull(status, "status is null");
            requireNonNull(summary, "summary is null");
        }
    }
}
