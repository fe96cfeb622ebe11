package io.neuromap.backends.loihi1.rules;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * The Loihi 1 rule set: the per-core capacity rules (what every core of a config must satisfy,
 * compiled or hand-written) followed by the rules on what the lowering measured (models,
 * features, number ranges). {@link #check} runs every rule and returns every violation, errors
 * first, in rule order (STYLE item 8; Avoid 3).
 */
public final class Loihi1Rules {
    /** Rules on a config's cores and chips: what {@code emulate} re-checks on any config. */
    private static final List<Loihi1Rule> CORE = List.of(
            new CompartmentsWithinCoreLimit(),
            new InputAxonsWithinCoreLimit(),
            new OutputAxonsWithinCoreLimit(),
            new SynapticMemoryWithinCoreLimit(),
            new CompartmentProfilesWithinCoreLimit(),
            new ThresholdProfilesWithinCoreLimit(),
            new SynapseFormatsWithinCoreLimit(),
            new SynapticDelaysWithinRange(),
            new ChipsWithinSystem(),
            new PreTraceConfigsWithinCoreLimit(),
            new RewardChannelsWithinCoreLimit(),
            new StdpProfilesWithinCoreLimit(),
            new MicrocodeWithinCoreLimit());

    /** Rules on the lowering's facts: models, features and the number formats of the network's values. */
    private static final List<Loihi1Rule> NETWORK = List.of(
            new NeuronModelSupported(),
            new ProjectionsEndOnCores(),
            new PlasticityLowered(),
            new LearningScalesInRange(),
            new LearningEpochAgreesOnCore(),
            new DaStdpPairingWithinRange(),
            new NeuromodulationLowered(),
            new StimuliLowered(),
            new DecaysResolvable(),
            new RefractoryDelayWithinRange(),
            new WeightExponentWithinRange(),
            new BiasMantissaWithinRange(),
            new ThresholdAboveReset(),
            new WeightsSurviveQuantization(),
            new InitialVoltageInRange(),
            new DendriteCouplingApproximated(),
            new ProbesRecordable());

    private static final List<Loihi1Rule> ALL;

    static {
        List<Loihi1Rule> all = new ArrayList<>(CORE);
        all.addAll(NETWORK);
        ALL = List.copyOf(all);
    }

    private Loihi1Rules() {
    }

    /** Every rule, core rules first. */
    public static List<Loihi1Rule> all() {
        return ALL;
    }

    /** The rules a config read from disk is checked with. */
    public static List<Loihi1Rule> coreRules() {
        return CORE;
    }

    /** Runs every rule on {@code net}; all violations, errors before warnings, each group in rule order. */
    public static List<Violation> check(MappedNet net, Loihi1Limits limits) {
        return check(ALL, net, limits);
    }

    /** Runs {@code rules} on {@code net}. */
    public static List<Violation> check(List<Loihi1Rule> rules, MappedNet net, Loihi1Limits limits) {
        requireNonNull(net, "net is null");
        requireNonNull(limits, "limits is null");
        List<Violation> errors = new ArrayList<>();
        List<Violation> others = new ArrayList<>();
        for (Loihi1Rule rule : rules) {
            for (Violation v : rule.check(net, limits)) {
                (v.severity() == Severity.ERROR ? errors : others).add(v);
            }
        }
        errors.addAll(others);
        return errors;
    }

    /** True when {@code violations} holds an error. */
    public static boolean hasErrors(List<Violation> violations) {
        for (Violation v : violations) {
            if (v.severity() == Severity.ERROR) {
                return true;
            }
        }
        return false;
    }
}
