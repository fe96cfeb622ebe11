package io.neuromap.backends.loihi1;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.Compiler;
import io.neuromap.compiler.ir.Network;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a spec into a directory and elaborates or compiles it, for tests. */
public final class Specs {
    private Specs() {
    }

    /** The elaborated network of {@code text}; fails the test on any diagnostic error. */
    public static Network elaborate(Path dir, String text) {
        Compiler.ElaborateResult r = Compiler.elaborate(write(dir, text));
        assertTrue(r.network().isPresent(), () -> text + "\n" + r.diagnostics().all());
        return r.network().get();
    }

    /** {@code text} compiled for Loihi 1 with {@code options}. */
    public static Loihi1CompileResult compile(Path dir, String text, Loihi1CompileOptions options) {
        Loihi1CompileResult r = Loihi1Compiler.compile(write(dir, text), options);
        assertTrue(!r.diagnostics().hasErrors(), () -> text + "\n" + r.diagnostics().all());
        return r;
    }

    private static Path write(Path dir, String text) {
        try {
            Path file = Files.createTempFile(dir, "spec", ".nmap");
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
