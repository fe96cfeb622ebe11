package io.neuromap.cli;

import static io.neuromap.cli.CliRunner.runCli;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/** Every command has --help with the exit codes, and every option and parameter says what it is for. */
class HelpTest {
    private static CommandLine model() {
        return Main.commandLine(Toolchain.COMPILER, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    @TestFactory
    List<DynamicTest> everyCommandHasHelpWithTheExitCodes() {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("neuromap --help", () -> assertHelp(runCli(0, "--help"))));
        for (String name : model().getSubcommands().keySet()) {
            tests.add(DynamicTest.dynamicTest("neuromap " + name + " --help", () -> {
                CliRunner.Result r = runCli(0, name, "--help");
                assertTrue(r.out().startsWith("Usage: neuromap " + name), r::toString);
                assertHelp(r);
            }));
        }
        return tests;
    }

    private static void assertHelp(CliRunner.Result r) {
        assertTrue(r.out().contains("Exit codes:"), r::toString);
        for (ExitCode code : ExitCode.values()) {
            assertTrue(r.out().contains("   " + code.code() + "   "), () -> "exit code " + code + " missing\n" + r);
        }
        assertTrue(r.err().isEmpty(), r::toString);
    }

    @Test
    void everyOptionAndParameterIsDescribed() {
        List<String> undocumented = new ArrayList<>();
        collectUndocumented(model(), undocumented);
        assertTrue(undocumented.isEmpty(), () -> "without description: " + undocumented);
    }

    /**
     * Picocli formats every description with {@code String.format}: a lone {@code %} (as in
     * "0.39%") makes it print the raw text and a warning on the JVM's standard error, which the
     * help commands' own streams never see.
     */
    @Test
    void everyDescriptionIsAFormatPicocliCanRender() {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        try {
            System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
            renderUsage(model());
        } finally {
            System.setErr(saved);
        }
        String text = warnings.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.isEmpty(), () -> "write %% for a percent sign: " + text);
    }

    private static void renderUsage(CommandLine command) {
        command.getUsageMessage();
        for (CommandLine sub : command.getSubcommands().values()) {
            renderUsage(sub);
        }
    }

    private static void collectUndocumented(CommandLine command, List<String> out) {
        for (ArgSpec arg : command.getCommandSpec().args()) {
            String[] description = arg.description();
            if (description.length == 0 || String.join("", description).isBlank()) {
                out.add(command.getCommandSpec().qualifiedName() + " " + arg);
            }
        }
        assertFalse(command.getCommandSpec().usageMessage().description().length == 0,
                () -> command.getCommandSpec().qualifiedName() + " has no description");
        for (CommandLine sub : command.getSubcommands().values()) {
            collectUndocumented(sub, out);
        }
    }
}
