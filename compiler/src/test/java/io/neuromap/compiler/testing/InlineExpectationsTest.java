package io.neuromap.compiler.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness itself: how expectations are read, and that it fails when it should. */
class InlineExpectationsTest {
    @TempDir
    Path dir;

    @Test
    void readsEveryFormOfExpectation() {
        SourceFile file = new SourceFile("f.nmap", String.join("\n",
                "x = 1; // error[NM-E0202]: expects a time",
                "// warning[NM-W0001]@+2",
                "// error[NM-E0001]@-1:13: missing `;`",
                "y // note[NM-E0101]@:4",
                "z // just a comment // error[NM-E0105]@+0: second comment on the line"));
        List<InlineExpectations.Expectation> e = InlineExpectations.parse(file);
        assertEquals(5, e.size());
        assertEquals(new InlineExpectations.Expectation("f.nmap", 1, Optional.empty(), "error", "NM-E0202",
                Optional.of("expects a time"), 1), e.get(0));
        assertEquals(4, e.get(1).line());
        assertEquals("warning", e.get(1).severity());
        assertTrue(e.get(1).message().isEmpty());
        assertEquals(2, e.get(2).line());
        assertEquals(Optional.of(13), e.get(2).column());
        assertEquals(Optional.of("missing `;`"), e.get(2).message());
        assertEquals(4, e.get(3).line());
        assertEquals(Optional.of(4), e.get(3).column());
        assertEquals(5, e.get(4).line());
        assertEquals("NM-E0105", e.get(4).code());
    }

    @Test
    void passesWhenDiagnosticsMatch() throws IOException {
        Path file = write("ok.nmap", "const A = 1 +; // error[NM-E0001]:14: unexpected `;`\n");
        assertEquals(List.of(), InlineExpectations.check(file));
    }

    @Test
    void failsOnAMissingExpectedDiagnostic() throws IOException {
        Path file = write("missing.nmap", "const A := 1; // error[NM-E0005]\n// error[NM-E0005]@+1\nconst B = 2;\n");
        List<String> problems = InlineExpectations.check(file);
        assertTrue(problems.get(0).startsWith("missing:    " + file + ":3: error[NM-E0005]"), problems.get(0));
        assertEquals(2, problems.size(), "the mismatch and the rendered diagnostics");
    }

    @Test
    void failsOnAnUnexpectedDiagnostic() throws IOException {
        Path file = write("unexpected.nmap", "const A := 1;\n");
        List<String> problems = InlineExpectations.check(file);
        assertEquals("unexpected: " + file + ":1:9: error[NM-E0005]: `:=` is not an operator of the language", problems.get(0));
    }

    @Test
    void failsOnWrongColumnOrMessage() throws IOException {
        Path column = write("column.nmap", "const A := 1; // error[NM-E0005]:10\n");
        assertTrue(InlineExpectations.check(column).get(0).contains("closest: "), InlineExpectations.check(column).get(0));
        Path message = write("message.nmap", "const A := 1; // error[NM-E0005]: is fine\n");
        assertTrue(InlineExpectations.check(message).get(0).startsWith("missing:"));
    }

    @Test
    void twoDiagnosticsOnALineNeedTwoExpectations() throws IOException {
        Path one = write("one.nmap", "const A = 1 # 2 #; // error[NM-E0004]\n");
        assertTrue(InlineExpectations.check(one).get(0).startsWith("unexpected: "));
        Path two = write("two.nmap", "// error[NM-E0004]@+1:13\nconst A = 1 # 2 #; // error[NM-E0004]:17\n");
        assertEquals(List.of(), InlineExpectations.check(two));
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
