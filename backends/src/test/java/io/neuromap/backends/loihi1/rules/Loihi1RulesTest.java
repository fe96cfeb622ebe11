package io.neuromap.backends.loihi1.rules;

import static io.neuromap.backends.loihi1.rules.RuleFixtures.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1System;
import io.neuromap.backends.loihi1.config.Loihi1Learning;
import io.neuromap.backends.loihi1.lower.LoweringFacts;
import io.neuromap.backends.loihi1.mapping.Loihi1ResourceModel;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.MappingRule;
import io.neuromap.compiler.mapping.Resource;
import io.neuromap.compiler.mapping.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Loihi 1 design rule against one fixture that breaks it and one that keeps it, each just
 * beside the limit: the failing fixture must give violations of exactly this rule id at the
 * expected line, the passing one none (STYLE item 16, Avoid 2 and 6).
 */
class Loihi1RulesTest {
    private static final Loihi1Limits ONE_CHIP = Loihi1Limits.singleChip();
    static final int FACT_LINE = 11;

    /** One rule, a net that breaks it, a net that keeps it, and the line the violation is at. */
    record Case(Loihi1Rule rule, MappedNet failing, MappedNet passing, int line, Loihi1Limits limits) {
        @Override
        public String toString() {
            return rule.id() + " " + rule.predicate();
        }
    }

    private static RuleFixtures.Core core() {
        return new RuleFixtures.Core();
    }

    private static MappedNet facts(Consumer<RuleFixtures.Facts> set) {
        RuleFixtures.Facts f = new RuleFixtures.Facts();
        set.accept(f);
        return RuleFixtures.facts(f.build());
    }

    private static Case coreCase(Loihi1Rule rule, RuleFixtures.Core failing, RuleFixtures.Core passing) {
        return new Case(rule, RuleFixtures.net(failing), RuleFixtures.net(passing), RuleFixtures.POPULATION_LINE,
                ONE_CHIP);
    }

    private static Case factCase(Loihi1Rule rule, Consumer<RuleFixtures.Facts> failing,
            Consumer<RuleFixtures.Facts> passing) {
        return new Case(rule, facts(failing), facts(passing), FACT_LINE, ONE_CHIP);
    }

    static Stream<Case> cases() {
        List<Case> out = new ArrayList<>();
        int cx = Loihi1Limits.COMPARTMENTS_PER_CORE;
        out.add(coreCase(new CompartmentsWithinCoreLimit(), core().compartments(cx + 1), core().compartments(cx)));
        out.add(coreCase(new InputAxonsWithinCoreLimit(), core().inputAxons(Loihi1Limits.INPUT_AXONS_PER_CORE + 1),
                core().inputAxons(Loihi1Limits.INPUT_AXONS_PER_CORE)));
        out.add(coreCase(new OutputAxonsWithinCoreLimit(), core().outputAxons(Loihi1Limits.OUTPUT_AXONS_PER_CORE + 1),
                core().outputAxons(Loihi1Limits.OUTPUT_AXONS_PER_CORE)));
        // 8-bit weights, 10 index bits, 3 delay bits: 21 bits a synapse, 64 a chunk -> 1354 bits per 64.
        out.add(coreCase(new SynapticMemoryWithinCoreLimit(), core().synapsesPerAxon(50_000),
                core().synapsesPerAxon(40_000)));
        out.add(coreCase(new CompartmentProfilesWithinCoreLimit(),
                core().profiles(Loihi1Limits.COMPARTMENT_PROFILES_PER_CORE + 1),
                core().profiles(Loihi1Limits.COMPARTMENT_PROFILES_PER_CORE)));
        out.add(coreCase(new ThresholdProfilesWithinCoreLimit(),
                core().thresholds(Loihi1Limits.THRESHOLD_PROFILES_PER_CORE + 1),
                core().thresholds(Loihi1Limits.THRESHOLD_PROFILES_PER_CORE)));
        out.add(coreCase(new SynapseFormatsWithinCoreLimit(), core().formats(Loihi1Limits.SYNAPSE_FORMATS_PER_CORE + 1),
                core().formats(Loihi1Limits.SYNAPSE_FORMATS_PER_CORE)));
        out.add(coreCase(new SynapticDelaysWithinRange(),
                core().delay(Loihi1Limits.DELAY_BITS_MIN, Loihi1Limits.MAX_DELAY_FIELD_FULL_CORE + 1),
                core().delay(Loihi1Limits.DELAY_BITS_MIN, Loihi1Limits.MAX_DELAY_FIELD_FULL_CORE)));
        out.add(new Case(new ChipsWithinSystem(),
                RuleFixtures.net(List.of(core(), core()), true, LoweringFacts.none()),
                RuleFixtures.net(List.of(core()), true, LoweringFacts.none()), RuleFixtures.NETWORK_LINE, ONE_CHIP));
        out.add(factCase(new NeuronModelSupported(),
                f -> f.models = List.of(new LoweringFacts.Model("p", "izhikevich", false, line(FACT_LINE))),
                f -> f.models = List.of(new LoweringFacts.Model("p", "lif", true, line(FACT_LINE)))));
        out.add(factCase(new ProjectionsEndOnCores(),
                f -> f.targets = List.of(new LoweringFacts.Target("in", "stim", false, 40, line(FACT_LINE))),
                f -> f.targets = List.of(new LoweringFacts.Target("in", "exc", true, 40, line(FACT_LINE)),
                        new LoweringFacts.Target("none", "stim", false, 0, line(FACT_LINE)))));
        out.add(factCase(new PlasticityLowered(),
                f -> f.plasticity = List.of(new LoweringFacts.Plasticity("ee", "sum_of_products", line(FACT_LINE),
                        "rule sum_of_products is not lowered", 0, "", List.of(), List.of())),
                f -> f.plasticity = List.of(new LoweringFacts.Plasticity("ee", "stdp", line(FACT_LINE), "", 0, "",
                        List.of(), List.of()))));
        out.add(factCase(new LearningScalesInRange(),
                f -> f.plasticity = List.of(new LoweringFacts.Plasticity("ee", "stdp", line(FACT_LINE), "", 0,
                        "scale 1e-9 is below the smallest the engine holds", List.of(), List.of())),
                f -> f.plasticity = List.of(new LoweringFacts.Plasticity("ee", "stdp", line(FACT_LINE), "", 0, "",
                        List.of(), List.of()))));
        out.add(factCase(new DaStdpPairingWithinRange(),
                f -> f.plasticity = List.of(new LoweringFacts.Plasticity("ee", "da_stdp", line(FACT_LINE), "", 8, "",
                        List.of(), List.of(), 5300)),
                f -> f.plasticity = List.of(new LoweringFacts.Plasticity("ee", "da_stdp", line(FACT_LINE), "", 8, "",
                        List.of(), List.of(), 5))));
        out.add(new Case(new LearningEpochAgreesOnCore(), LearningRuleFixtures.epochs(8, 2),
                LearningRuleFixtures.epochs(8, 8), FACT_LINE, ONE_CHIP));
        out.add(new Case(new PreTraceConfigsWithinCoreLimit(),
                LearningRuleFixtures.preTraces(Loihi1Limits.PRE_TRACE_CONFIGS_PER_CORE + 1),
                LearningRuleFixtures.preTraces(Loihi1Limits.PRE_TRACE_CONFIGS_PER_CORE), RuleFixtures.POPULATION_LINE,
                ONE_CHIP));
        out.add(new Case(new RewardChannelsWithinCoreLimit(),
                LearningRuleFixtures.rewardChannels(Loihi1Limits.REWARD_TRACES_PER_CORE + 1),
                LearningRuleFixtures.rewardChannels(Loihi1Limits.REWARD_TRACES_PER_CORE), RuleFixtures.POPULATION_LINE,
                ONE_CHIP));
        out.add(new Case(new StdpProfilesWithinCoreLimit(),
                LearningRuleFixtures.profiles(Loihi1Limits.STDP_PROFILES_PER_CORE + 1),
                LearningRuleFixtures.profiles(Loihi1Limits.STDP_PROFILES_PER_CORE), RuleFixtures.POPULATION_LINE,
                ONE_CHIP));
        // 3 rules of 6 terms: 18 words, 3 stdp profiles; 2 rules of 8 terms: 16 words.
        out.add(new Case(new MicrocodeWithinCoreLimit(), LearningRuleFixtures.microcode(3, 6),
                LearningRuleFixtures.microcode(2, 8), RuleFixtures.POPULATION_LINE, ONE_CHIP));
        out.add(factCase(new NeuromodulationLowered(),
                f -> f.modulation = List.of(new LoweringFacts.Modulation("modulator", "DA", line(FACT_LINE))),
                f -> f.modulation = List.of()));
        long q = (1L << Loihi1Limits.Q_BITS) - 1;
        out.add(factCase(new StimuliLowered(),
                f -> f.stimuli = List.of(new LoweringFacts.Stimulus("s", "dc", true, "current injection", q + 1,
                        line(FACT_LINE))),
                f -> f.stimuli = List.of(new LoweringFacts.Stimulus("s", "dc", true, "current injection", q,
                        line(FACT_LINE)))));
        out.add(factCase(new ProbesRecordable(),
                f -> f.probes = List.of(new LoweringFacts.Probe("w", "weights", false, "not recorded", line(FACT_LINE))),
                f -> f.probes = List.of(new LoweringFacts.Probe("s", "spikes", true, "", line(FACT_LINE)))));
        double dt = 1e-3;
        double threshold = io.neuromap.backends.loihi1.Loihi1Discretization.DECAY_SCALE_THRESHOLD;
        out.add(factCase(new DecaysResolvable(),
                f -> f.decays = List.of(new LoweringFacts.Decay("p", "tau_syn_E", true, 10, threshold, dt,
                        line(FACT_LINE))),
                f -> f.decays = List.of(new LoweringFacts.Decay("p", "tau_syn_E", true, 5, Math.nextUp(threshold), dt,
                        line(FACT_LINE)))));
        int r = Loihi1Limits.REFRACTORY_DELAY_MAX;
        out.add(factCase(new RefractoryDelayWithinRange(),
                f -> f.refractories = List.of(new LoweringFacts.Refractory("p", "tau_refrac", r * dt, r + 1, dt,
                        line(FACT_LINE))),
                f -> f.refractories = List.of(new LoweringFacts.Refractory("p", "tau_refrac", (r - 1) * dt, r, dt,
                        line(FACT_LINE)))));
        int e = Loihi1Limits.WEIGHT_EXP_MAX;
        out.add(factCase(new WeightExponentWithinRange(),
                f -> f.weights = List.of(new LoweringFacts.Weights("ff", 4e6, e + 1, 0, 10, line(FACT_LINE))),
                f -> f.weights = List.of(new LoweringFacts.Weights("ff", 2e6, e, 0, 10, line(FACT_LINE)))));
        out.add(factCase(new WeightsSurviveQuantization(),
                f -> f.weights = List.of(new LoweringFacts.Weights("ff", 100, -6, 3, 10, line(FACT_LINE))),
                f -> f.weights = List.of(new LoweringFacts.Weights("ff", 100, -6, 0, 10, line(FACT_LINE)))));
        double ratio = Loihi1Limits.BIAS_MAX / (double) (1 << Loihi1Limits.VTH_EXP);
        out.add(factCase(new BiasMantissaWithinRange(),
                f -> f.biases = List.of(new LoweringFacts.Bias("p", ratio * 1.01, line(FACT_LINE))),
                f -> f.biases = List.of(new LoweringFacts.Bias("p", ratio, line(FACT_LINE)))));
        out.add(factCase(new ThresholdAboveReset(),
                f -> f.thresholds = List.of(new LoweringFacts.Threshold("p", 0, line(FACT_LINE))),
                f -> f.thresholds = List.of(new LoweringFacts.Threshold("p", 1e-6, line(FACT_LINE)))));
        out.add(factCase(new InitialVoltageInRange(),
                f -> f.inits = List.of(new LoweringFacts.Init("p", 2, 1e-3, 0.1, line(FACT_LINE))),
                f -> f.inits = List.of(new LoweringFacts.Init("p", 0, 0, 0, line(FACT_LINE)))));
        out.add(factCase(new DendriteCouplingApproximated(),
                f -> f.couplings = List.of(new LoweringFacts.Coupling("p", 0.2, -0.06, -0.055, 0.001, List.of(), line(FACT_LINE))),
                f -> f.couplings = List.of(new LoweringFacts.Coupling("p", 0, -0.065, -0.065, 0, List.of(), line(FACT_LINE)))));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failingFixtureGivesTheRuleIdAtItsLine(Case c) {
        List<Violation> found = c.rule().check(c.failing(), c.limits());
        assertFalse(found.isEmpty(), c + ": no violation");
        for (Violation v : found) {
            assertEquals(c.rule().id(), v.ruleId());
            assertEquals(c.line(), v.span().line(), v.toString());
            assertEquals(c.rule().severity(), v.severity());
            assertFalse(v.fix().isBlank(), v.toString());
        }
        // The whole rule set reports it too, among whatever else.
        assertTrue(Loihi1Rules.check(c.failing(), c.limits()).stream().anyMatch(v -> v.ruleId().equals(c.rule().id())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void passingFixtureGivesNone(Case c) {
        assertEquals(List.of(), c.rule().check(c.passing(), c.limits()));
    }

    @Test
    void theCouplingWarningNamesTheModulatorsTakenAtBaseline() {
        MappedNet net = facts(f -> f.couplings = List.of(new LoweringFacts.Coupling("p", 0.2, -0.06, -0.055, 0.001,
                List.of("NA (baseline 0.05)"), line(FACT_LINE))));
        List<Violation> found = new DendriteCouplingApproximated().check(net, Loihi1Limits.singleChip());
        assertEquals(1, found.size());
        assertTrue(found.get(0).message().contains("V* takes NA (baseline 0.05) at its baseline: released by neurons on "
                + "the chip, its concentration is only known at run time"), found.get(0).message());
        MappedNet without = facts(f -> f.couplings = List.of(new LoweringFacts.Coupling("p", 0.2, -0.06, -0.055, 0.001,
                List.of(), line(FACT_LINE))));
        assertFalse(new DendriteCouplingApproximated().check(without, Loihi1Limits.singleChip()).get(0).message()
                .contains("baseline"));
    }

    @Test
    void everyRuleHasFixturesAndADistinctId() {
        Set<String> covered = new HashSet<>();
        cases().forEach(c -> covered.add(c.rule().id()));
        Set<String> ids = new HashSet<>();
        for (Loihi1Rule rule : Loihi1Rules.all()) {
            assertTrue(ids.add(rule.id()), "duplicate id " + rule.id());
            assertTrue(covered.contains(rule.id()), rule.id() + " has no fixtures");
            assertTrue(rule.id().matches("LOIHI1-[A-Z]+-\\d{3}"), rule.id());
            assertTrue(rule.predicate().matches("[A-Z][A-Za-z]+"), rule.predicate());
        }
    }

    @Test
    void everyRuleIdOfTheResourceModelIsARule() {
        Set<String> ids = new HashSet<>();
        Loihi1Rules.all().forEach(rule -> ids.add(rule.id()));
        Loihi1ResourceModel model = Loihi1ResourceModel.of(ONE_CHIP);
        for (Resource r : model.resources()) {
            assertTrue(ids.contains(r.ruleId()), r.name() + ": " + r.ruleId() + " is not in Loihi1Rules");
        }
        for (MappingRule rule : MappingRule.values()) {
            assertTrue(ids.contains(model.ruleId(rule)), rule + ": " + model.ruleId(rule) + " is not in Loihi1Rules");
        }
    }

    @Test
    void theDelayCapLowersTheCompartmentLimit() {
        // delay_bits 4 leaves 8192 / 16 = 512 compartments.
        MappedNet net = RuleFixtures.net(core().compartments(513).delay(4, 10));
        List<Violation> v = new CompartmentsWithinCoreLimit().check(net, ONE_CHIP);
        assertEquals(1, v.size());
        assertEquals(512, v.get(0).limit());
        assertTrue(v.get(0).fix().contains("shorten the delays"), v.get(0).fix());
        assertEquals(List.of(), new CompartmentsWithinCoreLimit().check(RuleFixtures.net(core().compartments(512)
                .delay(4, 10)), ONE_CHIP));
    }

    @Test
    void coresOverALimitAreReportedOncePerPopulationWithTheWorst() {
        MappedNet net = RuleFixtures.net(List.of(core().inputAxons(5000), core().inputAxons(6000), core()), false,
                LoweringFacts.none());
        List<Violation> v = new InputAxonsWithinCoreLimit().check(net, ONE_CHIP);
        assertEquals(1, v.size());
        assertEquals(6000, v.get(0).actual());
        assertTrue(v.get(0).message().contains("on 2 cores"), v.get(0).message());
    }

    @Test
    void learningCoresOverALimitAreReportedOncePerPopulationWithTheWorst() {
        Loihi1Learning.Trace r1 = new Loihi1Learning.Trace(50, 200);
        List<Loihi1Learning.Rule> rules = new ArrayList<>();
        for (int r = 0; r <= Loihi1Limits.REWARD_TRACES_PER_CORE; r++) {
            rules.add(LearningRuleFixtures.rule("p" + r, 20 + r, 20 + r, r1));
        }
        MappedNet net = LearningRuleFixtures.net(rules, rules.size(), 2, LoweringFacts.none(), 3);
        for (Loihi1Rule rule : List.of(new RewardChannelsWithinCoreLimit(), new PreTraceConfigsWithinCoreLimit(),
                new StdpProfilesWithinCoreLimit())) {
            List<Violation> v = rule.check(net, ONE_CHIP);
            // StdpProfiles: the post-trace configurations are over (5 > 4), the profiles are not.
            assertEquals(1, v.size(), rule + ": " + v);
            assertTrue(v.get(0).message().startsWith("`pop` needs "), v.get(0).message());
            assertTrue(v.get(0).message().contains("on 3 cores (worst: chip 0 core 0)"), v.get(0).message());
            assertTrue(v.get(0).message().contains("`p0`"), v.get(0).message());
            assertEquals(RuleFixtures.POPULATION_LINE, v.get(0).span().line());
            assertFalse(v.get(0).fix().isBlank());
        }
    }

    @Test
    void aLearningAxonTakesTwoSynapseMapEntries() {
        int half = Loihi1Limits.INPUT_AXONS_PER_CORE / Loihi1Limits.LEARNING_AXON_MAP_SLOTS;
        assertEquals(List.of(), new InputAxonsWithinCoreLimit().check(learningAxons(half), ONE_CHIP));
        List<Violation> v = new InputAxonsWithinCoreLimit().check(learningAxons(half + 1), ONE_CHIP);
        assertEquals(1, v.size());
        assertEquals(Loihi1Limits.INPUT_AXONS_PER_CORE + 2, v.get(0).actual());
        assertTrue(v.get(0).message().contains("(" + (half + 1) + " of them learning axons, which take 2 entries each)"),
                v.get(0).message());
        assertTrue(v.get(0).fix().contains("at most " + half + " presynaptic neurons of plastic projections"),
                v.get(0).fix());
        // The same axons without learning take one entry each.
        assertEquals(List.of(), new InputAxonsWithinCoreLimit().check(RuleFixtures.net(core().inputAxons(half + 1)),
                ONE_CHIP));
    }

    /** One core whose {@code axons} input axons all carry synapses of a learning format. */
    private static MappedNet learningAxons(int axons) {
        Loihi1Learning learning = new Loihi1Learning(0, List.of(LearningRuleFixtures.rule("p", 20, 20, null)),
                List.of(new Loihi1Learning.Core(0, 0, 2, List.of(new Loihi1Learning.FormatRule(1, 0, -1)), new int[0],
                        new int[0], new int[0])), List.of());
        return MappedNet.of(RuleFixtures.config(List.of(core().inputAxons(axons)), false).withLearning(learning),
                LoweringFacts.none(), "Net", line(RuleFixtures.NETWORK_LINE), p -> line(RuleFixtures.POPULATION_LINE));
    }

    @Test
    void microcodeCountsAWordPerTermAndMoreForWideTerms() {
        Loihi1Learning.Factor x1 = new Loihi1Learning.Factor(Loihi1Learning.Variable.X1, 0);
        Loihi1Learning.Factor y1 = new Loihi1Learning.Factor(Loihi1Learning.Variable.Y1, 0);
        Loihi1Learning.Factor r1 = new Loihi1Learning.Factor(Loihi1Learning.Variable.R1, 0);
        Loihi1Learning.Trace trace = new Loihi1Learning.Trace(32, 20);
        // nengo-loihi's PES rule dw = u1*x1*y1*2^-7: one word.
        Loihi1Learning.Rule pes = new Loihi1Learning.Rule("pes", List.of(new Loihi1Learning.Product(
                Loihi1Learning.Variable.U, 1, 1, -7, List.of(x1, y1))), List.of(), trace, trace, null);
        assertEquals(1, LearningCores.words(pes));
        // dw: x0*y1*r1 (3 factors: 2 words); dt: y0*x1 (1 word).
        Loihi1Learning.Rule wide = new Loihi1Learning.Rule("wide", List.of(new Loihi1Learning.Product(
                Loihi1Learning.Variable.X0, 0, 1, -7, List.of(y1, r1, x1))), List.of(new Loihi1Learning.Product(
                Loihi1Learning.Variable.Y0, 0, 1, -7, List.of(x1))), trace, trace, null);
        assertEquals(3, LearningCores.words(wide));
    }

    @Test
    void aRuleAloneOverTheMicrocodeStoreSaysSo() {
        Violation v = new MicrocodeWithinCoreLimit().check(LearningRuleFixtures.microcode(1, 17), ONE_CHIP).get(0);
        assertEquals(17, v.actual());
        assertTrue(v.message().contains("at least 17 words") && v.message().contains("1 rules, 17 product terms"),
                v.message());
        assertTrue(v.fix().contains("alone takes 17 words"), v.fix());
    }

    @Test
    void aLargerSystemHoldsMoreChips() {
        MappedNet net = RuleFixtures.net(List.of(core(), core()), true, LoweringFacts.none());
        assertEquals(List.of(), new ChipsWithinSystem().check(net, Loihi1Limits.of(Loihi1System.KAPOHO_BAY)));
        Violation v = new ChipsWithinSystem().check(net, ONE_CHIP).get(0);
        assertTrue(v.fix().contains("--chips 2") && v.fix().contains("kapoho-bay"), v.fix());
    }

    @Test
    void theWeightExponentFixScalesWeightsDown() {
        Violation v = new WeightExponentWithinRange().check(facts(f -> f.weights = List.of(new LoweringFacts.Weights(
                "ff", 4 * 255 * 8192.0, 9, 0, 1, line(FACT_LINE)))), ONE_CHIP).get(0);
        assertEquals("scale weights of projection `ff` by <= 0.25", v.fix());
    }

    @Test
    void errorsComeBeforeWarnings() {
        RuleFixtures.Facts f = new RuleFixtures.Facts();
        f.inits = List.of(new LoweringFacts.Init("p", 1, 1e-3, 0.1, line(3)));
        f.models = List.of(new LoweringFacts.Model("p", "adex", false, line(4)));
        List<Violation> v = Loihi1Rules.check(RuleFixtures.facts(f.build()), ONE_CHIP);
        assertEquals(Severity.ERROR, v.get(0).severity());
        assertEquals(Severity.WARNING, v.get(v.size() - 1).severity());
    }
}
