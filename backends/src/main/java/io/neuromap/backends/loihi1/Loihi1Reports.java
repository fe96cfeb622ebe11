package io.neuromap.backends.loihi1;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.cost.Loihi1Activity;
import io.neuromap.backends.loihi1.cost.Loihi1CostModel;
import io.neuromap.backends.loihi1.emit.Loihi1Partitioned;
import io.neuromap.backends.loihi1.emit.Loihi1Placed;
import io.neuromap.backends.loihi1.lower.BinningRow;
import io.neuromap.backends.loihi1.lower.Loihi1Lowering;
import io.neuromap.backends.loihi1.rules.Loihi1Checked;
import io.neuromap.backends.loihi1.rules.Loihi1Rule;
import io.neuromap.backends.loihi1.rules.Loihi1Rules;
import io.neuromap.backends.report.CompileReport;
import io.neuromap.backends.report.ReportMapping;
import io.neuromap.backends.report.ReportSystem;
import io.neuromap.backends.report.RuleInfo;
import io.neuromap.compiler.mapping.PartitionOptions;
import io.neuromap.compiler.mapping.Violation;
import io.neuromap.compiler.pass.PassRecord;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fills the target-independent {@link CompileReport} from a Loihi 1 compile: violations and the
 * rules behind them, the per-core utilization tables, lower bounds against the cores and chips
 * achieved, spike traffic, the quantization-error table (with the binning error of binned
 * parameters), the energy and time estimate, and notes on what the lowering decided (binning,
 * thresholds, the arithmetic profile).
 */
public final class Loihi1Reports {
    private Loihi1Reports() {
    }

    /** The report system of {@code limits}. */
    public static ReportSystem system(Loihi1Limits limits) {
        return new ReportSystem(limits.system().name(), limits.chips(), Loihi1Limits.CORES_PER_CHIP);
    }

    /**
     * The report of a compile that got through the back end.
     *
     * @param toolVersion the neuromap version
     * @param sources the DSL files read, root first
     * @param timings whether to include the per-pass wall times (run-dependent)
     */
    public static CompileReport of(String toolVersion, List<String> sources, Loihi1CompileResult result,
            boolean timings) {
        requireNonNull(result, "result is null");
        Loihi1Checked checked = result.checked().orElseThrow(() -> new IllegalArgumentException(
                "the compile stopped in the front end; it has no mapping to report"));
        Loihi1Placed placed = checked.emitted().routed().placed();
        Loihi1Partitioned partitioned = placed.partitioned();
        Loihi1Lowering lowering = partitioned.lowering();
        ReportSystem system = system(partitioned.limits());
        CompileReport.Builder b = CompileReport.builder(toolVersion, "loihi1", system).sources(sources);
        if (!checked.feasible()) {
            b.infeasible();
        }
        b.violations(checked.violations());
        Set<String> violated = new LinkedHashSet<>();
        for (Violation v : checked.violations()) {
            violated.add(v.ruleId());
        }
        for (Loihi1Rule rule : Loihi1Rules.all()) {
            b.rule(new RuleInfo(rule.id(), rule.predicate(), rule.description(), rule.help()));
            violated.remove(rule.id());
        }
        for (String id : violated) {
            b.rule(new RuleInfo(id, id, "a limit of the mapping engine", "see the violation's fix"));
        }
        b.cores(ReportMapping.cores(lowering.network(), partitioned.partition(), placed.placement()));
        b.bounds(ReportMapping.bounds(partitioned.partition(), placed.placement(), system));
        b.traffic(ReportMapping.traffic(partitioned.partition(), placed.placement()));
        b.quantization(lowering.quantization());
        b.estimate(Loihi1CostModel.estimate(Loihi1Activity.of(lowering.network(), partitioned.partition(),
                placed.placement(), PartitionOptions.DEFAULT_RATE_HZ)));
        if (timings) {
            for (PassRecord r : result.pipeline().records()) {
                b.timing(new io.neuromap.backends.report.PassTiming(r.pass(), r.nanos() / 1e9));
            }
        }
        b.note("arithmetic: " + lowering.options().arithmetic().jsonName() + "; heterogeneity: "
                + lowering.options().heterogeneity() + " with a bound of "
                + String.format(Locale.ROOT, "%.3g", lowering.options().maxBinError()) + " relative error");
        b.note("membrane potentials are measured from each neuron's v_reset and normalized so that every threshold "
                + "of a population is its one threshold mantissa; the resting potential is part of the bias");
        for (BinningRow row : lowering.binning()) {
            if (row.bins() < row.distinct() || !"exact".equals(row.outcome())) {
                b.note("profiles of " + row.population() + "." + row.role() + ": " + row.distinct() + " distinct, "
                        + row.bins() + " after " + row.outcome() + " (budget " + row.budget() + " of a core's table), "
                        + String.format(Locale.ROOT, "binning error max %.3g, mean %.3g", row.maxError(),
                                row.meanError()));
            }
        }
        if (lowering.options().arithmetic() == io.neuromap.backends.loihi1.config.Loihi1Arithmetic.LAVA) {
            b.note("lava arithmetic applies each synapse format's weight exponent to the summed input of a step "
                    + "(floor); negative exponents lose the low bits of each sum, beyond the per-synapse error shown");
        }
        return b.build();
    }
}
