package io.neuromap.cli;

import static io.neuromap.cli.CliRunner.runCli;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * {@code neuromap emulate} on a config compiled from the quick-start sample (two cores, a
 * two-compartment population, Poisson input, a voltage probe): what it writes and that every
 * file is what numpy, an image viewer and a browser expect; that bad configs are refused,
 * located, with nothing written; strict overflows; thread-count invariance.
 */
class EmulateCommandTest {
    private static final int STEPS = 200;
    private static final List<String> FILES = List.of("probe_v.npy", "probe_v_columns.npy", "raster.png", "raster.svg",
            "spikes.csv", "spikes.npy", "summary.json");

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path config;

    @BeforeAll
    static void compileTheQuickStart() {
        config = shared.resolve("config");
        runCli(0, "compile", CliRunner.repoRoot().resolve("samples/quickstart_lif.nmap").toString(), "--target", "loihi1",
                "-o", config.toString());
    }

    private CliRunner.Result emulate(int expected, Path cfg, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("emulate", cfg.toString(), "--steps", Integer.toString(STEPS), "-o",
                out.toString()));
        args.addAll(List.of(more));
        return runCli(expected, args.toArray(new String[0]));
    }

    @Test
    void writesSpikesProbesSummaryAndPlot() throws Exception {
        Path out = dir.resolve("run");
        CliRunner.Result r = emulate(0, config, out);
        assertEquals(FILES, RunDirectory.list(out), r::toString);
        assertTrue(r.err().contains("emulated 200 steps of 500 neurons"), r::toString);
        assertEquals("", r.out());

        RunFiles.Npy spikes = RunFiles.npy(out.resolve("spikes.npy"));
        assertEquals("<i4", spikes.descr());
        assertEquals(2, spikes.shape().length);
        assertEquals(2, spikes.shape()[1]);
        long n = spikes.shape()[0];
        assertTrue(n > 50, "the quick start spikes in 200 steps: " + n);
        List<String> csv = Files.readAllLines(out.resolve("spikes.csv"));
        assertEquals("step,neuron,population", csv.get(0));
        assertEquals(n + 1, csv.size());
        long lastStep = -1;
        long lastNeuron = -1;
        for (int i = 0; i < n; i++) {
            int step = spikes.intAt(2L * i);
            int neuron = spikes.intAt(2L * i + 1);
            assertTrue(step > lastStep || (step == lastStep && neuron > lastNeuron), "sorted by step, then neuron");
            assertTrue(step >= 0 && step < STEPS);
            // Global numbering: input 0-99 (host-injected, not on chip), exc 100-499, inh 500-599.
            assertTrue(neuron >= 100 && neuron < 600, "neuron " + neuron);
            String population = neuron < 500 ? "exc" : "inh";
            assertEquals(step + "," + neuron + "," + population, csv.get(i + 1));
            lastStep = step;
            lastNeuron = neuron;
        }

        RunFiles.Npy v = RunFiles.npy(out.resolve("probe_v.npy"));
        assertEquals("<i4", v.descr());
        assertArrayEquals(new long[] {STEPS, 10}, v.shape(), "probe v: exc[0:10] every 1 ms");
        RunFiles.Npy columns = RunFiles.npy(out.resolve("probe_v_columns.npy"));
        for (int c = 0; c < 10; c++) {
            assertEquals(100 + c, columns.intAt(c));
        }

        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("loihi1/nengo-loihi", summary.get("engine").asText());
        assertEquals(STEPS, summary.get("steps").asInt());
        assertEquals(n, summary.get("spikes").asLong());
        JsonNode pops = summary.get("populations");
        assertEquals(2, pops.size(), "the host-injected input is not on the chip");
        assertEquals("exc", pops.get(0).get("name").asText());
        assertEquals(100, pops.get(0).get("offset").asInt());
        assertEquals(400, pops.get(0).get("size").asInt());
        long exc = pops.get(0).get("spikes").asLong();
        long inh = pops.get(1).get("spikes").asLong();
        assertEquals(n, exc + inh);
        assertEquals(exc / (400 * 0.2), pops.get(0).get("mean_rate_hz").asDouble(), 1e-9);
        for (String counter : List.of("overflow_q0", "overflow_current", "overflow_u2", "overflow_join")) {
            assertEquals(0, summary.get("counters").get(counter).asLong(), counter);
        }
        assertEquals(STEPS * 900L, summary.get("counters").get("compartment_updates").asLong());
        assertTrue(summary.get("synaptic_events").asLong() > 0);
        for (String timing : List.of("wall_time_s", "steps_per_s", "synaptic_events_per_s")) {
            assertTrue(summary.get(timing).asDouble() > 0, timing);
        }
        assertEquals("v", summary.get("probes").get(0).get("name").asText());

        BufferedImage png = RunFiles.png(out.resolve("raster.png"));
        assertEquals(1000, png.getWidth());
        assertEquals(700, png.getHeight());
        Document svg = RunFiles.svg(out.resolve("raster.svg"));
        assertTrue(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect").getLength() > 50, "raster cells");
        assertTrue(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline").getLength() == 2,
                "one rate line per population");
        String text = Files.readString(out.resolve("raster.svg"));
        assertTrue(text.contains(">exc (400, ") && text.contains(">inh (100, "), "legend");
        // The two populations are drawn in two colours.
        assertTrue(text.contains("fill=\"#1f77b4\"") && text.contains("fill=\"#ff7f0e\""));
    }

    @Test
    void spikesAndProbesAreTheSameForOneAndTwoThreads() throws Exception {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        emulate(0, config, one, "--threads", "1");
        CliRunner.Result r = emulate(0, config, two, "--threads", "2");
        assertTrue(r.err().contains("on 2 threads"), r::toString);
        for (String file : List.of("spikes.npy", "spikes.csv", "probe_v.npy", "probe_v_columns.npy", "raster.png",
                "raster.svg")) {
            assertArrayEquals(Files.readAllBytes(one.resolve(file)), Files.readAllBytes(two.resolve(file)), file);
        }
        assertEquals(withoutTimings(one.resolve("summary.json")), withoutTimings(two.resolve("summary.json")));
    }

    /** summary.json without the fields docs/cli.md names as the only non-deterministic ones. */
    private static List<String> withoutTimings(Path summary) throws IOException {
        return Files.readAllLines(summary).stream().filter(l -> !l.contains("\"wall_time_s\"")
                && !l.contains("\"steps_per_s\"") && !l.contains("\"synaptic_events_per_s\"")).toList();
    }

    @Test
    void probeEveryChangesTheRecordingPeriodAndNoPlotDrawsNothing() throws Exception {
        Path out = dir.resolve("run");
        emulate(0, config, out, "--probe-every", "10", "--no-plot");
        assertArrayEquals(new long[] {STEPS / 10, 10}, RunFiles.npy(out.resolve("probe_v.npy")).shape());
        assertFalse(Files.exists(out.resolve("raster.png")));
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(10, summary.get("probes").get(0).get("every_steps").asInt());
        assertEquals(9, summary.get("probes").get(0).get("first_step").asInt(), "rows are taken after steps 9, 19, ...");
    }

    @Test
    void theConfigFileItselfMayBeNamed() {
        emulate(0, config.resolve("config.json"), dir.resolve("run"));
    }

    @Test
    void aSchemaViolationIsLocatedAndNothingIsWritten() throws Exception {
        Path bad = copy("schema");
        replace(bad.resolve("config.json"), "\"steps\": 1000,", "\"steps\": \"many\",");
        Path out = dir.resolve("run");
        CliRunner.Result r = emulate(1, bad, out);
        assertTrue(r.err().contains("error: " + bad.resolve("config.json") + ": /steps: "), r::toString);
        assertTrue(r.err().contains("not a valid Loihi 1 config"), r::toString);
        assertNothingWritten(out);
    }

    @Test
    void anOutOfRangeFieldIsLocatedAndNothingIsWritten() throws Exception {
        Path bad = copy("range");
        replace(bad.resolve("config.json"), "\"decay_u\": 389,", "\"decay_u\": 5000,");
        Path out = dir.resolve("run");
        CliRunner.Result r = emulate(1, bad, out);
        assertTrue(r.err().contains("/chips/0/cores/0/compartment_profiles/0/decay_u"), r::toString);
        assertTrue(r.err().contains("4095"), r::toString);
        assertNothingWritten(out);
    }

    @Test
    void aTruncatedSidecarIsLocatedAndAnExistingRunIsLeftAlone() throws Exception {
        Path bad = copy("truncated");
        Path sidecar;
        try (Stream<Path> files = Files.list(bad)) {
            sidecar = files.filter(p -> p.getFileName().toString().endsWith("_synapses.npy")).sorted().findFirst()
                    .orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(sidecar);
        Files.write(sidecar, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path out = dir.resolve("run");
        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "earlier");
        CliRunner.Result r = emulate(1, bad, out);
        assertTrue(r.err().contains(sidecar.getFileName().toString()) && r.err().contains("truncated"), r::toString);
        assertEquals(List.of("keep.txt"), RunDirectory.list(out));
        assertEquals(List.of("run"), RunDirectory.list(dir).stream().filter(n -> !n.startsWith("truncated")).toList(),
                "no staging directory left behind");
    }

    @Test
    void aTruncatedConfigJsonIsLocated() throws Exception {
        Path bad = copy("cut");
        String json = Files.readString(bad.resolve("config.json"));
        Files.writeString(bad.resolve("config.json"), json.substring(0, json.length() / 3));
        Path out = dir.resolve("run");
        CliRunner.Result r = emulate(1, bad, out);
        assertTrue(r.err().contains("config.json") && r.err().contains("line"), r::toString);
        assertNothingWritten(out);
    }

    /**
     * A well-formed config that breaks a design rule gets the compiler's rule id and numbers: core
     * 80 holds 800 compartments, which delay_bits 4 (16 accumulators each) cuts to 512.
     */
    @Test
    void aConfigThatBreaksADesignRuleGetsTheCompilersRuleIdAndNothingRuns() throws Exception {
        Path bad = copy("rule");
        replace(bad.resolve("config.json"), "\"delay_bits\": 3", "\"delay_bits\": 4");
        Path out = dir.resolve("run");
        CliRunner.Result r = emulate(1, bad, out);
        assertTrue(r.err().contains(bad.resolve("config.json") + ": error[LOIHI1-CX-001]: `exc` needs 800 compartments "
                + "on chip 0 core 80, but a core with delay_bits 4 holds 512\n"
                + "  = compartments: demand 800 compartments, capacity 512 compartments\n  help: "), r::toString);
        assertTrue(r.err().contains(bad + ": the config violates 1 rule of the chip; nothing was run"), r::toString);
        assertNothingWritten(out);
    }

    @Test
    void aMissingConfigIsAnInputError() {
        Path out = dir.resolve("run");
        CliRunner.Result r = emulate(1, dir.resolve("nowhere"), out);
        assertTrue(r.err().contains("nowhere"), r::toString);
        assertNothingWritten(out);
    }

    @Test
    void strictStopsAtTheFirstOverflowWithItsLocation() throws Exception {
        Path file = dir.resolve("overflow.nmap");
        Files.writeString(file, """
                network Overflow {
                  population drive[200] : poisson { rate = 500 Hz; }
                  population cell[4] : lif { tau_syn_E = 200 ms; tau_m = 20 ms; }
                  project drive -> cell with all_to_all { weight = 20 nA; delay = 1 ms; receptor = exc; }
                }
                simulate Overflow { dt = 1 ms; duration = 100 ms; seed = 1; }
                """);
        Path cfg = dir.resolve("overflow");
        runCli(0, "compile", file.toString(), "--target", "loihi1", "-o", cfg.toString());
        Path out = dir.resolve("run");
        CliRunner.Result r = runCli(1, "emulate", cfg.toString(), "-o", out.toString(), "--strict");
        assertTrue(r.err().contains("error: step 1, chip 0, core ") && r.err().contains("Overflow in q0")
                && r.err().contains("[population `cell`, neuron 0, soma]"), r::toString);
        assertNothingWritten(out);
        CliRunner.Result counted = runCli(0, "emulate", cfg.toString(), "-o", out.toString());
        assertTrue(counted.err().contains("overflows (q0 "), counted::toString);
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertTrue(summary.get("counters").get("overflow_q0").asLong() > 0);
    }

    /**
     * A config that breaks only a warning rule (LOIHI1-LEARN-008, the learning microcode count)
     * runs, and the warning is printed with the compiler's rule id; an error still refuses (above).
     */
    @Test
    void aConfigWithOnlyAWarningRunsAndPrintsIt() throws Exception {
        Path file = dir.resolve("learning.nmap");
        Files.writeString(file, """
                celltype Cell : lif { tau_m ~ uniform(5 ms, 80 ms); cm ~ uniform(0.2 nF, 2 nF); receptor DAR binds DA; }
                network Learning {
                  population pre[20] : poisson { rate = 20 Hz; }
                  population post[40] : Cell;
                  population reward[1] : spike_times { times = [50 ms]; }
                  project learn : pre -> post with all_to_all
                      plasticity da_stdp(tau_plus = 20 ms, tau_minus = 20 ms, A_plus = 1.0, A_minus = 1.5,
                                         tau_c = 1 s, w_min = 0 nA, w_max = 4 nA)
                      { weight = 1 nA; delay = 1 ms; receptor = exc; }
                  modulator DA { source reward; release 0.5 per spike; decay 200 ms; baseline 0.01; scope global; }
                  pathway reinforce : DA -> proj learn via DAR { effect learning_rate *= 1; }
                }
                simulate Learning { dt = 1 ms; duration = 100 ms; seed = 1; }
                """);
        Path cfg = dir.resolve("learning");
        CliRunner.Result compiled = runCli(0, "compile", file.toString(), "--target", "loihi1", "-o", cfg.toString());
        assertTrue(compiled.err().contains("LOIHI1-LEARN-008"), compiled::toString);
        Path out = dir.resolve("run");
        CliRunner.Result r = runCli(0, "emulate", cfg.toString(), "-o", out.toString(), "--no-plot");
        assertTrue(r.err().contains("warning") && r.err().contains("LOIHI1-LEARN-008"), r::toString);
        assertTrue(Files.exists(out.resolve("summary.json")), r::toString);
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        Path out = dir.resolve("run");
        assertTrue(emulate(2, config, out, "--threads", "0").err().contains("--threads must be >= 1"));
        assertTrue(emulate(2, config, out, "--probe-every", "0").err().contains("--probe-every must be >= 1"));
        assertTrue(runCli(2, "emulate", config.toString(), "--steps", "-3").err().contains("--steps must be >= 0"));
        assertNothingWritten(out);
    }

    @Test
    void theProgressBarDrawsOnlyAfterTwoSecondsAndClearsItsLine() {
        StringWriter text = new StringWriter();
        long[] now = {0};
        ProgressBar bar = new ProgressBar(new PrintWriter(text), 1000, () -> now[0]);
        bar.afterStep(null, 0);
        now[0] = 1_900_000_000L;
        bar.afterStep(null, 400);
        assertEquals("", text.toString(), "quiet during the first two seconds");
        now[0] = 2_500_000_000L;
        bar.afterStep(null, 499);
        assertTrue(text.toString().startsWith("\remulating [###############---------------]  50%  500/1,000 steps  3 s left"),
                text::toString);
        now[0] = 2_600_000_000L;
        bar.afterStep(null, 520);
        assertFalse(text.toString().contains("521/"), "redrawn at most every 200 ms");
        bar.finish();
        assertTrue(text.toString().endsWith("\r"), "the line is cleared");
    }

    private Path copy(String name) throws IOException {
        Path to = dir.resolve(name);
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(config)) {
            for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), () -> file + " lacks " + from);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
    }

    private void assertNothingWritten(Path out) {
        assertFalse(Files.exists(out), out + " was created");
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".partial-")), "staging left behind");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
