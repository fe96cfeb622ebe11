package io.neuromap.cli;

import io.neuromap.backends.report.RuleInfo;
import java.util.List;

/**
 * A target's sheet as Markdown tables: the generated part of {@code docs/targets.md}, rendered
 * from the same {@link TargetSheet} as {@code neuromap targets NAME}, so the document cannot say
 * anything the command does not (a test regenerates it and fails when it is stale).
 */
final class TargetsMarkdown {
    private TargetsMarkdown() {
    }

    /** The list of targets as a table. */
    static String list(List<TargetSheet.Entry> entries) {
        StringBuilder out = new StringBuilder("| target | status | what it is |\n| --- | --- | --- |\n");
        for (TargetSheet.Entry e : entries) {
            row(out, "`" + e.name() + "`", e.status(), e.summary());
        }
        return out.toString();
    }

    /** Limits by group, systems, neuron models and design rules. */
    static String sheet(TargetSheet s) {
        StringBuilder out = new StringBuilder();
        String group = null;
        for (TargetSheet.Limit l : s.limits()) {
            if (!l.group().equals(group)) {
                group = l.group();
                out.append(out.length() == 0 ? "" : "\n").append("#### ").append(group).append("\n\n");
                out.append("| limit | value | unit | source |\n| --- | --- | --- | --- |\n");
            }
            row(out, l.name(), l.value(), l.unit(), l.source());
        }
        out.append("\n#### systems\n\n| system | chips | source |\n| --- | --- | --- |\n");
        for (TargetSheet.SystemRow r : s.systems()) {
            row(out, "`" + r.name() + "`", String.valueOf(r.chips()), r.source());
        }
        out.append("\n#### neuron models\n\n| model | runs | how, or why not |\n| --- | --- | --- |\n");
        for (TargetSheet.ModelRow m : s.models()) {
            row(out, "`" + m.model() + "`", m.runs() ? "yes" : "no", m.how());
        }
        out.append("\n#### design rules\n\n| rule | predicate | requires | fix |\n| --- | --- | --- | --- |\n");
        for (RuleInfo r : s.rules()) {
            row(out, "`" + r.id() + "`", r.name(), r.summary(), r.help());
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String... cells) {
        out.append('|');
        for (String c : cells) {
            out.append(' ').append(c.replace("|", "\\|")).append(" |");
        }
        out.append('\n');
    }
}
