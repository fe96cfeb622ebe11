package io.neuromap.cli;

import static java.util.Objects.requireNonNull;

import io.neuromap.emulator.plot.RasterPlot;
import io.neuromap.emulator.record.Recording;
import io.neuromap.emulator.record.RecordingWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes a run directory: the recording's files ({@link RecordingWriter}: {@code spikes.npy},
 * {@code spikes.csv}, {@code probe_<name>.npy}, {@code summary.json}) and the plot
 * ({@code raster.png}, {@code raster.svg}). Everything is written into a hidden sibling directory
 * first and published only when complete: a new directory by one rename, an existing one file by
 * file; on any failure the staging directory is removed and nothing new is left behind (DESIGN.md,
 * "never a partly written output file").
 */
final class RunDirectory {
    /** The plot files, in the order written. */
    static final List<String> PLOTS = List.of("raster.png", "raster.svg");

    private RunDirectory() {
    }

    /**
     * Writes {@code recording} into {@code dir}, with the plot unless {@code plot} is false.
     *
     * @return the names of the files written, in order
     */
    static List<String> write(Recording recording, Path dir, boolean plot) throws IOException {
        requireNonNull(recording, "recording is null");
        Path target = requireNonNull(dir, "dir is null").toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IOException(dir + " exists and is not a directory");
        }
        Path parent = target.getParent();
        Files.createDirectories(parent);
        // Not createTempDirectory: its owner-only permissions would survive the rename into place.
        Path staging = Files.createDirectory(parent.resolve("." + target.getFileName() + ".partial-" + UUID.randomUUID()));
        try {
            List<String> names = new ArrayList<>();
            for (Path p : RecordingWriter.write(recording, staging)) {
                names.add(p.getFileName().toString());
            }
            if (plot) {
                RasterPlot raster = RasterPlot.of(recording);
                Files.write(staging.resolve(PLOTS.get(0)), raster.png());
                Files.writeString(staging.resolve(PLOTS.get(1)), raster.svg(), StandardCharsets.UTF_8);
                names.addAll(PLOTS);
            }
            publish(staging, target, names);
            return names;
        } finally {
            deleteTree(staging);
        }
    }

    private static void publish(Path staging, Path target, List<String> names) throws IOException {
        if (!Files.exists(target)) {
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (AtomicMoveNotSupportedException e) {
                Files.createDirectories(target);
            }
        }
        for (String name : names) {
            try {
                Files.move(staging.resolve(name), target.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging.resolve(name), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The names of the entries of {@code dir}, sorted (tests and messages). */
    static List<String> list(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                out.add(p.getFileName().toString());
            }
        }
        out.sort(null);
        return out;
    }
}
