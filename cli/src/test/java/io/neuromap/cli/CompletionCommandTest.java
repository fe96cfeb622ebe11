package io.neuromap.cli;

import static io.neuromap.cli.CliRunner.runCli;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CompletionCommandTest {
    @Test
    void printsABashScriptThatKnowsTheCommandsAndOptions() {
        CliRunner.Result r = runCli(0, "completion");
        assertTrue(r.out().startsWith("#!/usr/bin/env bash"), r::toString);
        assertTrue(r.out().contains("complete -F _complete_neuromap"), r::toString);
        assertTrue(r.out().contains("check"), r::toString);
        assertTrue(r.out().contains("--werror"), r::toString);
        assertTrue(r.out().contains("(\"text\" \"json\") # --format values"), "--format values are completed\n" + r);
        assertTrue(r.err().isEmpty(), r::toString);
    }
}
