package io.neuromap.backends.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * One output form of a {@link CompileReport}. Every writer is deterministic: the same report
 * gives the same bytes (UTF-8, {@code \n} line ends), whatever the machine's locale or line
 * separator; only pass timings, when the report carries them, change between runs.
 */
public interface ReportWriter {
    /** The file name in the output directory ({@code report.txt}). */
    String fileName();

    /** Writes {@code report} to {@code out}; does not close it. */
    void write(CompileReport report, OutputStream out) throws IOException;

    /** The bytes {@link #write} produces. */
    default byte[] render(CompileReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
