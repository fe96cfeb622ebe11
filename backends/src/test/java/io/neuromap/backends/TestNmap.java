package io.neuromap.backends;

import static org.junit.jupiter.api.Assertions.fail;

import io.neuromap.compiler.Compiler;
import io.neuromap.compiler.diag.DiagnosticRenderer;
import io.neuromap.compiler.ir.Network;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test support shared by the backends' and (through the test-jar) the emulator's tests: .nmap text
 * written as {@value #FILE_NAME} and elaborated through the compiler's facade, as the CLI does. A
 * network that does not elaborate fails the test with the rendered diagnostics and the text.
 */
public final class TestNmap {
    /** The name the text is written under, so spans and data files resolve next to it. */
    public static final String FILE_NAME = "net.nmap";

    private TestNmap() {
    }

    /** The network of {@code text}, written into {@code dir}; it must elaborate. */
    public static Network elaborate(Path dir, String text) {
        try {
            Path file = dir.resolve(FILE_NAME);
            Files.writeString(file, text);
            Compiler.ElaborateResult result = Compiler.elaborate(file);
            if (result.network().isEmpty()) {
                fail("the test network does not elaborate:\n" + new DiagnosticRenderer(result.sources().files())
                        .renderAll(result.diagnostics()) + "\n" + text);
            }
            return result.network().get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The network of {@code text}, written into a fresh temporary directory; it must elaborate. */
    public static Network elaborate(String text) {
        try {
            return elaborate(Files.createTempDirectory("neuromap-test"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
