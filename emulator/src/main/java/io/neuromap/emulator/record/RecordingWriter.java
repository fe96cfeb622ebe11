package io.neuromap.emulator.record;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.npy.NpyDtype;
import io.neuromap.backends.npy.NpyWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link Recording} as a run directory:
 * <ul>
 *   <li>{@code spikes.npy}: int32 {@code [n, 2]}, rows {@code (step, neuron)} sorted by step then
 *       neuron; {@code spikes.csv}: the same with the neuron's population, under the header
 *       {@code step,neuron,population} (empty for a neuron of no population in the summary);</li>
 *   <li>per probe {@code probe_<name>.npy}: {@code [samples, columns]} in the probe's dtype
 *       (float64 from the float reference, int32 from the emulators), sample {@code s} taken in
 *       step {@code first_step + s * every}; and {@code probe_<name>_columns.npy}: int32
 *       {@code [columns]}, the global neuron (or synapse) of each column;</li>
 *   <li>{@code summary.json}: {@link RunSummary#toJson()} plus the probes' names, kinds, units,
 *       periods and first sampled steps (0 for the float reference, which samples steps 0,
 *       every, ...; every - 1 for the chip emulators, which sample the last step of each period,
 *       as nengo's {@code sample_every}).</li>
 * </ul>
 *
 * <p>No partial outputs: every file is first written into a fresh hidden directory inside
 * {@code dir}, and only when all are complete are they moved into place (atomically where the
 * file system can). On failure the hidden directory is removed and {@code dir} holds no new file.
 */
public final class RecordingWriter {
    private RecordingWriter() {
    }

    /** The files a recording is written to, in the order they are written. */
    public static List<String> fileNames(Recording recording) {
        List<String> out = new ArrayList<>(List.of("spikes.npy", "spikes.csv"));
        for (ProbeRecorder p : recording.probes()) {
            out.add(probeFile(p));
            out.add(columnsFile(p));
        }
        out.add("summary.json");
        return out;
    }

    public static String probeFile(ProbeRecorder p) {
        return "probe_" + p.name() + ".npy";
    }

    public static String columnsFile(ProbeRecorder p) {
        return "probe_" + p.name() + "_columns.npy";
    }

    /** Writes {@code recording} into {@code dir} (created if missing); returns the paths written. */
    public static List<Path> write(Recording recording, Path dir) throws IOException {
        requireNonNull(recording, "recording is null");
        requireNonNull(dir, "dir is null");
        for (ProbeRecorder p : recording.probes()) {
            if (!p.name().matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
                throw new IllegalArgumentException("probe name `" + p.name() + "` cannot name a file");
            }
        }
        Files.createDirectories(dir);
        Path staging = Files.createTempDirectory(dir, ".partial-");
        try {
            writeSpikes(recording.spikes(), recording.summary(), staging);
            for (ProbeRecorder p : recording.probes()) {
                writeProbe(p, staging);
            }
            Files.writeString(staging.resolve("summary.json"), summaryJson(recording), StandardCharsets.UTF_8);
            List<Path> out = new ArrayList<>();
            for (String name : fileNames(recording)) {
                Path target = dir.resolve(name);
                move(staging.resolve(name), target);
                out.add(target);
            }
            return out;
        } finally {
            deleteTree(staging);
        }
    }

    private static void writeSpikes(SpikeRecorder spikes, RunSummary summary, Path dir) throws IOException {
        long n = spikes.count();
        try (NpyWriter w = NpyWriter.create(dir.resolve("spikes.npy"), NpyDtype.INT32, n, 2)) {
            for (long i = 0; i < n; i++) {
                w.writeLong(spikes.step(i));
                w.writeLong(spikes.neuron(i));
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("spikes.csv"), StandardCharsets.US_ASCII)) {
            w.write("step,neuron,population\n");
            List<RunSummary.PopulationSummary> pops = new ArrayList<>(summary.populations());
            pops.sort(java.util.Comparator.comparingInt(RunSummary.PopulationSummary::offset));
            int[] offsets = new int[pops.size()];
            for (int p = 0; p < offsets.length; p++) {
                offsets[p] = pops.get(p).offset();
            }
            StringBuilder line = new StringBuilder(48);
            for (long i = 0; i < n; i++) {
                int neuron = spikes.neuron(i);
                line.setLength(0);
                line.append(spikes.step(i)).append(',').append(neuron).append(',')
                        .append(populationName(pops, offsets, neuron)).append('\n');
                w.append(line);
            }
        }
    }

    /** The name of the population holding global neuron {@code neuron}, or empty. */
    private static String populationName(List<RunSummary.PopulationSummary> pops, int[] offsets, int neuron) {
        int p = java.util.Arrays.binarySearch(offsets, neuron);
        p = p >= 0 ? p : -p - 2;
        if (p < 0) {
            return "";
        }
        // Empty populations share an offset with the next one: the last population starting at or before holds it.
        while (p + 1 < offsets.length && offsets[p + 1] <= neuron) {
            p++;
        }
        return neuron < offsets[p] + pops.get(p).size() ? pops.get(p).name() : "";
    }

    private static void writeProbe(ProbeRecorder p, Path dir) throws IOException {
        int samples = p.sampleCount();
        int columns = p.columnCount();
        boolean integers = p.dtype() == NpyDtype.INT32;
        try (NpyWriter w = NpyWriter.create(dir.resolve(probeFile(p)), p.dtype(), samples, columns)) {
            for (int s = 0; s < samples; s++) {
                for (int c = 0; c < columns; c++) {
                    double v = p.value(s, c);
                    if (!integers) {
                        w.writeDouble(v);
                    } else if (v == Math.rint(v) && Math.abs(v) <= Long.MAX_VALUE) {
                        w.writeLong((long) v);
                    } else {
                        throw new IllegalArgumentException("probe " + p.name() + " records integers, but sample " + s
                                + ", column " + c + " is " + v);
                    }
                }
            }
        }
        try (NpyWriter w = NpyWriter.create(dir.resolve(columnsFile(p)), NpyDtype.INT32, columns)) {
            for (int c = 0; c < columns; c++) {
                w.writeLong(p.column(c));
            }
        }
    }

    /** {@code summary.json}: the run summary with a {@code probes} list appended. */
    static String summaryJson(Recording recording) {
        String base = recording.summary().toJson();
        StringBuilder b = new StringBuilder(base.substring(0, base.lastIndexOf('}')).stripTrailing());
        b.append(",\n  \"probes\": [");
        List<ProbeRecorder> probes = recording.probes();
        for (int i = 0; i < probes.size(); i++) {
            ProbeRecorder p = probes.get(i);
            b.append(i == 0 ? "\n" : ",\n");
            b.append("    {\"name\": ").append(RunSummary.quote(p.name())).append(", \"kind\": ")
                    .append(RunSummary.quote(p.kind())).append(", \"variable\": ").append(RunSummary.quote(p.variable()))
                    .append(", \"unit\": ").append(RunSummary.quote(p.unit())).append(", \"every_steps\": ")
                    .append(p.everySteps()).append(", \"first_step\": ")
                    .append(p.sampleCount() == 0 ? "null" : Integer.toString(p.sampleStep(0))).append(", \"samples\": ").append(p.sampleCount()).append(", \"columns\": ")
                    .append(p.columnCount()).append(", \"dtype\": ").append(RunSummary.quote(p.dtype().descr()))
                    .append(", \"file\": ").append(RunSummary.quote(probeFile(p))).append('}');
        }
        b.append(probes.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return b.toString();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }
}
