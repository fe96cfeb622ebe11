package io.neuromap.cli;

import static io.neuromap.cli.CliRunner.runCli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code neuromap validate}: every sample's outcome on loihi1 within the documented tolerances
 * (docs/cli.md), the report's content, the tolerances being judged, and usage errors.
 */
class ValidateCommandTest {
    /**
     * What validate does with each sample on loihi1, and why: the LIF samples that fit validate;
     * those that cannot be mapped name the rules that stop them; CUBA fails for the reason given
     * below. A sample missing here fails {@link #everySampleValidatesOrSaysWhyNot}, so a new
     * sample gets a decision.
     */
    private static final Map<String, Outcome> OUTCOMES = Map.of(
            "quickstart_lif.nmap", new Outcome(0, List.of(), 1000),
            "hetero_tau_recurrent.nmap", new Outcome(0, List.of(), 1000),
            // CUBA starts from v_init ~ uniform(-60 mV, -50 mV) on the chip too (the config's
            // initial_state), so its rates agree with the float reference within 5%; but the balanced
            // network is chaotic, and spike times decorrelate within the run (van Rossum ~0.7 per
            // spike against the default 0.5): cubaRatesAgreeFromItsRandomStart judges it on rates.
            "cuba_brette2007.nmap", new Outcome(1, List.of(
                    "validation failed: 2 populations outside the tolerances (exc, inh)"), 2000),
            // da_stdp on the learning engine, with dopamine as a reward trace (validated on spikes).
            "distal_reward_lif.nmap", new Outcome(0, List.of(), 2000),
            // Their learning lowers; their excitability, threshold, gain and param effects do not yet.
            "striatum_d1_d2.nmap", new Outcome(1, List.of("LOIHI1-MOD-001"), 100),
            "l5_pyramidal_two_comp.nmap", new Outcome(1, List.of("LOIHI1-MOD-001"), 100),
            "distal_reward_izhikevich.nmap", new Outcome(1, List.of("LOIHI1-MODEL-001"), 100));

    private record Outcome(int exitCode, List<String> mentions, int steps) {
    }

    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> everySampleValidatesOrSaysWhyNot() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path sample : CliRunner.samples()) {
            String name = sample.getFileName().toString();
            tests.add(DynamicTest.dynamicTest("validate " + name, () -> {
                Outcome expected = OUTCOMES.get(name);
                assertTrue(expected != null, "no expected validate outcome for " + name);
                CliRunner.Result r = runCli(expected.exitCode(), "validate", sample.toString(), "--target", "loihi1",
                        "--steps", Integer.toString(expected.steps()));
                String all = r.out() + r.err();
                for (String mention : expected.mentions()) {
                    assertTrue(all.contains(mention), () -> mention + " missing\n" + r);
                }
                if (expected.exitCode() == 0) {
                    assertTrue(r.out().contains("validation passed"), r::toString);
                    assertFalse(r.out().contains("FAIL"), r::toString);
                }
            }));
        }
        return tests;
    }

    @Test
    void cubaStartedAtItsResetValidates() throws Exception {
        String cuba = Files.readString(CliRunner.repoRoot().resolve("samples/cuba_brette2007.nmap"));
        String reset = cuba.replace("v_init ~ uniform(-60 mV, -50 mV);", "v_init = -60 mV;");
        assertEquals(2, (cuba.length() - cuba.replace("v_init ~ uniform(-60 mV, -50 mV);", "").length())
                / "v_init ~ uniform(-60 mV, -50 mV);".length(), "both populations draw v_init");
        Path file = dir.resolve("cuba_reset.nmap");
        Files.writeString(file, reset);
        CliRunner.Result r = runCli(0, "validate", file.toString(), "--target", "loihi1", "--steps", "2000");
        assertTrue(r.out().contains("validation passed"), r::toString);
    }

    @Test
    void cubaRatesAgreeFromItsRandomStart() {
        CliRunner.Result r = runCli(0, "validate", CliRunner.repoRoot().resolve("samples/cuba_brette2007.nmap")
                .toString(), "--target", "loihi1", "--steps", "2000", "--vr-tol", "0.8");
        assertTrue(r.out().contains("validation passed"), r::toString);
        assertFalse((r.out() + r.err()).contains("LOIHI1-INIT-001"), r::toString);
    }

    @Test
    void theJsonReportHasEveryMetricAndTheQuantizationTable() throws Exception {
        CliRunner.Result r = runCli(0, "validate", quickstart(), "--target", "loihi1", "--steps", "500", "--json");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertTrue(json.get("passed").asBoolean());
        assertEquals(500, json.get("steps").asInt());
        assertEquals(0.1, json.get("tolerances").get("rate_error").asDouble());
        assertEquals(0.5, json.get("tolerances").get("van_rossum").asDouble());
        assertEquals(0.01, json.get("tolerances").get("van_rossum_tau_s").asDouble(), 1e-15);
        JsonNode pops = json.get("populations");
        assertEquals(2, pops.size());
        JsonNode exc = pops.get(0);
        assertEquals("exc", exc.get("name").asText());
        assertEquals(400, exc.get("neurons").asInt());
        assertEquals(exc.get("reference_spikes").asDouble() / (400 * 0.5), exc.get("reference_rate_hz").asDouble(), 1e-9);
        double rr = exc.get("reference_rate_hz").asDouble();
        double re = exc.get("emulated_rate_hz").asDouble();
        assertEquals(Math.abs(re - rr) / Math.max(rr, 1), exc.get("rate_error").asDouble(), 1e-12);
        assertTrue(exc.get("van_rossum").asDouble() > 0 && exc.get("van_rossum").asDouble() < 0.5);
        // exc[0:10] is probed: the RMSE is in volts, a few mV at most for a network that validates.
        double rmse = exc.get("voltage_rmse_v").asDouble();
        assertTrue(rmse > 0 && rmse < 0.01, "voltage RMSE " + rmse);
        assertEquals(5000, exc.get("voltage_samples").asInt());
        assertTrue(pops.get(1).get("voltage_rmse_v").isNull(), "inh has no voltage probe");
        boolean tauM = false;
        for (JsonNode q : json.get("quantization")) {
            tauM |= q.get("object").asText().equals("exc") && q.get("parameter").asText().equals("tau_m")
                    && q.get("max_relative_error").asDouble() > 0;
        }
        assertTrue(tauM, "exc.tau_m's quantization error is reported");
    }

    @Test
    void theTextReportShowsEachPopulationAgainstItsTolerances() {
        CliRunner.Result r = runCli(0, "validate", quickstart(), "--target", "loihi1", "--steps", "500", "--vr-tau", "5ms");
        String out = r.out();
        assertTrue(out.contains("tolerances: rate error 10.00%, van Rossum 0.5 per spike (tau 5 ms)"), r::toString);
        assertTrue(out.contains("population  neurons  ref Hz  emu Hz  rate error"), r::toString);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("exc             400 ")), r::toString);
        assertTrue(out.contains("quantization from compile"), r::toString);
        assertTrue(out.contains("population exc.tau_m"), r::toString);
    }

    @Test
    void tolerancesAreJudged() {
        CliRunner.Result rate = runCli(1, "validate", quickstart(), "--target", "loihi1", "--steps", "500", "--rate-tol",
                "0");
        assertTrue(rate.out().contains("FAIL") && rate.out().contains("validation failed"), rate::toString);
        CliRunner.Result volts = runCli(1, "validate", quickstart(), "--target", "loihi1", "--steps", "500", "--v-tol",
                "0.001");
        assertTrue(volts.out().contains("validation failed: 1 population outside the tolerances (exc)"), volts::toString);
        runCli(0, "validate", quickstart(), "--target", "loihi1", "--steps", "500", "--v-tol", "20");
    }

    @Test
    void outputWritesBothRunsAndTheReport() throws Exception {
        Path out = dir.resolve("v");
        runCli(0, "validate", quickstart(), "--target", "loihi1", "--steps", "500", "-o", out.toString());
        assertTrue(Files.exists(out.resolve("config/config.json")));
        assertTrue(Files.exists(out.resolve("config/report.txt")));
        for (String run : List.of("emulator", "reference")) {
            assertTrue(Files.exists(out.resolve(run).resolve("spikes.npy")), run);
            assertTrue(Files.exists(out.resolve(run).resolve("raster.svg")), run);
            RunFiles.Npy v = RunFiles.npy(out.resolve(run).resolve("probe_v.npy"));
            assertEquals("<f8", v.descr(), run + ": voltages in volts");
        }
        JsonNode json = new ObjectMapper().readTree(out.resolve("validation.json").toFile());
        assertTrue(json.get("passed").asBoolean());
    }

    @Test
    void badValuesAndTooManyStepsAreUsageErrors() {
        assertTrue(runCli(2, "validate", quickstart(), "--target", "loihi1", "--vr-tau", "10").err()
                .contains("--vr-tau must be a positive time with a unit"));
        assertTrue(runCli(2, "validate", quickstart(), "--target", "loihi1", "--rate-tol", "-1").err()
                .contains("--rate-tol"));
        CliRunner.Result steps = runCli(2, "validate", quickstart(), "--target", "loihi1", "--steps", "1001");
        assertTrue(steps.err().contains("longer than the network's simulate duration (1000 steps)"), steps::toString);
    }

    private static String quickstart() {
        return CliRunner.repoRoot().resolve("samples/quickstart_lif.nmap").toString();
    }
}
