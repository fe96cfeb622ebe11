package io.neuromap.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code distal_reward_lif} over its whole 60 s: it validates, against the divergence floor's
 * learning-rule runs where its activity branches, and a miscompiled learning rule still fails.
 * Minutes each, so tagged {@code long}: {@code mvn verify} leaves them out, bench/validate_distal.sh
 * runs them.
 */
@Tag("long")
class DistalRewardLongTest {
    private static final String SAMPLE = CliRunner.repoRoot().resolve("samples/distal_reward_lif.nmap").toString();

    /** The first plastic projection's rule (ee's), as the sample writes it. */
    private static final String EE_RULE = "A_plus = 1.0, A_minus = 1.5,\n                         tau_c = 1 s";

    @Test
    void theWholeRunValidatesWhereTheReferenceBranchesToo() {
        CliRunner.Result r = CliRunner.runCli(0, "validate", SAMPLE, "--target", "loihi1");
        assertTrue(r.out().contains("validation passed"), r::toString);
        // inh's rate moves by more than 10 % in the reference itself once A_minus moves by 0.39 %.
        assertTrue(r.out().contains("inh: branching: the reference's own rate moves by"), r::toString);
        assertTrue(r.out().contains("every A_minus 0.39% larger"), r::toString);
    }

    @Test
    void theChipLearningAtHalfTheRateFails() {
        Toolchain wrong = Toolchains.chipCompiledFrom(text -> text.replace(
                "pathway reinforce_ee : DA -> proj ee via DAR { effect learning_rate *= 1; }",
                "pathway reinforce_ee : DA -> proj ee via DAR { effect learning_rate *= 0.5; }"));
        CliRunner.Result r = CliRunner.runCli(wrong, 1, "validate", SAMPLE, "--target", "loihi1");
        assertTrue(r.out().contains("validation failed"), r::toString);
        assertTrue(r.out().contains("every A_minus 1.56% smaller"), "after every floor run: " + r);
    }

    @Test
    void theChipDepressingTwentyPercentLessFails() {
        Toolchain wrong = Toolchains.chipCompiledFrom(text -> text.replaceFirst(java.util.regex.Pattern.quote(EE_RULE),
                EE_RULE.replace("A_minus = 1.5", "A_minus = 1.2")));
        CliRunner.Result r = CliRunner.runCli(wrong, 1, "validate", SAMPLE, "--target", "loihi1");
        assertTrue(r.out().contains("validation failed"), r::toString);
    }
}
