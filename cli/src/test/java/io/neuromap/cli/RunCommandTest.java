package io.neuromap.cli;

import static io.neuromap.cli.CliRunner.runCli;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code neuromap run}: compile + emulate in one command, and the README's first set-up command. */
class RunCommandTest {
    @TempDir
    Path dir;

    private static String sample(String name) {
        return CliRunner.repoRoot().resolve("samples").resolve(name).toString();
    }

    @Test
    void theQuickStartCompilesAndRuns() throws Exception {
        Path out = dir.resolve("out");
        CliRunner.Result r = runCli(0, "run", sample("quickstart_lif.nmap"), "--target", "loihi1", "--steps", "300", "-o",
                out.toString());
        assertTrue(r.err().contains("fits loihi1"), r::toString);
        assertTrue(r.err().contains("emulated 300 steps of 500 neurons"), r::toString);
        for (String file : List.of("config.json", "origin.npy", "report.txt", "report.json", "report.sarif")) {
            assertTrue(Files.exists(out.resolve("config").resolve(file)), file);
        }
        assertEquals(List.of("probe_v.npy", "probe_v_columns.npy", "raster.png", "raster.svg", "spikes.csv", "spikes.npy",
                "summary.json"), RunDirectory.list(out.resolve("run")));
        JsonNode summary = new ObjectMapper().readTree(out.resolve("run/summary.json").toFile());
        assertEquals(300, summary.get("steps").asInt());

        // run = compile + emulate: emulating the written config gives the same spikes.
        Path again = dir.resolve("again");
        runCli(0, "emulate", out.resolve("config").toString(), "--steps", "300", "-o", again.toString());
        assertArrayEquals(Files.readAllBytes(out.resolve("run/spikes.npy")), Files.readAllBytes(again.resolve("spikes.npy")));
    }

    @Test
    void withoutStepsTheNetworkRunsForItsSimulateDuration() throws Exception {
        Path file = dir.resolve("short.nmap");
        Files.writeString(file, """
                network Short {
                  population src[20] : poisson { rate = 50 Hz; }
                  population cell[30] : lif;
                  project src -> cell with fixed_prob(0.5) { weight = 2 nA; receptor = exc; }
                  probe spikes of cell;
                }
                simulate Short { dt = 1 ms; duration = 150 ms; seed = 3; }
                """);
        Path out = dir.resolve("out");
        runCli(0, "run", file.toString(), "--target", "loihi1", "-o", out.toString(), "--threads", "1");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("run/summary.json").toFile());
        assertEquals(150, summary.get("steps").asInt());
        CliRunner.Result longer = runCli(0, "run", file.toString(), "--target", "loihi1", "-o", out.toString(),
                "--steps", "200", "--no-plot");
        assertTrue(longer.err().contains("warning: running 200 steps, but the config's stimuli were drawn for its 150 "
                + "steps"), longer::toString);
    }

    @Test
    void aNetworkThatDoesNotFitIsReportedWithItsRuleAndNotRun() {
        Path out = dir.resolve("out");
        CliRunner.Result r = runCli(1, "run", sample("distal_reward_izhikevich.nmap"), "--target", "loihi1", "-o",
                out.toString());
        assertTrue(r.err().contains("error[LOIHI1-MODEL-001]"), r::toString);
        assertTrue(Files.exists(out.resolve("config/report.txt")), "the reports are written, as compile writes them");
        assertFalse(Files.exists(out.resolve("config/config.json")));
        assertFalse(Files.exists(out.resolve("run")));
    }

    @Test
    void aWrongTargetOrOptionIsAUsageError() {
        assertTrue(runCli(2, "run", sample("quickstart_lif.nmap"), "--target", "loihi2").err().contains("loihi2"));
        assertTrue(runCli(2, "run", sample("quickstart_lif.nmap")).err().contains("--target"));
        assertTrue(runCli(2, "run", sample("quickstart_lif.nmap"), "--target", "loihi1", "--threads", "0").err()
                .contains("--threads"));
    }

    @Test
    void theReadmeStartsWithRunOnTheQuickStart() throws Exception {
        String readme = Files.readString(CliRunner.repoRoot().resolve("README.md"));
        int setUp = readme.indexOf("## Set up");
        int block = readme.indexOf("```", setUp);
        String first = readme.substring(block + 3, readme.indexOf('\n', readme.indexOf('\n', block) + 1)).trim();
        assertTrue(first.startsWith("./neuromap run samples/quickstart_lif.nmap --target loihi1 --steps 1000"),
                "README's first set-up command: " + first);
    }
}
