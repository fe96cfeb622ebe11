package io.neuromap.emulator.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.neuromap.backends.npy.NpyDtype;
import io.neuromap.backends.npy.NpyReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordRecordingWriterTest {
    @TempDir
    Path dir;

    private static Recording sample() {
        SpikeRecorder spikes = new SpikeRecorder();
        spikes.record(0, 3);
        spikes.record(0, 7);
        spikes.record(5, 1);
        ProbeRecorder v = new ProbeRecorder("v", "state", "v", "V", new int[] {1, 3}, 2, NpyDtype.FLOAT64);
        ProbeRecorder u = new ProbeRecorder("u_raw", "state", "u", "1", new int[] {4}, 1, NpyDtype.INT32);
        for (int s = 0; s < 6; s++) {
            if (v.due(s)) {
                v.begin(s);
                v.put(-0.065 + s * 1e-3);
                v.put(s);
            }
            u.begin(s);
            u.put(-s * 100);
        }
        RunSummary summary = new RunSummary("test", 6, 1e-3, List.of(
                new RunSummary.PopulationSummary("a", "lif", 0, 4, 2),
                new RunSummary.PopulationSummary("b", "poisson", 4, 4, 1)), 17, Map.of("overflow", 0L), OptionalDouble.of(0.5));
        return new Recording(spikes, List.of(v, u), summary);
    }

    @Test
    void writesSpikesProbesAndSummary() throws Exception {
        Path out = dir.resolve("run");
        List<Path> written = RecordingWriter.write(sample(), out);
        assertEquals(List.of("spikes.npy", "spikes.csv", "probe_v.npy", "probe_v_columns.npy", "probe_u_raw.npy",
                "probe_u_raw_columns.npy", "summary.json"), written.stream().map(p -> p.getFileName().toString()).toList());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(7, files.count(), "no staging directory is left behind");
        }
        try (NpyReader spikes = NpyReader.open(out.resolve("spikes.npy"), "spikes.npy")) {
            assertEquals(NpyDtype.INT32, spikes.dtype());
            assertArrayEquals(new long[] {3, 2}, spikes.header().shape());
            assertEquals(0, spikes.header().dataOffset() % 64);
            for (int e : new int[] {0, 3, 0, 7, 5, 1}) {
                assertEquals(e, spikes.nextLong());
            }
        }
        assertEquals("step,neuron,population\n0,3,a\n0,7,b\n5,1,a\n", Files.readString(out.resolve("spikes.csv")));
        try (NpyReader v = NpyReader.open(out.resolve("probe_v.npy"), "probe_v.npy")) {
            assertEquals(NpyDtype.FLOAT64, v.dtype());
            assertArrayEquals(new long[] {3, 2}, v.header().shape());
            assertEquals(-0.065, v.nextDouble());
            assertEquals(0.0, v.nextDouble());
            assertEquals(-0.063, v.nextDouble(), 1e-18);
        }
        try (NpyReader u = NpyReader.open(out.resolve("probe_u_raw.npy"), "probe_u_raw.npy")) {
            assertEquals(NpyDtype.INT32, u.dtype());
            assertArrayEquals(new long[] {6, 1}, u.header().shape());
            for (int s = 0; s < 6; s++) {
                assertEquals(-s * 100, u.nextLong());
            }
        }
        try (NpyReader columns = NpyReader.open(out.resolve("probe_v_columns.npy"), "probe_v_columns.npy")) {
            assertEquals(1, columns.nextLong());
            assertEquals(3, columns.nextLong());
        }

        JsonNode json = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(6, json.get("steps").asInt());
        assertEquals(3, json.get("spikes").asInt());
        assertEquals(17, json.get("synaptic_events").asInt());
        assertEquals(2 / (4 * 0.006), json.get("populations").get(0).get("mean_rate_hz").asDouble(), 1e-9);
        assertEquals(0, json.get("counters").get("overflow").asInt());
        assertEquals(12.0, json.get("steps_per_s").asDouble(), 1e-12);
        assertEquals("probe_u_raw.npy", json.get("probes").get(1).get("file").asText());
        assertEquals(2, json.get("probes").get(0).get("every_steps").asInt());
        assertEquals(0, json.get("probes").get(0).get("first_step").asInt());
    }

    @Test
    void aFailedWriteLeavesNoFiles() throws IOException {
        Recording r = sample();
        ProbeRecorder bad = new ProbeRecorder("big", "state", "u", "1", new int[] {0}, 1, NpyDtype.INT32);
        bad.begin(0);
        bad.put(0.5);
        Recording broken = new Recording(r.spikes(), List.of(r.probes().get(0), bad), r.summary());
        Path out = dir.resolve("run");
        assertThrows(IllegalArgumentException.class, () -> RecordingWriter.write(broken, out));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void recordersKeepTheirContracts() {
        SpikeRecorder s = new SpikeRecorder();
        s.record(3, 1);
        assertThrows(IllegalArgumentException.class, () -> s.record(2, 1));
        assertThrows(IllegalArgumentException.class, () -> s.record(4, -1));
        assertArrayEquals(new long[] {0, 1, 0}, s.countsPerNeuron(3));
        ProbeRecorder p = new ProbeRecorder("p", "state", "v", "V", new int[] {0, 1}, 3, NpyDtype.FLOAT64);
        assertTrue(p.due(0) && p.due(6) && !p.due(4));
        p.begin(0);
        p.put(1);
        assertThrows(IllegalStateException.class, () -> p.begin(3));
        assertEquals(0, p.sampleCount(), "an incomplete sample is not counted");
        p.put(2);
        assertEquals(1, p.sampleCount());
        assertThrows(IllegalStateException.class, () -> p.put(3));
        assertArrayEquals(new double[] {2}, p.trace(1));
        assertThrows(IllegalArgumentException.class, () -> new Recording(s, List.of(p, p), sample().summary()));
    }
}
