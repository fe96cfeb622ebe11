package io.neuromap.cli;

import static io.neuromap.cli.CliRunner.runCli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code neuromap inspect} reports, checked on networks whose realised structure is known exactly. */
class InspectCommandTest {
    private static final String NET = """
            celltype A : lif { tau_m ~ uniform(10 ms, 20 ms); receptor RA binds DA; }
            celltype B : lif { tau_m = 30 ms; receptor RA binds DA; receptor RB binds DA; }
            network N {
              population src[20] : poisson { rate = 5 Hz; }
              population m[10] : mix { A: 0.5, B: 0.5 };
              population d[4] : two_comp;
              project inp : src -> m with fixed_indegree(5) plasticity da_stdp { weight ~ uniform(0.1 nA, 0.3 nA); delay ~ uniform(1 ms, 3 ms); }
              project m -> m with one_to_one { weight = -0.5 nA; receptor = inh; }
              project src[0:4] -> d.dendrite with one_to_one { weight = 0.2 nA; delay = 2 ms; }
              modulator DA { source src; release 0.5 per spike; decay 200 ms; baseline 0.01; scope global; }
              pathway pa : DA -> celltype A via RA { effect excitability += 0.1 nA * [DA]; }
              pathway pl : DA -> proj inp via RA { effect learning_rate *= 1; }
              probe spikes of m;
            }
            simulate N { dt = 1 ms; duration = 1 s; seed = 3; }
            """;

    @TempDir
    Path tmp;

    private Path write(String text) throws IOException {
        Path file = tmp.resolve("net.nmap");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void textShowsPopulationsProjectionsModulatorsAndPathways() throws IOException {
        Path file = write(NET);
        CliRunner.Result r = runCli(0, "inspect", file.toString());
        String out = r.out();
        assertTrue(out.startsWith("network N (" + file + ")\n  34 neurons in 3 populations, 64 synapses in 3 projections, "
                + "1 modulator, 2 pathways\n  simulate: dt 1 ms, duration 1000 ms (1,000 steps), seed 3\n"), out);
        assertTrue(out.contains("  m: 10 x lif, neurons 20..29\n    cell type A: 5 neurons [0:5]\n"
                + "      receptors: RA binds DA on soma\n"), out);
        assertTrue(out.contains("    cell type B: 5 neurons [5:10]\n      receptors: RA binds DA on soma, RB binds DA on soma\n"), out);
        // tau_m of A is drawn from uniform(10 ms, 20 ms): the realised row lies inside it.
        Matcher tau = Pattern.compile("\\n      tau_m +ms +(\\S+) +(\\S+) +(\\S+) +(\\S+)\\n").matcher(out);
        assertTrue(tau.find(), out);
        assertTrue(Double.parseDouble(tau.group(1)) >= 10 && Double.parseDouble(tau.group(3)) < 20, tau.group());
        assertTrue(out.contains("same for all: cm 1000 pF, tau_m 30 ms,"), "B's tau_m is fixed\n" + out);
        assertTrue(out.contains("  inp: src -> m with fixed_indegree(5), receptor exc (from the sign of the weights)\n"
                + "    plasticity da_stdp\n    50 synapses\n"), out);
        assertTrue(Pattern.compile("\n    fan-in +5 +5 +5 +0\n").matcher(out).find(), out);
        assertTrue(out.contains("  m_to_m: m -> m with one_to_one, receptor inh\n    10 synapses\n"), out);
        assertTrue(out.contains("    weight   nA    -0.5  -0.5  -0.5   0\n"), out);
        assertTrue(out.contains("  src_to_d: src[0:4] -> d.dendrite with one_to_one, receptor exc (from the sign of the weights)\n"
                + "    4 synapses\n"), out);
        assertTrue(out.contains("  DA: source src, release 0.5 per spike, decay 200 ms, baseline 0.01, scope global\n"), out);
        assertTrue(out.contains("  pa: DA via RA -> 5 neurons\n    binds m[0:5] (5)\n    effect excitability += 0.1 nA * [DA]\n"), out);
        assertTrue(out.contains("  pl: DA via RA -> 50 synapses of projection inp\n    effect learning_rate *= 1\n"), out);
        assertTrue(out.contains("  spikes_m: spikes of m (10 neurons), every 1 step\n"), out);
        assertEquals("", r.err());
    }

    @Test
    void jsonCarriesTheSameNumbers() throws IOException {
        Path file = write(NET);
        JsonNode root = new ObjectMapper().readTree(runCli(0, "inspect", "--json", file.toString()).out());
        assertEquals("N", root.get("network").asText());
        assertEquals(34, root.get("neurons").asInt());
        assertEquals(64, root.get("synapses").asLong());
        assertEquals(1.0, root.get("simulation").get("dt_ms").asDouble());
        JsonNode m = root.get("populations").get(1);
        assertEquals("m", m.get("name").asText());
        assertEquals(20, m.get("offset").asInt());
        JsonNode a = m.get("cellTypes").get(0);
        assertEquals("A", a.get("name").asText());
        assertEquals(0, a.get("from").asInt());
        assertEquals(5, a.get("to").asInt());
        assertEquals("RA", a.get("receptors").get(0).get("name").asText());
        JsonNode tauM = null;
        for (JsonNode p : a.get("parameters")) {
            if (p.get("name").asText().equals("tau_m")) {
                tauM = p;
            }
        }
        assertTrue(tauM != null && tauM.get("heterogeneous").asBoolean(), a::toString);
        assertEquals("ms", tauM.get("unit").asText());
        assertEquals(5, tauM.get("count").asInt());
        assertTrue(tauM.get("min").asDouble() >= 10 && tauM.get("max").asDouble() < 20, tauM::toString);
        JsonNode inp = root.get("projections").get(0);
        assertEquals(50, inp.get("synapses").asInt());
        assertEquals(5.0, inp.get("fanIn").get("mean").asDouble());
        assertEquals(0.0, inp.get("fanIn").get("sd").asDouble());
        assertTrue(inp.get("weight").get("min").asDouble() >= 0.1 && inp.get("weight").get("max").asDouble() < 0.3);
        assertEquals("nA", inp.get("weight").get("unit").asText());
        assertTrue(inp.get("delaySteps").get("min").asInt() >= 1 && inp.get("delaySteps").get("max").asInt() <= 3);
        assertEquals("da_stdp", inp.get("plasticity").asText());
        assertEquals("dendrite", root.get("projections").get(2).get("post").get("compartment").asText());
        JsonNode pl = root.get("pathways").get(1);
        assertEquals("synapses", pl.get("binds").asText());
        assertEquals("inp", pl.get("projection").asText());
        assertEquals(50, pl.get("count").asInt());
        JsonNode pa = root.get("pathways").get(0);
        assertEquals("neurons", pa.get("binds").asText());
        assertEquals(5, pa.get("neurons").get(0).get("to").asInt());
        JsonNode src = root.get("populations").get(0).get("cellTypes").get(0).get("parameters");
        for (JsonNode p : src) {
            if (p.get("name").asText().equals("duration")) {
                assertTrue(p.get("max").isNull(), "an unlimited duration is null in JSON: " + p);
            }
        }
    }

    @Test
    void errorsAreReportedAndNothingIsPrintedOnStandardOutput() throws IOException {
        Path file = write("network N { population p[10] : lif { tau_m = 5 mV; } }\n");
        CliRunner.Result r = runCli(1, "inspect", file.toString());
        assertTrue(r.err().startsWith(file + ":1:"), r::toString);
        assertTrue(r.err().contains("error[NM-E0202]"), r::toString);
        assertTrue(r.err().endsWith(file + ": 1 error, 0 warnings\n"), r::toString);
        assertEquals("", r.out());
    }

    @Test
    void wrongCommandLines() throws IOException {
        runCli(2, "inspect");
        Path file = write(NET);
        runCli(2, "inspect", file.toString(), file.toString());
        runCli(2, "inspect", "--jsn", file.toString());
    }

    @Test
    void aCrashWhileInspectingKeepsTheInputInTheReproducer() throws IOException {
        Path file = write(NET);
        Toolchain failing = Toolchains.elaborate((f, passes) -> {
            throw new IllegalStateException("simulated elaboration bug");
        });
        CliRunner.Result r = runCli(failing, 3, "inspect", file.toString());
        Matcher m = Pattern.compile("was written to (\\S+)").matcher(r.err());
        assertTrue(m.find(), r::toString);
        Path dir = Path.of(m.group(1));
        assertEquals(NET, Files.readString(dir.resolve("inputs/0-net.nmap")));
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
