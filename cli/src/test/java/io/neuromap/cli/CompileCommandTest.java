package io.neuromap.cli;

import static io.neuromap.cli.CliRunner.runCli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neuromap.backends.loihi1.Loihi1CompileOptions;
import io.neuromap.backends.loihi1.Loihi1CompileResult;
import io.neuromap.backends.loihi1.config.Loihi1Arithmetic;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1ConfigReader;
import io.neuromap.compiler.Compiler;
import io.neuromap.compiler.pass.PassManager;
import io.neuromap.compiler.pass.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code neuromap compile}: every exit code, what is written in each case, and that the options reach the compiler. */
class CompileCommandTest {
    private static final String FITS = """
            network Fits {
              population src[50] : poisson { rate = 10 Hz; }
              population exc[200] : lif { tau_syn_E = 5 ms; tau_syn_I = 10 ms; }
              population inh[50] : lif;
              project src -> exc with fixed_prob(0.1) { weight = 0.5 nA; receptor = exc; }
              project exc -> inh with fixed_prob(0.1) { weight = 0.3 nA; receptor = exc; }
              project inh -> exc with fixed_prob(0.2) { weight = -0.5 nA; receptor = inh; }
              probe spikes of exc;
            }
            simulate Fits { dt = 1 ms; duration = 100 ms; seed = 5; }
            """;
    private static final String IZHIKEVICH = """
            network Izh {
              population src[10] : poisson { rate = 10 Hz; }
              population izh[10] : izhikevich;
              project src -> izh with all_to_all { weight = 1 nA; receptor = exc; }
            }
            simulate Izh { dt = 1 ms; duration = 100 ms; seed = 5; }
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aNetworkThatFitsGetsItsConfigAndAllThreeReports() throws Exception {
        Path file = write("fits.nmap", FITS);
        Path out = dir.resolve("out");
        CliRunner.Result r = runCli(0, "compile", file.toString(), "--target", "loihi1", "-o", out.toString());
        assertTrue(r.err().contains("fits loihi1 (single-chip, 1 chip)"), r::toString);
        for (String f : new String[] {"config.json", "report.txt", "report.json", "report.sarif", "origin.npy"}) {
            assertTrue(Files.exists(out.resolve(f)), f + " missing\n" + r);
        }
        Loihi1Config config = Loihi1ConfigReader.read(out);
        assertEquals(Loihi1Arithmetic.NENGO_LOIHI, config.arithmetic());
        assertEquals(300, config.origin().populations().stream().mapToInt(p -> p.size()).sum());
        String text = Files.readString(out.resolve("report.txt"));
        assertTrue(text.contains("result:  fits"), text);
        assertTrue(text.contains("quantization"), text);
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertTrue(json.toString().contains("tau_syn_I"), json::toString);
    }

    @Test
    void aNetworkThatDoesNotFitGetsTheReportsAndNoConfig() throws Exception {
        Path file = write("izh.nmap", IZHIKEVICH);
        Path out = dir.resolve("out");
        CliRunner.Result r = runCli(1, "compile", file.toString(), "--target", "loihi1", "-o", out.toString());
        assertTrue(r.err().contains(file + ":3:3: error[LOIHI1-MODEL-001]: population `izh` uses the izhikevich model"),
                r::toString);
        assertTrue(r.err().contains("help: use lif (or two_comp) for `izh`, or target spinnaker1"), r::toString);
        assertTrue(r.err().contains("does not fit loihi1"), r::toString);
        assertFalse(Files.exists(out.resolve("config.json")));
        JsonNode sarif = new ObjectMapper().readTree(out.resolve("report.sarif").toFile());
        JsonNode result = sarif.at("/runs/0/results/0");
        assertEquals("LOIHI1-MODEL-001", result.get("ruleId").asText());
        assertEquals(3, result.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertTrue(Files.readString(out.resolve("report.txt")).contains("error[LOIHI1-MODEL-001]"));
    }

    @Test
    void anInfeasibleCompileRemovesTheConfigOfAnEarlierOne() throws Exception {
        Path out = dir.resolve("out");
        runCli(0, "compile", write("fits.nmap", FITS).toString(), "--target", "loihi1", "-o", out.toString());
        assertTrue(Files.exists(out.resolve("config.json")));
        CliRunner.Result r = runCli(1, "compile", write("izh.nmap", IZHIKEVICH).toString(), "--target", "loihi1", "-o",
                out.toString());
        assertTrue(r.err().contains("removed the config of an earlier compile"), r::toString);
        assertFalse(Files.exists(out.resolve("config.json")));
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".npy")));
        }
    }

    @Test
    void helpDescribesEveryOptionWithoutFormatWarnings() {
        CliRunner.Result r = runCli(0, "compile", "--help");
        for (String option : new String[] {"--target", "--output", "--chips", "--system", "--arithmetic", "--heterogeneity",
            "--max-bin-error", "--compat-synapse-formats"}) {
            assertTrue(r.out().contains(option), option + "\n" + r);
        }
        assertTrue(r.out().contains("5%)"), r::toString);
        assertFalse(r.err().contains("WARN"), r::toString);
    }

    @Test
    void theSameInputGivesTheSameBytes() throws Exception {
        Path file = write("fits.nmap", FITS);
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        runCli(0, "compile", file.toString(), "--target", "loihi1", "-o", a.toString());
        runCli(0, "compile", file.toString(), "--target", "loihi1", "-o", b.toString());
        try (Stream<Path> files = Files.list(a)) {
            for (Path f : files.sorted().toList()) {
                assertTrue(java.util.Arrays.equals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(f.getFileName()))),
                        f.getFileName() + " differs");
            }
        }
    }

    @Test
    void anUnknownTargetIsAUsageErrorThatListsTheTargets() throws IOException {
        Path file = write("fits.nmap", FITS);
        CliRunner.Result r = runCli(2, "compile", file.toString(), "--target", "loihi", "-o", dir.resolve("o").toString());
        assertTrue(r.err().contains("unknown target 'loihi' (did you mean 'loihi1'?); the targets are: loihi1 (available)"),
                r::toString);
        CliRunner.Result planned = runCli(2, "compile", file.toString(), "--target", "spinnaker1", "-o",
                dir.resolve("o").toString());
        assertTrue(planned.err().contains("neuromap cannot compile for target 'spinnaker1' yet"), planned::toString);
        assertFalse(Files.exists(dir.resolve("o")));
    }

    @Test
    void badOptionValuesAreUsageErrors() throws IOException {
        String file = write("fits.nmap", FITS).toString();
        String out = dir.resolve("o").toString();
        String[][] bad = {
            {"--chips", "0"},
            {"--chips", "2", "--system", "nahuku"},
            {"--system", "pohoiki-beach"},
            {"--arithmetic", "brian"},
            {"--heterogeneity", "smear"},
            {"--max-bin-error", "a lot"},
            {"--max-bin-error", "-1%"},
            {"--print-ir-after", "lowr"},
        };
        for (String[] b : bad) {
            String[] args = Stream.concat(Stream.of("compile", file, "--target", "loihi1", "-o", out), Stream.of(b))
                    .toArray(String[]::new);
            CliRunner.Result r = runCli(2, args);
            assertTrue(r.err().contains(b[0]), () -> String.join(" ", b) + "\n" + r);
        }
        // Missing required options.
        runCli(2, "compile", file, "-o", out);
        runCli(2, "compile", file, "--target", "loihi1");
    }

    @Test
    void aSpecWithErrorsWritesNothing() throws IOException {
        Path file = write("bad.nmap", "network N { population p[10] : lif }\n");
        Path out = dir.resolve("out");
        CliRunner.Result r = runCli(1, "compile", file.toString(), "--target", "loihi1", "-o", out.toString());
        assertTrue(r.err().contains("error[NM-E"), r::toString);
        assertTrue(r.err().contains("nothing written"), r::toString);
        assertFalse(Files.exists(out));
    }

    @Test
    void theOptionsReachTheCompiler() throws Exception {
        Path file = write("fits.nmap", FITS);
        Path out = dir.resolve("out");
        runCli(0, "compile", file.toString(), "--target", "loihi1", "-o", out.toString(), "--chips", "2",
                "--arithmetic", "lava", "--heterogeneity", "spread", "--max-bin-error", "0.1");
        Loihi1Config config = Loihi1ConfigReader.read(out);
        assertEquals(Loihi1Arithmetic.LAVA, config.arithmetic());
        assertEquals(2, config.system().chips());
        assertEquals("kapoho-bay", config.system().name());
        String text = Files.readString(out.resolve("report.txt"));
        assertTrue(text.contains("heterogeneity: spread with a bound of 0.100"), text);
        assertTrue(text.contains("system kapoho-bay (2 chips"), text);
    }

    @Test
    void printIrAfterKnowsTheLoihi1Passes() throws IOException {
        Path file = write("fits.nmap", FITS);
        CliRunner.Result r = runCli(0, "compile", file.toString(), "--target", "loihi1", "-o",
                dir.resolve("out").toString(), "--print-ir-after", "lower,rules", "--pass-stats");
        assertTrue(r.err().contains("loihi1-lowered Fits"), r::toString);
        assertTrue(r.err().contains("feasible, "), r::toString);
    }

    @Test
    void aCompilerBugIsAnInternalError() throws IOException {
        Path file = write("fits.nmap", FITS);
        Toolchain failing = new Toolchain() {
            @Override
            public Compiler.CheckResult check(Path f, PassManagerFactory passes) {
                return Toolchain.COMPILER.check(f, passes);
            }

            @Override
            public Compiler.ElaborateResult elaborate(Path f, PassManagerFactory passes) {
                return Toolchain.COMPILER.elaborate(f, passes);
            }

            @Override
            public Loihi1CompileResult compileLoihi1(Path f, Loihi1CompileOptions options,
                    Function<Pipeline, PassManager> passes) {
                throw new IllegalStateException("simulated back-end bug");
            }
        };
        CliRunner.Result r = runCli(failing, 3, "compile", file.toString(), "--target", "loihi1", "-o",
                dir.resolve("out").toString());
        assertTrue(r.err().contains("internal error: java.lang.IllegalStateException: simulated back-end bug"), r::toString);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("was written to (\\S+)").matcher(r.err());
        assertTrue(m.find(), r::toString);
        Path reproducer = Path.of(m.group(1));
        assertTrue(Files.readString(reproducer.resolve("command.txt")).startsWith("neuromap compile "));
        try (Stream<Path> walk = Files.walk(reproducer)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
