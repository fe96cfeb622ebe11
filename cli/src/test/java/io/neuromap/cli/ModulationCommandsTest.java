package io.neuromap.cli;

import static io.neuromap.cli.CliRunner.runCli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Neuromodulation on loihi1 from the command line: a network whose modulator acts on excitability
 * and thresholds compiles to a config with a management program, runs with its modulator probe
 * written to .npy, and validates against the float reference at the default tolerances.
 */
class ModulationCommandsTest {
    @TempDir
    Path dir;

    private static String network() {
        return CliRunner.repoRoot().resolve("cli/src/test/resources/modulation/striatum_excitability_threshold.nmap")
                .toString();
    }

    @Test
    void compilesAndRunsWithItsModulatorProbe() throws Exception {
        Path out = dir.resolve("out");
        CliRunner.Result r = runCli(0, "run", network(), "--target", "loihi1", "--steps", "200", "-o", out.toString(),
                "--no-plot");
        assertTrue(r.err().contains("fits loihi1"), r::toString);
        JsonNode config = new ObjectMapper().readTree(out.resolve("config/config.json").toFile());
        JsonNode modulation = config.get("modulation");
        assertEquals("DA", modulation.at("/modulators/0/name").asText());
        assertEquals(2, modulation.get("effects").size());
        assertEquals("bias", modulation.at("/effects/0/register").asText());
        assertEquals("vth", modulation.at("/effects/1/register").asText());
        assertTrue(Files.exists(out.resolve("run/probe_da.npy")));
        JsonNode summary = new ObjectMapper().readTree(out.resolve("run/summary.json").toFile());
        // 400 D1 biases and the D2 threshold profiles (one per core), written before step 0 and after each step.
        long writes = summary.at("/counters/modulation_register_writes").asLong();
        assertTrue(writes >= 401 * 201 && writes % 201 == 0, summary::toString);
        assertTrue(Files.exists(out.resolve("run/probe_da_columns.npy")));
        String report = Files.readString(out.resolve("config/report.txt"));
        assertTrue(report.contains("pathway    d1         excitability"), report);
        assertTrue(report.contains("modulator  DA         decay"), report);
    }

    @Test
    void aModulatedTimeConstantValidates() {
        String file = CliRunner.repoRoot().resolve("cli/src/test/resources/modulation/lif_tau_modulated.nmap").toString();
        CliRunner.Result r = runCli(0, "validate", file, "--target", "loihi1", "--steps", "2000");
        assertTrue(r.out().contains("validation passed"), r::toString);
        assertTrue(r.out().contains("pathway p.param(tau_m)"), r::toString);
    }

    @Test
    void aModulatedGainValidates() {
        String file = CliRunner.repoRoot().resolve("cli/src/test/resources/modulation/lif_gain_modulated.nmap").toString();
        CliRunner.Result r = runCli(0, "validate", file, "--target", "loihi1", "--steps", "2000");
        assertTrue(r.out().contains("validation passed"), r::toString);
        assertTrue(r.out().contains("pathway p.gain"), r::toString);
    }

    @Test
    void validatesAgainstTheFloatReference() {
        CliRunner.Result r = runCli(0, "validate", network(), "--target", "loihi1", "--steps", "2000");
        assertTrue(r.out().contains("validation passed"), r::toString);
    }
}
