package io.neuromap.cli;

import io.neuromap.backends.report.RuleInfo;
import java.util.ArrayList;
import java.util.List;

/** {@code neuromap targets} as text: the list of targets, or one target's sheet as aligned tables. */
final class TargetsText {
    private TargetsText() {
    }

    /** One line per target: name, status, summary. */
    static String list(List<TargetSheet.Entry> entries) {
        List<String[]> rows = new ArrayList<>();
        for (TargetSheet.Entry e : entries) {
            rows.add(new String[] {e.name(), e.status(), e.summary()});
        }
        StringBuilder out = new StringBuilder();
        table(out, "", rows);
        out.append("\nRun 'neuromap targets NAME' for a target's limits, number formats, systems, models and rules.\n");
        return out.toString();
    }

    /** A target's sheet. */
    static String sheet(TargetSheet s) {
        StringBuilder out = new StringBuilder();
        out.append(s.name()).append(" (").append(s.status()).append("): ").append(s.summary()).append('\n');
        String group = null;
        List<String[]> rows = new ArrayList<>();
        for (TargetSheet.Limit l : s.limits()) {
            if (!l.group().equals(group)) {
                if (group != null) {
                    table(out, "  ", rows);
                    rows.clear();
                }
                group = l.group();
                out.append('\n').append(group).append('\n');
            }
            rows.add(new String[] {l.name(), l.unit().isEmpty() ? l.value() : l.value() + " " + l.unit(), l.source()});
        }
        table(out, "  ", rows);

        out.append("\nsystems\n");
        rows.clear();
        for (TargetSheet.SystemRow r : s.systems()) {
            rows.add(new String[] {r.name(), r.chips() + (r.chips() == 1 ? " chip" : " chips"), r.source()});
        }
        table(out, "  ", rows);

        out.append("\nneuron models\n");
        rows.clear();
        for (TargetSheet.ModelRow m : s.models()) {
            rows.add(new String[] {m.model(), m.runs() ? "runs" : "does not run", m.how()});
        }
        table(out, "  ", rows);

        out.append("\ndesign rules\n");
        rows.clear();
        for (RuleInfo r : s.rules()) {
            rows.add(new String[] {r.id(), r.name(), r.summary()});
            rows.add(new String[] {"", "", "fix: " + r.help()});
        }
        table(out, "  ", rows);
        return out.toString();
    }

    /** Left-aligned columns; the last column is not padded. */
    private static void table(StringBuilder out, String indent, List<String[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int c = 0; c < columns; c++) {
                line.append(row[c]);
                if (c < columns - 1) {
                    line.append(" ".repeat(width[c] - row[c].length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
