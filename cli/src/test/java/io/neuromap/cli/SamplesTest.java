package io.neuromap.cli;

import static io.neuromap.cli.CliRunner.runCli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.Compiler;
import io.neuromap.compiler.ast.PathwayDecl;
import io.neuromap.compiler.ast.PopulationDecl;
import io.neuromap.compiler.ast.ProjectionDecl;
import io.neuromap.compiler.ast.SimulateDecl;
import io.neuromap.compiler.ast.TargetDecl;
import io.neuromap.compiler.frontend.AnalyzedProgram;
import io.neuromap.compiler.model.Catalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** End to end: the CLI on every sample in {@code samples/}, found by listing the directory. */
class SamplesTest {
    @Test
    void theSamplesAreThere() {
        List<String> names = CliRunner.samples().stream().map(p -> p.getFileName().toString()).toList();
        for (String expected : List.of("quickstart_lif.nmap", "distal_reward_izhikevich.nmap", "distal_reward_lif.nmap",
                "striatum_d1_d2.nmap", "hetero_tau_recurrent.nmap", "l5_pyramidal_two_comp.nmap", "cuba_brette2007.nmap")) {
            assertTrue(names.contains(expected), () -> expected + " missing from " + names);
        }
    }

    @TestFactory
    List<DynamicTest> everySampleChecksClean() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path sample : CliRunner.samples()) {
            tests.add(DynamicTest.dynamicTest("check " + sample.getFileName(), () -> {
                CliRunner.Result r = runCli(0, "check", "--werror", sample.toString());
                assertEquals("ok: " + sample + "\n", r.err(), r::toString);
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> everySampleInspectsWithEveryPopulation() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path sample : CliRunner.samples()) {
            tests.add(DynamicTest.dynamicTest("inspect " + sample.getFileName(), () -> {
                AnalyzedProgram program = Compiler.check(sample).program().orElseThrow();
                CliRunner.Result r = runCli(0, "inspect", sample.toString());
                assertEquals("", r.err(), r::toString);
                for (PopulationDecl p : program.network().itemsOf(PopulationDecl.class)) {
                    assertTrue(r.out().contains("\n  " + p.name().name() + ": "), () -> p.name().name() + " missing\n" + r);
                }
                for (ProjectionDecl p : program.network().itemsOf(ProjectionDecl.class)) {
                    assertTrue(r.out().contains("\n  " + p.effectiveName() + ": "), () -> p.effectiveName() + " missing\n" + r);
                }
                for (PathwayDecl p : program.network().itemsOf(PathwayDecl.class)) {
                    assertTrue(r.out().contains("\n  " + p.name().name() + ": "), () -> p.name().name() + " missing\n" + r);
                }
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> everySampleNamesItsTargetsAndHowToSimulate() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path sample : CliRunner.samples()) {
            tests.add(DynamicTest.dynamicTest("targets of " + sample.getFileName(), () -> {
                AnalyzedProgram program = Compiler.check(sample).program().orElseThrow();
                assertFalse(program.targets().isEmpty(), "no target block");
                for (TargetDecl target : program.targets()) {
                    assertTrue(Catalog.targetNames().contains(target.name().name()), target::toString);
                }
                assertTrue(program.sources().root().items().stream().anyMatch(
                        i -> i instanceof SimulateDecl), "no simulate block");
            }));
        }
        return tests;
    }
}
