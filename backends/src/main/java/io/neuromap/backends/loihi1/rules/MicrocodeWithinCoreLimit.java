package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.List;

/**
 * LOIHI1-LEARN-008 MicrocodeWithinCoreLimit: the microcode of a core's learning rules (its stdp profiles) must fit the core's 16-word learning microcode store (loihi1.md §1.6; loihi1-compartments-reward.md §3.1, stdp_ucode_mem).
 *
 * <p>Counting model. The public sources give the size of the store (16 words, "tightly packed",
 * one pointer per stdp profile increasing with the profile index) and one word count: NxSDK's
 * {@code ruleToUCode(['dw = u1*x1*y1*(2^-7)'])} gives one word ({@code numUCodes == 1},
 * {@code numProducts = 1}; nengo-loihi {@code hardware/builder.py}, which gives each of its two
 * rules its own word). The encoding of a word is not public. So a rule is counted as one word
 * per product term of dw and of dt that holds a dependency, a scale and at most two factors (as
 * {@code x0*y1*r1}, {@code u0*(w - C)*sgn(w - C)}), plus one word per two further factors
 * ({@code y0*x1*y1*r1}: two words); rules do not
 * share words, and every rule variant a core's compartments select is counted. Where the chip
 * packs more into a word the count is high; a wider product could also take more than counted,
 * which no public source settles.
 *
 * <p>Severity: a warning, because the count rests on that one public data point; by it a da_stdp
 * rule takes up to 9 words (more than the 3-bit {@code numProducts} field of one stdp profile
 * holds), so a core fits one, and the distal-reward and striatum samples, whose cores select
 * several rule variants (weight-scale bins, D1/D2), would otherwise be rejected. It is to become
 * an error once the encoding is settled and the lowering emits fewer terms. It is a core rule: {@code emulate} re-checks it on a config and
 * reports it, and refuses a config only for errors.
 */
public final class MicrocodeWithinCoreLimit implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-LEARN-008";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "MicrocodeWithinCoreLimit";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String help() {
        return "let each core hold fewer learning rules, or rules with fewer product terms";
    }

    @Override
    public String description() {
        return "a core's learning rules must fit its 16 words of learning microcode, counted as one word per product term "
                + "(dependency, scale and up to two factors; one more per two further factors), with no sharing between "
                + "rules (loihi1.md §1.6; loihi1-compartments-reward.md §3.1). A warning: the word encoding is not public.";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        return CoreChecks.overLearningLimit(net, ID, severity(), "learning microcode", "words",
                c -> c.microcodeWords(net.learning()), Loihi1Limits.LEARNING_MICROCODE_WORDS_PER_CORE,
                (c, actual, limit, cores) -> c.blame() + " needs at least " + actual + " words of learning microcode ("
                        + c.rules().size() + " rules, " + c.products(net.learning()) + " product terms) for "
                        + c.ruleNames(net.learning()) + " " + CoreChecks.where(c, cores) + ", but a core has " + limit,
                (c, actual, limit, cores) -> c.largestRuleWords(net.learning()) > limit
                        ? "one rule of " + c.ruleNames(net.learning()) + " alone takes "
                                + c.largestRuleWords(net.learning()) + " words: use a rule with fewer product terms"
                        : "let each core of " + c.blame() + " hold at most " + limit + " words of rules: fewer plastic "
                                + "projections onto it, or post neurons with a narrower spread of weight scales (each "
                                + "scale bin is a rule of its own)");
    }
}
