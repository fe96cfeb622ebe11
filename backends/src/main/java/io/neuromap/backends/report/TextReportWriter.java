package io.neuromap.backends.report;

import static io.neuromap.backends.report.ReportFormat.amount;
import static io.neuromap.backends.report.ReportFormat.fmt;
import static io.neuromap.backends.report.ReportFormat.percent;
import static io.neuromap.backends.report.ReportFormat.plural;
import static io.neuromap.backends.report.ReportFormat.relative;
import static io.neuromap.backends.report.ReportFormat.si;

import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Utilization;
import io.neuromap.compiler.mapping.Violation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code report.txt}: the report a person reads. The headline says whether the network fits and
 * how many cores and chips it took against the lower bound and the resource that forces it;
 * then every violation in the diagnostic form editors understand
 * ({@code file:line:col: error[LOIHI1-AXIN-001]: message}, demand vs capacity, {@code help:});
 * then utilization (a per-resource summary and the fullest cores), lower bounds, traffic,
 * quantization error, the energy and time estimate, and notes.
 */
public final class TextReportWriter implements ReportWriter {
    /** File name in the output directory. */
    public static final String FILE = "report.txt";
    /** Cores listed in detail by default. */
    public static final int DEFAULT_TOP_CORES = 5;

    private final int topCores;

    /** A writer listing the {@link #DEFAULT_TOP_CORES} fullest cores. */
    public TextReportWriter() {
        this(DEFAULT_TOP_CORES);
    }

    /** A writer listing the {@code topCores} fullest cores in detail ({@code >= 0}). */
    public TextReportWriter(int topCores) {
        if (topCores < 0) {
            throw new IllegalArgumentException("topCores must be >= 0, got " + topCores);
        }
        this.topCores = topCores;
    }

    @Override
    public String fileName() {
        return FILE;
    }

    @Override
    public void write(CompileReport report, OutputStream out) throws IOException {
        out.write(text(report).getBytes(StandardCharsets.UTF_8));
    }

    /** The whole report as text. */
    public String text(CompileReport report) {
        Out out = new Out();
        headline(report, out);
        violations(report, out);
        utilization(report, out);
        bounds(report, out);
        traffic(report, out);
        quantization(report, out);
        estimate(report, out);
        timings(report, out);
        notes(report, out);
        return out.toString();
    }

    private static void headline(CompileReport r, Out out) {
        ReportSystem s = r.system();
        out.line("neuromap %s compile report", r.toolVersion());
        out.line("target:  %s, system %s (%s x %s)", r.target(), s.name(), plural(s.chips(), "chip"),
                plural(s.coresPerChip(), "core"));
        out.line("sources: %s", r.sources().isEmpty() ? "(none)" : String.join(", ", r.sources()));
        out.blank();
        String counts = counts(r);
        out.line("result:  %s%s", r.feasible() ? "fits" : "DOES NOT FIT",
                counts.isEmpty() ? "" : " (" + counts + ")");
        if (r.bounds().isEmpty()) {
            out.line("cores:   not mapped: the compile stopped before partitioning");
        } else {
            MappingBounds b = r.bounds().get();
            String why = b.bindingResource()
                    .map(res -> "this network needs >= " + plural(b.coresLowerBound(), "core") + " because of " + res)
                    .orElse("no resource forces a core");
            out.line("cores:   %d used, lower bound %d: %s", b.coresAchieved(), b.coresLowerBound(), why);
            out.line("chips:   %d used of %d available, lower bound %d", b.chipsUsed(), b.chipsAvailable(),
                    b.chipsLowerBound());
        }
    }

    private static String counts(CompileReport r) {
        List<String> parts = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            long n = r.count(severity);
            if (n > 0) {
                parts.add(plural(n, severity.label()));
            }
        }
        return String.join(", ", parts);
    }

    private static void violations(CompileReport r, Out out) {
        if (r.violations().isEmpty()) {
            return;
        }
        out.section("violations (%d)", r.violations().size());
        for (Violation v : r.violations()) {
            out.line("%s: %s[%s]: %s", v.span().location(), v.severity().label(), v.ruleId(), v.message());
            String ratio = v.limit() > 0 ? " (" + percent(v.actual() / (double) v.limit()) + ")" : "";
            out.line("  = %s: demand %d %s, capacity %d %s%s", v.resource(), v.actual(), v.unit(), v.limit(),
                    v.unit(), ratio);
            out.line("  help: %s", v.fix());
        }
    }

    private void utilization(CompileReport r, Out out) {
        if (r.cores().isEmpty()) {
            return;
        }
        out.section("utilization (%s)", plural(r.cores().size(), "core"));
        List<ResourceSummary> summary = ResourceSummary.of(r.cores());
        int width = Math.max("resource".length(), summary.stream().mapToInt(s -> s.resource().length()).max().orElse(0));
        int unitWidth = Math.max("unit".length(), summary.stream().mapToInt(s -> s.unit().length()).max().orElse(0));
        out.line("  %-" + width + "s  %-" + unitWidth + "s  %10s  %12s  %10s  %13s  %s", "resource", "unit", "min",
                "mean", "max", "capacity", "fullest");
        for (ResourceSummary s : summary) {
            String capacity = s.capacityMin() == s.capacityMax() ? String.valueOf(s.capacityMax())
                    : s.capacityMin() + ".." + s.capacityMax();
            out.line("  %-" + width + "s  %-" + unitWidth + "s  %10d  %12s  %10d  %13s  %s (core %d)", s.resource(),
                    s.unit(), s.min(), fmt("%.1f", s.mean()), s.max(), capacity, percent(s.fullestRatio()),
                    s.fullestCore());
        }
        List<CoreReport> ranked = new ArrayList<>(r.cores());
        ranked.sort(Comparator.comparingDouble(CoreReport::fullness).reversed()
                .thenComparingInt(CoreReport::core));
        int shown = Math.min(topCores, ranked.size());
        if (shown == 0) {
            return;
        }
        out.blank();
        out.line("fullest cores (%d of %d)", shown, ranked.size());
        int limitWidth = 0;
        for (CoreReport c : ranked.subList(0, shown)) {
            for (Utilization.Row row : c.utilization().rows()) {
                limitWidth = Math.max(limitWidth, (row.max() + " " + row.resource().unit()).length());
            }
        }
        for (CoreReport c : ranked.subList(0, shown)) {
            List<String> slices = new ArrayList<>();
            c.slices().forEach(s -> slices.add(s.toString()));
            out.line("  core %d (chip %d, core %d): %s; %s, %s", c.core(), c.chip(), c.coreOnChip(),
                    slices.isEmpty() ? "empty" : String.join(", ", slices), plural(c.neurons(), "neuron"),
                    plural(c.synapses(), "synapse"));
            for (Utilization.Row row : c.utilization().rows()) {
                out.line("    %-" + width + "s  %10d / %-" + limitWidth + "s  %8s%s", row.resource().name(),
                        row.used(), row.max() + " " + row.resource().unit(), percent(row.ratio()),
                        row.fits() ? "" : "  OVER");
            }
        }
    }

    private static void bounds(CompileReport r, Out out) {
        if (r.bounds().isEmpty()) {
            return;
        }
        MappingBounds b = r.bounds().get();
        out.section("lower bounds (cores each resource alone forces; achieved %d)", b.coresAchieved());
        int width = Math.max("resource".length(), b.bounds().stream().mapToInt(x -> x.resource().length()).max()
                .orElse(0));
        out.line("  %-" + width + "s  %8s  %s", "resource", "cores", "demand; basis");
        for (ResourceBound x : b.bounds()) {
            out.line("  %-" + width + "s  %8d  %s %s; %s", x.resource(), x.cores(), amount(x.demand()), x.unit(),
                    x.basis());
        }
    }

    private static void traffic(CompileReport r, Out out) {
        if (r.traffic().isEmpty()) {
            return;
        }
        TrafficReport t = r.traffic().get();
        out.section("spike traffic (expected messages per second)");
        out.line("  inter-core      %s spikes/s over %s; %s", amount(t.interCore()), plural(t.corePairs(), "core pair"),
                plural(t.remoteOutputAxons(), "remote output axon"));
        out.line("  host input      %s spikes/s", amount(t.hostInput()));
        out.line("  traffic x hops  %s spike-hops/s (cores placed in index order: %s)", amount(t.trafficHops()),
                amount(t.naiveTrafficHops()));
        out.line("  inter-chip      %s spikes/s (%s spike-hops/s)", amount(t.interChip()), amount(t.interChipHops()));
        if (!t.heaviest().isEmpty()) {
            out.line("  heaviest links:");
            for (TrafficEdge e : t.heaviest()) {
                out.line("    core %d -> core %d: %s spikes/s, %s", e.fromCore(), e.toCore(),
                        amount(e.spikesPerSecond()), plural(e.hops(), "hop"));
            }
        }
    }

    private static void quantization(CompileReport r, Out out) {
        if (r.quantization().isEmpty()) {
            return;
        }
        out.section("quantization (relative error of the values the chip stores)");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"kind", "name", "parameter", "unit", "values", "max", "mean", "binning", "at", "note"});
        for (QuantizationRow q : r.quantization()) {
            rows.add(new String[] {q.kind().label(), q.name(), q.parameter(), q.unit().isEmpty() ? "-" : q.unit(),
                String.valueOf(q.values()), relative(q.maxRelativeError()), relative(q.meanRelativeError()),
                q.binningError().isPresent() ? relative(q.binningError().getAsDouble()) : "-",
                q.span().location(), q.note()});
        }
        out.table(rows, 4, 4);
    }

    private static void estimate(CompileReport r, Out out) {
        if (r.estimate().isEmpty()) {
            return;
        }
        StepEstimate e = r.estimate().get();
        out.section("energy and time per time step (estimate: nominal, band low .. high)");
        out.line("  energy  %s  (%s .. %s)", si(e.energyJoules().nominal(), "J"), si(e.energyJoules().low(), "J"),
                si(e.energyJoules().high(), "J"));
        out.line("  time    %s  (%s .. %s)", si(e.timeSeconds().nominal(), "s"), si(e.timeSeconds().low(), "s"),
                si(e.timeSeconds().high(), "s"));
        if (!e.terms().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"event", "per step", "energy", "band", "source"});
            for (EstimateTerm t : e.terms()) {
                rows.add(new String[] {t.event(), amount(t.perStep()), si(t.energyJoules().nominal(), "J"),
                    si(t.energyJoules().low(), "J") + " .. " + si(t.energyJoules().high(), "J"), t.source()});
            }
            out.table(rows, 1, 2);
        }
        if (!e.assumptions().isEmpty()) {
            out.line("  assumptions:");
            e.assumptions().forEach(a -> out.line("    - %s", a));
        }
        if (!e.sources().isEmpty()) {
            out.line("  sources:");
            e.sources().forEach(s -> out.line("    - %s", s));
        }
    }

    private static void timings(CompileReport r, Out out) {
        if (r.timings().isEmpty()) {
            return;
        }
        out.section("pass timings (wall time; differs between runs)");
        for (PassTiming t : r.timings()) {
            out.line("  %-16s %s", t.pass(), fmt("%.3f s", t.seconds()));
        }
    }

    private static void notes(CompileReport r, Out out) {
        if (r.notes().isEmpty()) {
            return;
        }
        out.section("notes");
        r.notes().forEach(n -> out.line("  - %s", n));
    }

    /** Lines ending in {@code \n} whatever the platform. */
    private static final class Out {
        private final StringBuilder text = new StringBuilder();

        void line(String format, Object... args) {
            text.append(args.length == 0 ? format : fmt(format, args)).append('\n');
        }

        void blank() {
            text.append('\n');
        }

        void section(String format, Object... args) {
            blank();
            line(format, args);
        }

        /**
         * Columns padded to their widest cell: left-aligned, except the {@code numeric} columns
         * from {@code firstNumeric} on, which are right-aligned; the last column is never padded.
         */
        void table(List<String[]> rows, int firstNumeric, int numeric) {
            int columns = rows.get(0).length;
            int[] width = new int[columns];
            for (String[] row : rows) {
                for (int c = 0; c < columns; c++) {
                    width[c] = Math.max(width[c], row[c].length());
                }
            }
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder(" ");
                for (int c = 0; c < columns; c++) {
                    boolean right = c >= firstNumeric && c < firstNumeric + numeric && c < columns - 1;
                    String cell = c == columns - 1 ? row[c]
                            : right ? pad(row[c], width[c], true) : pad(row[c], width[c], false);
                    line.append(' ').append(cell);
                }
                text.append(line.toString().stripTrailing()).append('\n');
            }
        }

        private static String pad(String s, int width, boolean right) {
            String fill = " ".repeat(width - s.length());
            return right ? fill + s : s + fill;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
