package io.neuromap.cli;

import static io.neuromap.cli.CliRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.Compiler;
import io.neuromap.compiler.ast.TargetDecl;
import io.neuromap.compiler.frontend.AnalyzedProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sample that names loihi1 in a {@code target} block compiles for it (exit 0, a config),
 * unless it uses what Loihi 1 cannot run; those must report exactly the rule ids listed here
 * (DESIGN.md: a sample that cannot fit a chip asserts the violation's rule id). Samples are
 * found by listing {@code samples/}, so a new one is covered the day it lands.
 */
class CompileSamplesTest {
    /** Samples that cannot fit loihi1, and why: the error rule ids they must report. */
    private static final Map<String, Set<String>> CANNOT_FIT = Map.of(
            "distal_reward_izhikevich.nmap", Set.of("LOIHI1-MODEL-001", "LOIHI1-LEARN-001", "LOIHI1-MOD-001"));
    private static final Pattern ERROR = Pattern.compile(": error\\[(LOIHI1-[A-Z]+-\\d{3})\\]");
    /**
     * The populations whose learning cores the microcode count (LOIHI1-LEARN-008, 16 words a
     * core) still finds over, per sample; every other sample's learning cores fit. da_stdp rules
     * take 9 words (3 of dt; dw: the w_max headroom in two digits each side, t r1, t (baseline - b)),
     * so a core fits one of them: distal's exc cores hold 4 weight-scale bins of `ee`, the
     * striatum's msn cores 2 variants x 4 bins of `ctx_msn`; l5's stdp rules take 4 words, 4 bins.
     */
    private static final Map<String, Set<String>> MICROCODE_OVER = Map.of(
            "distal_reward_lif.nmap", Set.of("exc"), "striatum_d1_d2.nmap", Set.of("msn"));
    private static final Pattern MICROCODE = Pattern.compile("warning\\[LOIHI1-LEARN-008\\]: `([a-z_0-9]+)` needs");

    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> everySampleNamingLoihi1CompilesOrReportsItsRuleIds() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path sample : CliRunner.samples()) {
            AnalyzedProgram program = Compiler.check(sample).program().orElseThrow();
            boolean loihi1 = program.targets().stream().map(TargetDecl::name).anyMatch(n -> n.name().equals("loihi1"));
            if (!loihi1) {
                continue;
            }
            String name = sample.getFileName().toString();
            tests.add(DynamicTest.dynamicTest("compile " + name, () -> {
                Path out = dir.resolve(name + ".out");
                CliRunner.Result r = run(Toolchain.COMPILER, "compile", sample.toString(), "--target", "loihi1", "-o",
                        out.toString());
                assertTrue(Files.exists(out.resolve("report.txt")), r::toString);
                Set<String> errors = new TreeSet<>();
                Matcher m = ERROR.matcher(r.err());
                while (m.find()) {
                    errors.add(m.group(1));
                }
                if (CANNOT_FIT.containsKey(name)) {
                    assertEquals(1, r.exitCode(), r::toString);
                    assertEquals(new TreeSet<>(CANNOT_FIT.get(name)), errors, r::toString);
                    assertFalse(Files.exists(out.resolve("config.json")));
                } else {
                    assertEquals(0, r.exitCode(), r::toString);
                    assertEquals(Set.of(), errors);
                    assertTrue(Files.exists(out.resolve("config.json")), r::toString);
                    Set<String> over = new TreeSet<>();
                    Matcher w = MICROCODE.matcher(r.err());
                    while (w.find()) {
                        over.add(w.group(1));
                    }
                    assertEquals(new TreeSet<>(MICROCODE_OVER.getOrDefault(name, Set.of())), over, r::toString);
                }
            }));
        }
        assertTrue(tests.size() >= 5, "only " + tests.size() + " samples name loihi1");
        return tests;
    }
}
