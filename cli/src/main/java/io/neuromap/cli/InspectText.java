package io.neuromap.cli;

import io.neuromap.cli.NetworkReport.GroupReport;
import io.neuromap.cli.NetworkReport.ModulatorReport;
import io.neuromap.cli.NetworkReport.ParameterReport;
import io.neuromap.cli.NetworkReport.PathwayReport;
import io.neuromap.cli.NetworkReport.PopulationReport;
import io.neuromap.cli.NetworkReport.ProbeReport;
import io.neuromap.cli.NetworkReport.ProjectionReport;
import io.neuromap.cli.NetworkReport.RangeReport;
import io.neuromap.cli.NetworkReport.StimulusReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The human form of {@link NetworkReport}: sections for populations, projections, modulators,
 * pathways, stimuli and probes; statistics as aligned min/mean/max/sd columns; parameters that are
 * the same for every neuron of a group on wrapped {@code name value} lines.
 */
final class InspectText {
    private static final int WIDTH = 100;

    private InspectText() {
    }

    static String render(NetworkReport r) {
        StringBuilder b = new StringBuilder();
        b.append("network ").append(r.name()).append(" (").append(r.file()).append(")\n");
        b.append("  ").append(Text.count(r.neurons(), "neuron")).append(" in ").append(Text.count(r.populations().size(), "population"))
                .append(", ").append(Text.count(r.synapses(), "synapse")).append(" in ")
                .append(Text.count(r.projections().size(), "projection")).append(", ")
                .append(Text.count(r.modulators().size(), "modulator")).append(", ")
                .append(Text.count(r.pathways().size(), "pathway")).append('\n');
        b.append("  simulate: dt ").append(Text.number(r.dtMs())).append(" ms, duration ").append(Text.number(r.durationMs()))
                .append(" ms (").append(Text.count(r.steps(), "step")).append("), seed ").append(r.seed()).append('\n');
        b.append("  targets: ").append(r.targets().isEmpty() ? "none named" : String.join(", ", r.targets())).append('\n');

        b.append("\npopulations\n");
        for (PopulationReport p : r.populations()) {
            population(b, p);
        }
        if (!r.projections().isEmpty()) {
            b.append("\nprojections\n");
            for (ProjectionReport p : r.projections()) {
                projection(b, p);
            }
        }
        if (!r.modulators().isEmpty()) {
            b.append("\nmodulators\n");
            for (ModulatorReport m : r.modulators()) {
                modulator(b, m);
            }
        }
        if (!r.pathways().isEmpty()) {
            b.append("\npathways\n");
            for (PathwayReport p : r.pathways()) {
                pathway(b, p);
            }
        }
        if (!r.stimuli().isEmpty()) {
            b.append("\nstimuli\n");
            for (StimulusReport s : r.stimuli()) {
                b.append("  ").append(s.name()).append(": ").append(s.kind()).append(" -> ").append(s.target().text())
                        .append(" (").append(Text.count(s.target().size(), "neuron")).append(")\n");
            }
        }
        if (!r.probes().isEmpty()) {
            b.append("\nprobes\n");
            for (ProbeReport p : r.probes()) {
                b.append("  ").append(p.name()).append(": ").append(p.kind()).append(p.variable().map(v -> "(" + v + ")").orElse(""))
                        .append(" of ").append(p.target().text()).append(" (").append(Text.count(p.target().size(), "neuron"))
                        .append("), every ").append(Text.count(p.everySteps(), "step")).append('\n');
            }
        }
        return b.toString();
    }

    private static void population(StringBuilder b, PopulationReport p) {
        b.append("  ").append(p.name()).append(": ").append(p.size()).append(" x ").append(p.model());
        if (p.source()) {
            b.append(" (spike source)");
        }
        b.append(", neurons ").append(p.offset()).append("..").append(p.offset() + p.size() - 1).append('\n');
        for (GroupReport g : p.groups()) {
            String indent = "    ";
            if (p.mix() || !g.cellType().equals(p.model())) {
                b.append("    cell type ").append(g.cellType()).append(": ").append(Text.count(g.size(), "neuron"))
                        .append(p.mix() ? " [" + g.from() + ":" + g.to() + "]" : "").append('\n');
                indent = "      ";
            }
            group(b, g, indent);
        }
    }

    private static void group(StringBuilder b, GroupReport g, String indent) {
        if (!g.receptors().isEmpty()) {
            List<String> rs = new ArrayList<>();
            for (NetworkReport.ReceptorReport r : g.receptors()) {
                rs.add(r.name() + " binds " + r.modulator() + " on " + r.compartment());
            }
            wrap(b, indent, "receptors: ", rs);
        }
        List<String[]> rows = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        for (ParameterReport p : g.parameters()) {
            if (p.list()) {
                fixed.add(p.name() + " " + Text.count(p.stats().count(), "value")
                        + (p.stats().isEmpty() ? "" : " in [" + Text.number(p.stats().min()) + ", " + Text.number(p.stats().max())
                                + "] " + p.unit()));
            } else if (p.heterogeneous()) {
                rows.add(statsRow(p.name(), p.unit(), p.stats()));
            } else if (!p.stats().isEmpty() && Double.isInfinite(p.stats().min())) {
                fixed.add(p.name() + (p.stats().min() > 0 ? " unlimited" : " -unlimited"));
            } else if (!p.stats().isEmpty()) {
                fixed.add(p.name() + " " + Text.number(p.stats().min()) + (p.unit().equals("1") ? "" : " " + p.unit()));
            }
        }
        if (!rows.isEmpty()) {
            table(b, indent, "per neuron", rows);
        }
        if (!fixed.isEmpty()) {
            wrap(b, indent, "same for all: ", fixed);
        }
    }

    private static void projection(StringBuilder b, ProjectionReport p) {
        b.append("  ").append(p.name()).append(": ").append(p.pre().text()).append(" -> ").append(p.post().text())
                .append(" with ").append(p.connector()).append(", receptor ").append(p.receptor())
                .append(p.receptorInferred() ? " (from the sign of the weights)" : "").append('\n');
        p.plasticity().ifPresent(rule -> b.append("    plasticity ").append(rule).append('\n'));
        b.append("    ").append(Text.count(p.synapses(), "synapse")).append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(statsRow("fan-out", "", p.fanOut()));
        rows.add(statsRow("fan-in", "", p.fanIn()));
        rows.add(statsRow("weight", p.weightUnit(), p.weight()));
        rows.add(statsRow("delay", "ms", p.delayMs()));
        table(b, "    ", "", rows);
    }

    private static void modulator(StringBuilder b, ModulatorReport m) {
        b.append("  ").append(m.name()).append(": source ")
                .append(m.sourcePopulation().orElseGet(() -> "external \"" + m.externalChannel().orElse("") + "\""))
                .append(", release ").append(Text.number(m.release())).append(" per spike, decay ").append(Text.number(m.decayMs()))
                .append(" ms, baseline ").append(Text.number(m.baseline())).append(", scope ").append(m.scope());
        if (m.delayMs() > 0) {
            b.append(", delay ").append(Text.number(m.delayMs())).append(" ms");
        }
        b.append('\n');
    }

    private static void pathway(StringBuilder b, PathwayReport p) {
        b.append("  ").append(p.name()).append(": ").append(p.modulator()).append(" via ").append(p.receptor()).append(" -> ");
        if (p.onSynapses()) {
            b.append(Text.count(p.count(), "synapse")).append(" of projection ").append(p.projection().get()).append('\n');
        } else {
            b.append(Text.count(p.count(), "neuron")).append('\n');
            List<String> ranges = new ArrayList<>();
            for (RangeReport r : p.neurons()) {
                ranges.add(r.text() + " (" + r.size() + ")");
            }
            wrap(b, "    ", "binds ", ranges);
        }
        for (String e : p.effects()) {
            b.append("    ").append(e).append('\n');
        }
    }

    private static String[] statsRow(String name, String unit, Stats s) {
        if (s.isEmpty()) {
            return new String[] {name, unit, "-", "-", "-", "-"};
        }
        return new String[] {name, unit, Text.number(s.min()), Text.number(s.mean()), Text.number(s.max()), Text.number(s.sd())};
    }

    /** Rows of name, unit, min, mean, max, sd, aligned under a header. */
    private static void table(StringBuilder b, String indent, String title, List<String[]> rows) {
        String[] header = {title, "unit", "min", "mean", "max", "sd"};
        int[] width = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            width[c] = header[c].length();
            for (String[] row : rows) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        line(b, indent, header, width);
        for (String[] row : rows) {
            line(b, indent, row, width);
        }
    }

    private static void line(StringBuilder b, String indent, String[] cells, int[] width) {
        StringBuilder l = new StringBuilder(indent);
        for (int c = 0; c < cells.length; c++) {
            if (c < 2) {
                l.append(cells[c]).append(" ".repeat(width[c] - cells[c].length()));
            } else {
                l.append(" ".repeat(width[c] - cells[c].length())).append(cells[c]);
            }
            l.append(c + 1 < cells.length ? "  " : "");
        }
        b.append(l.toString().stripTrailing()).append('\n');
    }

    /** {@code label item, item, ...} wrapped at the page width with continuation lines indented under the first item. */
    private static void wrap(StringBuilder b, String indent, String label, List<String> items) {
        StringBuilder line = new StringBuilder(indent).append(label);
        String continuation = " ".repeat(indent.length() + label.length());
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i) + (i + 1 < items.size() ? "," : "");
            if (line.length() > continuation.length() && line.length() + 1 + item.length() > WIDTH) {
                b.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(continuation);
            } else if (line.length() > continuation.length()) {
                line.append(' ');
            }
            line.append(item);
        }
        b.append(line).append('\n');
    }
}
