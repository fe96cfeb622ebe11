package io.neuromap.backends.loihi1.mapping;

import static org.junit.jupiter.api.Assertions.fail;

import io.neuromap.compiler.Compiler;
import io.neuromap.compiler.diag.Diagnostic;
import io.neuromap.compiler.ir.Network;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Test support: elaborates .nmap text through the compiler's facade, as the CLI will. */
final class Networks {
    private Networks() {
    }

    static Network elaborate(String text) {
        try {
            Path dir = Files.createTempDirectory("neuromap-mapping");
            Path file = dir.resolve("net.nmap");
            Files.writeString(file, text);
            Compiler.ElaborateResult result = Compiler.elaborate(file);
            if (result.network().isEmpty()) {
                fail("the test network does not elaborate:\n" + result.diagnostics().all().stream()
                        .map(Diagnostic::headline).collect(Collectors.joining("\n")) + "\n" + text);
            }
            return result.network().get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code body} wrapped in a network with dt = 1 ms. */
    static Network net(String body) {
        return elaborate("network T {\n" + body + "\n}\nsimulate T { dt = 1 ms; seed = 3; }\n");
    }
}
