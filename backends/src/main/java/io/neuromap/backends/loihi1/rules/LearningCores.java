package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.config.Loihi1Learning;
import io.neuromap.compiler.source.SourceSpan;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one learning core of a config asks of its learning registers: the stdp profiles (rules,
 * with every compartment offset), the distinct pre-trace configurations (x1 of its rules and r1
 * of its reward channels: they share the core's 3 StdpPreCfg entries), the distinct post-trace
 * configurations (y1), and its reward channels. The LOIHI1-LEARN core rules count from it.
 */
record LearningCores(Loihi1Learning.Core core, Set<Integer> rules, Set<Loihi1Learning.Trace> preTraces,
        Set<Loihi1Learning.Trace> postTraces, String where, String blame, SourceSpan span) {

    static java.util.List<LearningCores> of(MappedNet net) {
        java.util.List<LearningCores> out = new java.util.ArrayList<>();
        Loihi1Learning learning = net.learning();
        for (Loihi1Learning.Core lc : learning.cores()) {
            Set<Integer> offsets = new TreeSet<>();
            offsets.add(0);
            for (int o : lc.offsets()) {
                offsets.add(o);
            }
            Set<Integer> rules = new TreeSet<>();
            Set<Loihi1Learning.Trace> pre = new LinkedHashSet<>();
            Set<Loihi1Learning.Trace> post = new LinkedHashSet<>();
            for (Loihi1Learning.FormatRule f : lc.formats()) {
                for (int o : offsets) {
                    int r = f.rule() + o;
                    if (r < 0 || r >= learning.rules().size()) {
                        continue;
                    }
                    rules.add(r);
                    Loihi1Learning.Rule rule = learning.rules().get(r);
                    pre.add(rule.x1());
                    post.add(rule.y1());
                    if (rule.r1() != null && f.reward() >= 0) {
                        pre.add(rule.r1());
                    }
                }
            }
            MappedNet.Core core = net.core(lc.chip(), lc.core());
            String where = "chip " + lc.chip() + " core " + lc.core();
            out.add(new LearningCores(lc, rules, pre, post, where, core == null ? where : "`" + core.population() + "`",
                    core == null ? net.span() : core.span()));
        }
        return out;
    }

    /**
     * Words of learning-rule microcode the core's stdp profiles take: Σ over its rules of
     * {@link #words(Loihi1Learning.Rule)}. Each profile has its own microcode (pointers into
     * the 16-word {@code stdp_ucode_mem} increase with the profile index, loihi1-compartments-reward.md
     * §3.1), so rules alike but for their scales share nothing.
     */
    int microcodeWords(Loihi1Learning learning) {
        int words = 0;
        for (int r : rules) {
            words += words(learning.rules().get(r));
        }
        return words;
    }

    /** The most words one of the core's rules takes. */
    int largestRuleWords(Loihi1Learning learning) {
        int most = 0;
        for (int r : rules) {
            most = Math.max(most, words(learning.rules().get(r)));
        }
        return most;
    }

    /** The product terms of the core's rules (dw and dt), for messages. */
    int products(Loihi1Learning learning) {
        int n = 0;
        for (int r : rules) {
            n += learning.rules().get(r).dw().size() + learning.rules().get(r).dt().size();
        }
        return n;
    }

    /**
     * Microcode words of one rule, by the counting model of {@link MicrocodeWithinCoreLimit}: one
     * word per product term of dw and of dt with its dependency and at most
     * {@value #FACTORS_PER_WORD} factors, and one more word per further {@value #FACTORS_PER_WORD}
     * factors.
     */
    static int words(Loihi1Learning.Rule rule) {
        int words = 0;
        for (Loihi1Learning.Target target : Loihi1Learning.Target.values()) {
            for (Loihi1Learning.Product p : rule.products(target)) {
                int extra = Math.max(0, p.factors().size() - FACTORS_PER_WORD);
                words += 1 + (extra + FACTORS_PER_WORD - 1) / FACTORS_PER_WORD;
            }
        }
        return words;
    }

    /** Factors (besides the dependency and the scale) one microcode word is known to hold: {@code u1*x1*y1*2^-7}. */
    static final int FACTORS_PER_WORD = 2;

    /** The rules' names (the projections they were lowered from), for messages. */
    String ruleNames(Loihi1Learning learning) {
        Set<String> names = new LinkedHashSet<>();
        for (int r : rules) {
            String n = learning.rules().get(r).name();
            int hash = n.indexOf('#');
            names.add("`" + (hash < 0 ? n : n.substring(0, hash)) + "`");
        }
        return String.join(", ", names);
    }
}
