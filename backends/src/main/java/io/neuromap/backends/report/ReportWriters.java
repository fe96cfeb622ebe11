package io.neuromap.backends.report;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a report in all its forms ({@code report.txt}, {@code report.json},
 * {@code report.sarif}) into an output directory without ever leaving a partial file: every
 * form is written to a temporary file in the directory first, and only when all of them are
 * complete are they renamed into place, each by an atomic move where the file system has one.
 * A failure while writing removes the temporary files and leaves the directory as it was.
 */
public final class ReportWriters {
    private ReportWriters() {
    }

    /** The three standard writers; SARIF paths relative to the working directory. */
    public static List<ReportWriter> standard() {
        return List.of(new TextReportWriter(), new JsonReportWriter(), new SarifReportWriter());
    }

    /** Writes the three standard forms of {@code report} into {@code dir} (created if missing). */
    public static List<Path> writeAll(CompileReport report, Path dir) throws IOException {
        return writeAll(report, dir, standard());
    }

    /**
     * Writes {@code report} with each of {@code writers} into {@code dir} (created if missing).
     *
     * @return the written files, in the writers' order
     * @throws IOException if a form cannot be written; no new file is left behind then
     */
    public static List<Path> writeAll(CompileReport report, Path dir, List<ReportWriter> writers) throws IOException {
        requireNonNull(report, "report is null");
        requireNonNull(dir, "dir is null");
        requireNonNull(writers, "writers is null");
        Files.createDirectories(dir);
        List<Path> temps = new ArrayList<>(writers.size());
        List<Path> finals = new ArrayList<>(writers.size());
        try {
            for (ReportWriter w : writers) {
                Path temp = Files.createTempFile(dir, "." + w.fileName() + ".", ".tmp");
                temps.add(temp);
                try (OutputStream out = Files.newOutputStream(temp)) {
                    w.write(report, out);
                }
                finals.add(dir.resolve(w.fileName()));
            }
            for (int i = 0; i < temps.size(); i++) {
                move(temps.get(i), finals.get(i));
            }
        } finally {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        }
        return List.copyOf(finals);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
