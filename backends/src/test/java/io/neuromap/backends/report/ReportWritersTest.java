package io.neuromap.backends.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWritersTest {
    @TempDir
    Path dir;

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesAllThreeForms() throws IOException {
        CompileReport report = ReportFixtures.infeasible();
        List<Path> written = ReportWriters.writeAll(report, dir.resolve("out"));
        assertEquals(List.of("report.txt", "report.json", "report.sarif"),
                written.stream().map(p -> p.getFileName().toString()).toList());
        assertArrayEquals(new TextReportWriter().render(report), Files.readAllBytes(written.get(0)));
        assertArrayEquals(new JsonReportWriter().render(report), Files.readAllBytes(written.get(1)));
        assertEquals(List.of(), SarifReportWriterTest.validate(Files.readAllBytes(written.get(2))));
    }

    @Test
    void aFailingWriterLeavesNoFileAndKeepsTheOldReports() throws IOException {
        Files.writeString(dir.resolve("report.txt"), "old");
        ReportWriter failing = new ReportWriter() {
            @Override
            public String fileName() {
                return "report.sarif";
            }

            @Override
            public void write(CompileReport report, OutputStream out) throws IOException {
                out.write("{\"partial".getBytes(StandardCharsets.UTF_8));
                throw new IOException("disk full");
            }
        };
        assertThrows(IOException.class, () -> ReportWriters.writeAll(ReportFixtures.infeasible(), dir,
                List.of(new TextReportWriter(), new JsonReportWriter(), failing)));
        assertEquals(List.of("report.txt"), listing());
        assertEquals("old", Files.readString(dir.resolve("report.txt")));
    }
}
