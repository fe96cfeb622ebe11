package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.config.Loihi1Learning;
import io.neuromap.backends.loihi1.lower.LoweringFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * Nets whose one core (chip 0 core 0, population on {@link RuleFixtures#POPULATION_LINE}) learns
 * with the given rules, for the LOIHI1-LEARN core rules: each fixture is just beside a limit.
 */
final class LearningRuleFixtures {
    private LearningRuleFixtures() {
    }

    static Loihi1Learning.Rule rule(String name, int xTau, int yTau, Loihi1Learning.Trace r1) {
        List<Loihi1Learning.Product> dw = List.of(new Loihi1Learning.Product(Loihi1Learning.Variable.Y0, 0, 1, -2,
                List.of(new Loihi1Learning.Factor(Loihi1Learning.Variable.X1, 0))));
        return new Loihi1Learning.Rule(name, dw, List.of(), new Loihi1Learning.Trace(32, xTau),
                new Loihi1Learning.Trace(32, yTau), r1);
    }

    /** One core learning with {@code rules}, one format per rule, reward channels {@code channels}. */
    static MappedNet net(List<Loihi1Learning.Rule> rules, int channels, int tEpoch, LoweringFacts facts) {
        return net(rules, channels, tEpoch, facts, 1);
    }

    /**
     * {@code cores} cores of one population (chip 0, cores 0..), each learning with {@code rules},
     * one format per rule, reward channels {@code channels}.
     */
    static MappedNet net(List<Loihi1Learning.Rule> rules, int channels, int tEpoch, LoweringFacts facts, int cores) {
        List<Loihi1Learning.FormatRule> formats = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            formats.add(new Loihi1Learning.FormatRule(r % 15 + 1, r, rules.get(r).r1() == null ? -1 : r % channels));
        }
        int[] axons = new int[channels];
        for (int k = 0; k < channels; k++) {
            axons[k] = k;
        }
        List<Loihi1Learning.Core> learningCores = new ArrayList<>();
        List<RuleFixtures.Core> used = new ArrayList<>();
        for (int c = 0; c < cores; c++) {
            learningCores.add(new Loihi1Learning.Core(0, c, tEpoch, formats, axons, new int[0], new int[0]));
            used.add(new RuleFixtures.Core());
        }
        Loihi1Learning learning = new Loihi1Learning(0, rules, learningCores, List.of());
        return MappedNet.of(RuleFixtures.config(used, false).withLearning(learning), facts,
                "Net", RuleFixtures.line(RuleFixtures.NETWORK_LINE), p -> RuleFixtures.line(RuleFixtures.POPULATION_LINE));
    }

    /** {@code n} rules with distinct pre-trace time constants. */
    static MappedNet preTraces(int n) {
        List<Loihi1Learning.Rule> rules = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            rules.add(rule("p" + r, 10 + r, 20, null));
        }
        return net(rules, 0, 2, LoweringFacts.none());
    }

    /** {@code n} reward channels. */
    static MappedNet rewardChannels(int n) {
        Loihi1Learning.Trace r1 = new Loihi1Learning.Trace(50, 200);
        List<Loihi1Learning.Rule> rules = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            rules.add(rule("p" + r, 20, 20, r1));
        }
        return net(rules, n, 2, LoweringFacts.none());
    }

    /** {@code n} rules, all alike but for their names. */
    static MappedNet profiles(int n) {
        List<Loihi1Learning.Rule> rules = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            rules.add(rule("p" + r, 20, 20, null));
        }
        return net(rules, 0, 2, LoweringFacts.none());
    }

    /** A core running {@code coreEpoch} with a da_stdp projection that needs {@code needed}. */
    static MappedNet epochs(int needed, int coreEpoch) {
        RuleFixtures.Facts f = new RuleFixtures.Facts();
        f.plasticity = List.of(new LoweringFacts.Plasticity("ee", "da_stdp", RuleFixtures.line(Loihi1RulesTest.FACT_LINE),
                "", needed, "", List.of(), List.of()));
        return net(List.of(rule("ee", 20, 20, null)), 0, coreEpoch, f.build());
    }

    /** {@code n} rules of {@code products} product terms each (one factor each: one microcode word a term). */
    static MappedNet microcode(int n, int products) {
        List<Loihi1Learning.Rule> rules = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            List<Loihi1Learning.Product> dw = new ArrayList<>();
            for (int k = 0; k < products; k++) {
                dw.add(new Loihi1Learning.Product(Loihi1Learning.Variable.Y0, 0, 1, -2 - k,
                        List.of(new Loihi1Learning.Factor(Loihi1Learning.Variable.X1, 0))));
            }
            rules.add(new Loihi1Learning.Rule("m" + r, dw, List.of(), new Loihi1Learning.Trace(32, 20),
                    new Loihi1Learning.Trace(32, 20), null));
        }
        return net(rules, 0, 2, LoweringFacts.none());
    }

    static int maxProfiles() {
        return Loihi1Limits.STDP_PROFILES_PER_CORE;
    }
}
