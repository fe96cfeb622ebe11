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
 * (docs/cli.md), the divergence floor of a chaotic network, miscompiled networks failing despite
 * it, the report's content, the tolerances being judged, and usage errors.
 */
class ValidateCommandTest {
    /** Long enough for CUBA's spike times to decorrelate past the default tolerance, short enough for a fast test. */
    private static final int CUBA_STEPS = 2000;

    /**
     * What validate does with each sample on loihi1, and why: the LIF samples that fit validate
     * at the default tolerances (CUBA by its divergence floor) or fail them for a stated reason;
     * those that cannot be mapped name the rules that stop them. A sample missing here fails {@link #everySampleValidatesOrSaysWhyNot}, so a new
     * sample gets a decision.
     */
    private static final Map<String, Outcome> OUTCOMES = Map.of(
            "quickstart_lif.nmap", new Outcome(0, List.of(), 1000),
            "hetero_tau_recurrent.nmap", new Outcome(0, List.of(), 1000),
            // CUBA is chaotic (a balanced network): its spike times decorrelate from the reference's
            // within the run, as they do from the reference's own when one spike arrives a step late.
            // It passes by that divergence floor (cubaIsChaoticAndPassesByItsDivergenceFloor).
            "cuba_brette2007.nmap", new Outcome(0, List.of("exc: chaotic: the reference diverges from itself by"),
                    CUBA_STEPS),
            // da_stdp on the learning engine, with dopamine as a reward trace (validated on spikes).
            // Over its whole 60 s it validates by the floor's learning-rule runs: DistalRewardLongTest.
            "distal_reward_lif.nmap", new Outcome(0, List.of("note: weights of `ee` (probe w), emulator after step 999, "
                    + "reference at step 1000: mean |w_emu - w_ref| = "), 2000),
            // Mapped end to end: plasticity and learning effects on the learning engine, modulators and
            // neuron effects in the management program. With plasticity removed the striatum passes
            // (van Rossum 0.18); with it, its da_stdp at [DA] near 10 learns bang-bang (5,300 weight
            // ranges per pairing), which compile reports (LOIHI1-LEARN-007) and which no engine
            // differing by a spike step tracks: the emulation's van Rossum 0.59 is within the
            // reference's own divergence under the floor's first run (0.54 x 1.25), its rate within 5.0 %,
            // its weights 18% of w_max from the reference's, the floor run's 16 % (the note
            // gives both).
            "striatum_d1_d2.nmap", new Outcome(0, List.of("LOIHI1-LEARN-007", "pathway d1.excitability",
                    "note: weights of `ctx_msn`",
                    "; the reference's own under the divergence floor's run: up to ",
                    "msn: chaotic: the reference diverges from itself by"), 2000),
            // The l5 column: rates within 1.2 % (pyr) and 4.7 % (pv) once V* includes the modulated mean
            // drive and the gain has mantissa headroom (21 % low pv before). Its pyr-pv loop is chaotic
            // (the reference with one weight 0.1 % larger diverges from itself by 0.42 and 0.50): pv
            // passes by its divergence floor.
            "l5_pyramidal_two_comp.nmap", new Outcome(0, List.of("pathway na_gain.gain",
                    "pathway na_dendrite.param(dendrite.tau_m)", "pv: chaotic: the reference diverges from itself by"),
                    2000),
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
    void cubaIsChaoticAndPassesByItsDivergenceFloor() throws Exception {
        CliRunner.Result r = runCli(0, "validate", cuba(), "--target", "loihi1", "--steps", Integer.toString(CUBA_STEPS),
                "--json");
        assertFalse((r.out() + r.err()).contains("LOIHI1-INIT-001"), r::toString);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertTrue(json.get("passed").asBoolean());
        assertEquals(0.25, json.get("tolerances").get("chaos_margin").asDouble());
        assertTrue(json.get("divergence_floor").get("measured").asBoolean(), r::toString);
        // CUBA does not learn: the spike delays are its only run, and they settle the verdict.
        assertEquals(1, json.get("divergence_floor").get("runs").size(), r::toString);
        assertEquals("each neuron's first spike one step late", json.get("divergence_floor").get("runs").get(0).asText());
        for (JsonNode p : json.get("populations")) {
            // Its rates hardly move in the reference itself: the rate floor never excuses CUBA.
            assertTrue(p.get("rate_error_floor").asDouble() < 0.10, p::toString);
            assertFalse(p.get("rate_by_floor").asBoolean(), p::toString);
            double vr = p.get("van_rossum").asDouble();
            double floor = p.get("divergence_floor").asDouble();
            assertTrue(vr > 0.5 && floor > 0.5, "spike times decorrelate past the tolerance, in both: " + p);
            assertTrue(vr <= floor * 1.25, p::toString);
            assertTrue(p.get("van_rossum_by_floor").asBoolean(), p::toString);
            assertTrue(p.get("rate_error").asDouble() < 0.10, p::toString);
        }
        // Without the floor, the default tolerance alone fails it: the floor is what passes it.
        CliRunner.Result strict = runCli(1, "validate", cuba(), "--target", "loihi1", "--steps",
                Integer.toString(CUBA_STEPS), "--no-chaos-floor");
        assertTrue(strict.out().contains("validation failed: 2 populations outside the tolerances (exc, inh)"),
                strict::toString);
        assertTrue(strict.out().contains("no divergence floor"), strict::toString);
        // The emulation diverges no faster than the reference does from itself when every neuron's
        // first spike arrives a step late (0.679 against 0.724 at 2,000 steps): it passes with no
        // margin at all, and the report says by how much.
        CliRunner.Result noMargin = runCli(0, "validate", cuba(), "--target", "loihi1", "--steps",
                Integer.toString(CUBA_STEPS), "--chaos-margin", "0");
        assertTrue(noMargin.out().contains("exc: chaotic: the reference diverges from itself by 0.724")
                && noMargin.out().contains("is within 0.724 x 1 = 0.724"), noMargin::toString);
    }

    @Test
    void aMiscompiledChaoticNetworkStillFails() {
        // The chip gets inh -> exc at two thirds of its weight: less inhibition, more activity.
        Toolchain wrong = Toolchains.chipCompiledFrom(text -> text.replace(
                "project ie : inh -> exc with fixed_indegree(16) { weight = -90 pA;",
                "project ie : inh -> exc with fixed_indegree(16) { weight = -60 pA;"));
        CliRunner.Result r = CliRunner.runCli(wrong, 1, "validate", cuba(), "--target", "loihi1", "--steps",
                Integer.toString(CUBA_STEPS));
        assertTrue(r.out().contains("validation failed: 2 populations outside the tolerances (exc, inh)"), r::toString);
        // The floor is measured (spike times stray past 0.5) but rates give the miscompile away.
        assertTrue(r.out().contains("exc: chaotic: the reference diverges from itself by"), r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("exc ") && l.contains("%  FAIL")), r::toString);
    }

    /** The chip gets the input's delays 9 ms too long: about the same rates, spike times moved. */
    private static final Toolchain WRONG_DELAYS = Toolchains.chipCompiledFrom(text -> text.replace(
            "{ weight = 0.6 nA; delay = 1 ms; receptor = exc; }", "{ weight = 0.6 nA; delay = 10 ms; receptor = exc; }"));

    @Test
    void aMiscompiledQuietNetworkFailsOnSpikeTimesDespiteTheFloor() {
        CliRunner.Result r = CliRunner.runCli(WRONG_DELAYS, 1, "validate", quickstart(), "--target", "loihi1",
                "--steps", "1000");
        assertTrue(r.out().contains("validation failed"), r::toString);
        // One spike a step late moves the reference's own spikes far less than the tolerance: the
        // floor cannot excuse what the miscompile did to spike times, though rates agree.
        assertTrue(r.out().contains("exc: the reference diverges from itself by only"), r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("exc ") && l.contains("%  ok") && l.contains("FAIL")),
                r::toString);
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
        assertTrue(out.contains("tolerances: rate error 10.00%, van Rossum 0.5 per spike (tau 5 ms; chaotic networks: up "
                + "to their divergence floor x 1.25)"), r::toString);
        assertTrue(out.contains("population  neurons  ref Hz  emu Hz  rate error"), r::toString);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("exc             400 ")), r::toString);
        assertTrue(out.contains("quantization from compile"), r::toString);
        assertTrue(out.contains("population exc.tau_m"), r::toString);
    }

    @Test
    void tolerancesAreJudged() {
        CliRunner.Result rate = runCli(1, "validate", quickstart(), "--target", "loihi1", "--steps", "500", "--rate-tol",
                "0", "--no-chaos-floor");
        assertTrue(rate.out().contains("FAIL") && rate.out().contains("validation failed"), rate::toString);
        CliRunner.Result volts = runCli(1, "validate", quickstart(), "--target", "loihi1", "--steps", "500", "--v-tol",
                "0.001");
        assertTrue(volts.out().contains("validation failed: 1 population outside the tolerances (exc)"), volts::toString);
        runCli(0, "validate", quickstart(), "--target", "loihi1", "--steps", "500", "--v-tol", "20");
    }

    @Test
    void onATerminalTheReferenceAndTheFloorRunsSayWhatRuns() {
        String[] args = {"validate", quickstart(), "--target", "loihi1", "--steps", "500", "--vr-tol", "0"};
        java.io.StringWriter err = new java.io.StringWriter();
        java.io.StringWriter out = new java.io.StringWriter();
        Main.run(Toolchain.COMPILER, true, new java.io.PrintWriter(out), new java.io.PrintWriter(err), args);
        assertTrue(err.toString().contains("float reference: 500 steps ..."), err::toString);
        assertTrue(err.toString().contains("divergence floor: float reference, each neuron's first spike one step late ..."),
                err::toString);
        assertTrue(out.toString().contains("divergence floor: the largest difference"), out::toString);
        // Not on a terminal: the report alone.
        CliRunner.Result quiet = CliRunner.run(Toolchain.COMPILER, args);
        assertFalse(quiet.err().contains("float reference:"), quiet::toString);
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
        assertTrue(runCli(2, "validate", quickstart(), "--target", "loihi1", "--chaos-margin", "-0.1").err()
                .contains("--chaos-margin must be a finite number >= 0"));
        CliRunner.Result steps = runCli(2, "validate", quickstart(), "--target", "loihi1", "--steps", "1001");
        assertTrue(steps.err().contains("longer than the network's simulate duration (1000 steps)"), steps::toString);
    }

    private static String cuba() {
        return CliRunner.repoRoot().resolve("samples/cuba_brette2007.nmap").toString();
    }

    private static String quickstart() {
        return CliRunner.repoRoot().resolve("samples/quickstart_lif.nmap").toString();
    }
}
