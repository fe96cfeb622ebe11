package io.neuromap.backends.report;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one {@code neuromap compile} learned about a network on a target, as data: whether
 * it fits, every violation (the one {@link Violation} shape, STYLE item 9), what each core holds
 * and uses, the lower bounds next to what was achieved, spike traffic, what quantization did to
 * every parameter, and an energy and time estimate. Target-independent: a target fills it, and
 * {@link TextReportWriter}, {@link JsonReportWriter} and {@link SarifReportWriter} turn the same
 * instance into {@code report.txt}, {@code report.json} and {@code report.sarif}.
 *
 * <p>An infeasible network gets a full report too (DESIGN.md): the mapping sections are filled
 * when the compile got that far, and empty otherwise.
 *
 * <p>Violations are kept in one canonical order (errors, then warnings, then notes; within a
 * severity by file, line, column and rule id; otherwise as given), so that every writer lists
 * them alike and the files do not depend on the order in which rules ran.
 *
 * @param toolVersion the neuromap version that compiled ({@code 0.1.0})
 * @param target the target's name ({@code loihi1})
 * @param system the machine mapped onto
 * @param sources the DSL files read, root file first
 * @param feasible true when the network fits and a config was written; false if any violation is an error
 * @param violations every violation, in canonical order
 * @param rules descriptions of the rules (at least those violated; others are ignored by writers)
 * @param cores one entry per core of the partition, in core order; empty when mapping did not run
 * @param bounds lower bounds vs achieved cores and chips, when partitioning ran
 * @param traffic spike traffic, when placement ran
 * @param quantization one row per quantized parameter of every population and projection
 * @param estimate energy and time per step, when the target has a cost model and mapping ran
 * @param timings wall time per pass, empty unless asked for (the only run-dependent fields)
 * @param notes anything else the user should read, one sentence each
 */
public record CompileReport(String toolVersion, String target, ReportSystem system, List<String> sources,
        boolean feasible, List<Violation> violations, List<RuleInfo> rules, List<CoreReport> cores,
        Optional<MappingBounds> bounds, Optional<TrafficReport> traffic, List<QuantizationRow> quantization,
        Optional<StepEstimate> estimate, List<PassTiming> timings, List<String> notes) {

    /** The canonical order of violations. */
    public static final Comparator<Violation> VIOLATION_ORDER = Comparator
            .comparingInt((Violation v) -> v.severity().ordinal())
            .thenComparing(v -> v.span().file())
            .thenComparingInt(v -> v.span().line())
            .thenComparingInt(v -> v.span().column())
            .thenComparing(Violation::ruleId);

    public CompileReport {
        requireNonNull(toolVersion, "toolVersion is null");
        requireNonNull(target, "target is null");
        requireNonNull(system, "system is null");
        sources = List.copyOf(requireNonNull(sources, "sources is null"));
        List<Violation> sorted = new ArrayList<>(requireNonNull(violations, "violations is null"));
        sorted.sort(VIOLATION_ORDER);
        violations = List.copyOf(sorted);
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
        cores = List.copyOf(requireNonNull(cores, "cores is null"));
        requireNonNull(bounds, "bounds is null");
        requireNonNull(traffic, "traffic is null");
        quantization = List.copyOf(requireNonNull(quantization, "quantization is null"));
        requireNonNull(estimate, "estimate is null");
        timings = List.copyOf(requireNonNull(timings, "timings is null"));
        notes = List.copyOf(requireNonNull(notes, "notes is null"));
        if (feasible && violations.stream().anyMatch(v -> v.severity() == Severity.ERROR)) {
            throw new IllegalArgumentException("a report with error violations cannot be feasible");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (RuleInfo rule : rules) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("rule " + rule.id() + " described twice");
            }
        }
    }

    /** A builder; every list starts empty and every optional section absent. */
    public static Builder builder(String toolVersion, String target, ReportSystem system) {
        return new Builder(toolVersion, target, system);
    }

    /** Violations of severity {@code severity}. */
    public long count(Severity severity) {
        requireNonNull(severity, "severity is null");
        return violations.stream().filter(v -> v.severity() == severity).count();
    }

    /** The rule ids of the violations, each once, in the order of their first violation. */
    public List<String> violatedRuleIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (Violation v : violations) {
            ids.add(v.ruleId());
        }
        return List.copyOf(ids);
    }

    /** The description of rule {@code id}, if the target gave one. */
    public Optional<RuleInfo> rule(String id) {
        requireNonNull(id, "id is null");
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * Fills a {@link CompileReport} section by section, so that a compile can add what each
     * pass learned as it goes and build the report once, whether or not the network fits.
     */
    public static final class Builder {
        private final String toolVersion;
        private final String target;
        private final ReportSystem system;
        private final List<String> sources = new ArrayList<>();
        private boolean feasible = true;
        private final List<Violation> violations = new ArrayList<>();
        private final List<RuleInfo> rules = new ArrayList<>();
        private final List<CoreReport> cores = new ArrayList<>();
        private MappingBounds bounds;
        private TrafficReport traffic;
        private final List<QuantizationRow> quantization = new ArrayList<>();
        private StepEstimate estimate;
        private final List<PassTiming> timings = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private Builder(String toolVersion, String target, ReportSystem system) {
            this.toolVersion = requireNonNull(toolVersion, "toolVersion is null");
            this.target = requireNonNull(target, "target is null");
            this.system = requireNonNull(system, "system is null");
        }

        public Builder source(String file) {
            sources.add(requireNonNull(file, "file is null"));
            return this;
        }

        public Builder sources(List<String> files) {
            files.forEach(this::source);
            return this;
        }

        /**
         * Marks the network as not fitting even without an error violation (e.g. a pass stopped
         * the compile). A report with an error violation is infeasible whatever this says.
         */
        public Builder infeasible() {
            feasible = false;
            return this;
        }

        public Builder violation(Violation violation) {
            violations.add(requireNonNull(violation, "violation is null"));
            return this;
        }

        public Builder violations(List<Violation> list) {
            list.forEach(this::violation);
            return this;
        }

        /** Describes a rule; a rule described twice keeps its first description. */
        public Builder rule(RuleInfo rule) {
            requireNonNull(rule, "rule is null");
            if (rules.stream().noneMatch(r -> r.id().equals(rule.id()))) {
                rules.add(rule);
            }
            return this;
        }

        public Builder rules(List<RuleInfo> list) {
            list.forEach(this::rule);
            return this;
        }

        public Builder core(CoreReport core) {
            cores.add(requireNonNull(core, "core is null"));
            return this;
        }

        public Builder cores(List<CoreReport> list) {
            list.forEach(this::core);
            return this;
        }

        public Builder bounds(MappingBounds value) {
            bounds = requireNonNull(value, "bounds is null");
            return this;
        }

        public Builder traffic(TrafficReport value) {
            traffic = requireNonNull(value, "traffic is null");
            return this;
        }

        public Builder quantization(QuantizationRow row) {
            quantization.add(requireNonNull(row, "row is null"));
            return this;
        }

        public Builder quantization(List<QuantizationRow> rows) {
            rows.forEach(this::quantization);
            return this;
        }

        public Builder estimate(StepEstimate value) {
            estimate = requireNonNull(value, "estimate is null");
            return this;
        }

        public Builder timing(PassTiming timing) {
            timings.add(requireNonNull(timing, "timing is null"));
            return this;
        }

        public Builder note(String note) {
            notes.add(requireNonNull(note, "note is null"));
            return this;
        }

        /** The report; infeasible when {@link #infeasible()} was called or any violation is an error. */
        public CompileReport build() {
            boolean fits = feasible && violations.stream().noneMatch(v -> v.severity() == Severity.ERROR);
            return new CompileReport(toolVersion, target, system, sources, fits, violations, rules, cores,
                    Optional.ofNullable(bounds), Optional.ofNullable(traffic), quantization,
                    Optional.ofNullable(estimate), timings, notes);
        }
    }
}
