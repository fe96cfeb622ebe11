package io.neuromap.backends.loihi1.config;

import io.neuromap.backends.loihi1.Loihi1Limits;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The validator's checks of the {@code learning} section: every register within its field, every
 * rule, format, compartment, input axon, reward channel and synapse it names exists, and the
 * traces that the chip keeps once per input axon (x1) and once per compartment (y1) are
 * configured once: synapses that share an axon or a post compartment must use rules that agree
 * on that trace. Per-core capacities (trace configurations, reward traces, profiles) are design
 * rules ({@code LOIHI1-LEARN-*}), not well-formedness, so they are not checked here.
 */
final class Loihi1LearningChecks {
    private Loihi1LearningChecks() {
    }

    static void check(Loihi1Config config, Loihi1ConfigProblems problems) {
        Loihi1Learning learning = config.learning();
        List<Loihi1Learning.Rule> rules = learning.rules();
        for (int r = 0; r < rules.size(); r++) {
            rule(rules.get(r), Loihi1LearningDescriptor.rulePointer(r), problems);
        }
        Set<Long> seen = new HashSet<>();
        for (int c = 0; c < learning.cores().size(); c++) {
            Loihi1Learning.Core lc = learning.cores().get(c);
            String at = Loihi1LearningDescriptor.corePointer(c);
            if (!seen.add(((long) lc.chip() << 32) | lc.core())) {
                problems.add(at, "chip " + lc.chip() + " core " + lc.core() + " has a second learning entry; give each core one");
                continue;
            }
            Loihi1CoreConfig core = config.core(lc.chip(), lc.core());
            if (core == null) {
                problems.add(at, "chip " + lc.chip() + " core " + lc.core() + " is not in the config");
                continue;
            }
            core(lc, core, rules, at, problems);
        }
        Set<String> names = new HashSet<>();
        for (Loihi1Probe p : config.probes()) {
            names.add(p.name());
        }
        for (int p = 0; p < learning.weightProbes().size(); p++) {
            Loihi1Learning.WeightProbe probe = learning.weightProbes().get(p);
            String at = Loihi1LearningDescriptor.weightProbePointer(p);
            if (!names.add(probe.name())) {
                problems.add(at + "/" + Loihi1LearningDescriptor.K_NAME, "probe name '" + probe.name()
                        + "' is used twice; probe names name output files and must be unique");
            }
            if (probe.every() < 1) {
                problems.add(at + "/" + Loihi1LearningDescriptor.K_EVERY, "every " + probe.every() + " must be >= 1");
            }
            for (int k = 0; k < probe.sets().size(); k++) {
                Loihi1Learning.SynapseSet set = probe.sets().get(k);
                String rat = at + "/" + Loihi1LearningDescriptor.K_SYNAPSES + "/" + k;
                Loihi1CoreConfig core = config.core(set.chip(), set.core());
                if (core == null) {
                    problems.add(rat, "chip " + set.chip() + " core " + set.core() + " is not in the config");
                } else if (core.synapseFormat(set.format()) == null) {
                    problems.add(rat, "format " + set.format() + " is not a synapse format of chip " + set.chip()
                            + " core " + set.core());
                }
            }
        }
    }

    private static void rule(Loihi1Learning.Rule rule, String at, Loihi1ConfigProblems problems) {
        for (Loihi1Learning.Target target : Loihi1Learning.Target.values()) {
            List<Loihi1Learning.Product> products = rule.products(target);
            for (int i = 0; i < products.size(); i++) {
                product(products.get(i), at + "/" + target.json() + "/" + i, problems);
            }
        }
        trace(rule.x1(), at + "/" + Loihi1LearningDescriptor.K_X1, problems);
        trace(rule.y1(), at + "/" + Loihi1LearningDescriptor.K_Y1, problems);
        if (rule.r1() != null) {
            trace(rule.r1(), at + "/" + Loihi1LearningDescriptor.K_R1, problems);
        } else if (rule.readsReward()) {
            problems.add(at, "rule '" + rule.name() + "' reads r1 but has no r1 trace; add \"r1\": {\"impulse\": ..., \"tau\": ...}");
        }
    }

    private static void product(Loihi1Learning.Product p, String at, Loihi1ConfigProblems problems) {
        if (!p.dependency().isDependency()) {
            problems.add(at + "/" + Loihi1LearningDescriptor.K_DEPENDENCY, "dependency " + p.dependency().json()
                    + " is not x0, y0 or uk");
        }
        if (p.decimation() < 0 || p.decimation() > Loihi1Limits.LEARNING_DECIMATION_MAX) {
            problems.add(at + "/" + Loihi1LearningDescriptor.K_DEPENDENCY, "u" + p.decimation() + ": k must be 0.."
                    + Loihi1Limits.LEARNING_DECIMATION_MAX);
        }
        if (p.mantissa() < Loihi1Limits.LEARNING_SCALE_MANTISSA_MIN || p.mantissa() > Loihi1Limits.LEARNING_SCALE_MANTISSA_MAX) {
            problems.add(at + "/" + Loihi1LearningDescriptor.K_MANTISSA, "mantissa " + p.mantissa() + " must be "
                    + Loihi1Limits.LEARNING_SCALE_MANTISSA_MIN + ".." + Loihi1Limits.LEARNING_SCALE_MANTISSA_MAX);
        }
        if (p.exponent() < Loihi1Limits.LEARNING_SCALE_EXP_MIN || p.exponent() > Loihi1Limits.LEARNING_SCALE_EXP_MAX) {
            problems.add(at + "/" + Loihi1LearningDescriptor.K_EXPONENT, "exponent " + p.exponent() + " must be "
                    + Loihi1Limits.LEARNING_SCALE_EXP_MIN + ".." + Loihi1Limits.LEARNING_SCALE_EXP_MAX);
        }
        for (int k = 0; k < p.factors().size(); k++) {
            Loihi1Learning.Factor f = p.factors().get(k);
            if (f.variable() == Loihi1Learning.Variable.U) {
                problems.add(at + "/" + Loihi1LearningDescriptor.K_FACTORS + "/" + k, "u is a dependency, not a factor");
            }
            if (f.constant() < Loihi1Limits.LEARNING_CONSTANT_MIN || f.constant() > Loihi1Limits.LEARNING_CONSTANT_MAX) {
                problems.add(at + "/" + Loihi1LearningDescriptor.K_FACTORS + "/" + k + "/" + Loihi1LearningDescriptor.K_CONSTANT,
                        "constant " + f.constant() + " must be " + Loihi1Limits.LEARNING_CONSTANT_MIN + ".."
                                + Loihi1Limits.LEARNING_CONSTANT_MAX);
            }
        }
    }

    private static void trace(Loihi1Learning.Trace t, String at, Loihi1ConfigProblems problems) {
        double scaled = t.impulse() * Loihi1Limits.TRACE_IMPULSE_FRACTION_SCALE;
        if (!(t.impulse() >= 0 && t.impulse() <= Loihi1Limits.TRACE_MAX) || scaled != Math.rint(scaled)) {
            problems.add(at + "/" + Loihi1LearningDescriptor.K_IMPULSE, "impulse " + t.impulse() + " must be 0.."
                    + Loihi1Limits.TRACE_MAX + " in steps of 1/" + Loihi1Limits.TRACE_IMPULSE_FRACTION_SCALE);
        }
        if (t.tau() < 0) {
            problems.add(at + "/" + Loihi1LearningDescriptor.K_TAU, "tau " + t.tau() + " must be >= 0 steps");
        }
    }

    private static void core(Loihi1Learning.Core lc, Loihi1CoreConfig core, List<Loihi1Learning.Rule> rules, String at,
            Loihi1ConfigProblems problems) {
        if (lc.tEpoch() < 1 || lc.tEpoch() > Loihi1Limits.LEARNING_EPOCH_MAX_STEPS) {
            problems.add(at + "/" + Loihi1LearningDescriptor.K_T_EPOCH, "t_epoch " + lc.tEpoch() + " must be 1.."
                    + Loihi1Limits.LEARNING_EPOCH_MAX_STEPS);
        }
        int maxOffset = 0;
        int n = core.compartmentCount();
        int[] offsetOf = new int[n];
        int last = -1;
        for (int i = 0; i < lc.offsets().length; i++) {
            int cx = lc.offsetCompartments()[i];
            String oat = at + "/" + Loihi1LearningDescriptor.K_RULE_OFFSETS + "/" + i;
            if (cx < 0 || cx >= n) {
                problems.add(oat, "compartment " + cx + " is not one of the core's " + n);
                continue;
            }
            if (cx <= last) {
                problems.add(oat, "compartments must be listed in ascending order, once each");
            }
            last = cx;
            offsetOf[cx] = lc.offsets()[i];
            maxOffset = Math.max(maxOffset, lc.offsets()[i]);
        }
        Loihi1Learning.Rule[] ruleOfFormat = new Loihi1Learning.Rule[Loihi1Limits.SYNAPSE_FORMAT_ENTRIES_PER_CORE];
        int[] baseOfFormat = new int[Loihi1Limits.SYNAPSE_FORMAT_ENTRIES_PER_CORE];
        boolean ok = true;
        Set<Integer> formats = new HashSet<>();
        for (int i = 0; i < lc.formats().size(); i++) {
            Loihi1Learning.FormatRule f = lc.formats().get(i);
            String fat = at + "/" + Loihi1LearningDescriptor.K_FORMATS + "/" + i;
            if (core.synapseFormat(f.format()) == null || !formats.add(f.format())) {
                problems.add(fat + "/" + Loihi1LearningDescriptor.K_FORMAT, "format " + f.format()
                        + " is not a synapse format of the core, or is listed twice");
                ok = false;
                continue;
            }
            if (f.rule() < 0 || f.rule() + maxOffset >= rules.size()) {
                problems.add(fat + "/" + Loihi1LearningDescriptor.K_RULE, "rule " + f.rule() + " (plus rule offsets up to "
                        + maxOffset + ") is not one of the " + rules.size() + " rules");
                ok = false;
                continue;
            }
            boolean reads = false;
            for (int o = 0; o <= maxOffset; o++) {
                reads |= rules.get(f.rule() + o).readsReward();
            }
            if (f.reward() >= lc.rewardAxons().length || (reads && f.reward() < 0)) {
                problems.add(fat + "/" + Loihi1LearningDescriptor.K_REWARD, reads && f.reward() < 0
                        ? "rule " + f.rule() + " reads r1: give the format a reward channel"
                        : "reward channel " + f.reward() + " has no entry in reward_axons (" + lc.rewardAxons().length + ")");
                ok = false;
            }
            ruleOfFormat[f.format()] = rules.get(f.rule());
            baseOfFormat[f.format()] = f.rule();
        }
        for (int k = 0; k < lc.rewardAxons().length; k++) {
            int axon = lc.rewardAxons()[k];
            if (axon < 0 || axon >= core.inputAxonCount()) {
                problems.add(at + "/" + Loihi1LearningDescriptor.K_REWARD_AXONS + "/" + k, "input axon " + axon
                        + " is not one of the core's " + core.inputAxonCount());
            }
        }
        if (!ok) {
            return;
        }
        sharedTraces(core, rules, ruleOfFormat, baseOfFormat, offsetOf, at, problems);
    }

    /** Synapses sharing an input axon (x1) or a post compartment (y1) must agree on that trace. */
    private static void sharedTraces(Loihi1CoreConfig core, List<Loihi1Learning.Rule> rules,
            Loihi1Learning.Rule[] ruleOfFormat, int[] baseOfFormat, int[] offsetOf, String at,
            Loihi1ConfigProblems problems) {
        Loihi1Synapses s = core.synapses();
        Loihi1Learning.Trace[] y1 = new Loihi1Learning.Trace[core.compartmentCount()];
        for (int a = 0; a < s.inputAxons(); a++) {
            Loihi1Learning.Trace x1 = null;
            for (int k = s.axonStart()[a]; k < s.axonStart()[a + 1]; k++) {
                int f = s.format()[k];
                if (f <= 0 || f >= ruleOfFormat.length || ruleOfFormat[f] == null) {
                    continue;
                }
                int cx = s.compartment()[k];
                Loihi1Learning.Rule rule = rules.get(baseOfFormat[f] + offsetOf[cx]);
                if (x1 == null) {
                    x1 = rule.x1();
                } else if (!x1.equals(rule.x1())) {
                    problems.add(at, "input axon " + a + " has plastic synapses whose rules configure x1 differently ("
                            + x1 + " and " + rule.x1() + "); the chip keeps one x1 per axon");
                    return;
                }
                if (y1[cx] == null) {
                    y1[cx] = rule.y1();
                } else if (!y1[cx].equals(rule.y1())) {
                    problems.add(at, "compartment " + cx + " is the post of rules that configure y1 differently ("
                            + y1[cx] + " and " + rule.y1() + "); the chip keeps one y1 per compartment");
                    return;
                }
            }
        }
    }
}
