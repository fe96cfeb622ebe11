package io.neuromap.compiler.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.ast.NetworkDecl;
import io.neuromap.compiler.ast.Program;
import io.neuromap.compiler.diag.Diagnostic;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports, cycles, missing and unreadable files, encodings. */
class SourceLoaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static List<String> headlines(Diagnostics diagnostics) {
        return diagnostics.sorted().stream().map(Diagnostic::headline).toList();
    }

    @Test
    void importsLoadOnceInDependencyOrder() throws IOException {
        write("lib/base.nmap", "const A = 1;");
        write("lib/left.nmap", "import \"base.nmap\";\nconst L = A;");
        write("lib/right.nmap", "import \"base.nmap\";\nconst R = A;");
        Path root = write("main.nmap", "import \"lib/left.nmap\";\nimport \"lib/right.nmap\";\nnetwork N {}");
        Diagnostics diagnostics = new Diagnostics();
        SourceSet set = SourceLoader.load(root, diagnostics);
        assertTrue(diagnostics.all().isEmpty(), headlines(diagnostics).toString());
        List<String> order = set.programs().stream().map(p -> Path.of(p.file()).getFileName().toString()).toList();
        assertEquals(List.of("base.nmap", "left.nmap", "right.nmap", "main.nmap"), order);
        assertEquals(1, set.root().itemsOf(NetworkDecl.class).size());
        assertEquals(4, set.files().size());
    }

    @Test
    void cycleIsReportedAtTheImportThatClosesIt() throws IOException {
        write("b.nmap", "import \"c.nmap\";");
        write("c.nmap", "const X = 1;\nimport \"b.nmap\";");
        Path root = write("a.nmap", "import \"b.nmap\";\nnetwork N {}");
        Diagnostics diagnostics = new Diagnostics();
        SourceLoader.load(root, diagnostics);
        List<Diagnostic> all = diagnostics.all();
        assertEquals(1, all.size());
        Diagnostic d = all.get(0);
        assertEquals(DiagnosticCode.IMPORT_CYCLE, d.code());
        assertTrue(d.span().file().endsWith("c.nmap"), d.span().file());
        assertEquals(2, d.span().line());
        assertTrue(d.message().endsWith("import cycle: b.nmap -> c.nmap -> b.nmap"), d.message());
    }

    @Test
    void selfImportIsACycle() throws IOException {
        Path root = write("self.nmap", "import \"self.nmap\";");
        Diagnostics diagnostics = new Diagnostics();
        SourceLoader.load(root, diagnostics);
        assertEquals("import cycle: self.nmap -> self.nmap", diagnostics.all().get(0).message());
    }

    @Test
    void missingImportIsReportedAtTheImport() throws IOException {
        Path root = write("main.nmap", "network N {}\nimport \"nope.nmap\";");
        Diagnostics diagnostics = new Diagnostics();
        SourceSet set = SourceLoader.load(root, diagnostics);
        Diagnostic d = diagnostics.all().get(0);
        assertEquals(DiagnosticCode.FILE_NOT_FOUND, d.code());
        assertEquals(2, d.span().line());
        assertEquals(1, d.span().column());
        assertTrue(d.message().startsWith("imported file `") && d.message().endsWith("nope.nmap` does not exist"), d.message());
        assertEquals("import paths are relative to the importing file", d.help().orElseThrow());
        assertEquals(1, set.programs().size(), "the root still parsed");
    }

    @Test
    void missingRootFile() {
        Diagnostics diagnostics = new Diagnostics();
        SourceSet set = SourceLoader.load(dir.resolve("absent.nmap"), diagnostics);
        assertTrue(set.programs().isEmpty());
        Diagnostic d = diagnostics.all().get(0);
        assertEquals(DiagnosticCode.FILE_NOT_FOUND, d.code());
        assertTrue(d.message().startsWith("file `"), d.message());
    }

    @Test
    void directoryIsNotAFile() {
        Diagnostics diagnostics = new Diagnostics();
        SourceLoader.load(dir, diagnostics);
        assertEquals(DiagnosticCode.UNREADABLE_FILE, diagnostics.all().get(0).code());
    }

    @Test
    void syntaxErrorInAnImportIsReportedInThatFile() throws IOException {
        write("bad.nmap", "const X = ;");
        Path root = write("main.nmap", "import \"bad.nmap\";\nnetwork N {}");
        Diagnostics diagnostics = new Diagnostics();
        SourceSet set = SourceLoader.load(root, diagnostics);
        Diagnostic d = diagnostics.all().get(0);
        assertEquals(DiagnosticCode.SYNTAX, d.code());
        assertTrue(d.span().file().endsWith("bad.nmap"));
        assertTrue(set.files().containsKey(d.span().file()), "the failing file's text is kept for rendering");
    }

    @Test
    void utf8ByteOrderMarkIsDroppedSoColumnsMatchTheEditor() throws IOException {
        Path file = dir.resolve("bom.nmap");
        byte[] text = "network N { foo }".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Files.write(file, withBom);
        Diagnostics diagnostics = new Diagnostics();
        SourceSet set = SourceLoader.load(file, diagnostics);
        Diagnostic d = diagnostics.all().get(0);
        assertEquals(13, d.span().column());
        assertFalse(set.files().values().iterator().next().text().startsWith("\uFEFF"));
    }

    @Test
    void utf16AndBinaryFilesAreRefused() throws IOException {
        Path file = dir.resolve("utf16.nmap");
        Files.write(file, "network N {}".getBytes(StandardCharsets.UTF_16LE));
        Diagnostics diagnostics = new Diagnostics();
        SourceLoader.load(file, diagnostics);
        assertEquals(1, diagnostics.all().size());
        Diagnostic d = diagnostics.all().get(0);
        assertEquals(DiagnosticCode.UNREADABLE_FILE, d.code());
        assertTrue(d.message().contains("is not UTF-8 text"), d.message());
        assertEquals("save the file as UTF-8", d.help().orElseThrow());
    }

    @Test
    void malformedUtf8IsRefused() throws IOException {
        Path file = dir.resolve("latin1.nmap");
        Files.write(file, new byte[] {'c', 'o', 'n', 's', 't', ' ', 'x', ' ', '=', ' ', (byte) 0xE9, ';'});
        Diagnostics diagnostics = new Diagnostics();
        SourceLoader.load(file, diagnostics);
        assertEquals(DiagnosticCode.UNREADABLE_FILE, diagnostics.all().get(0).code());
    }

    @Test
    void importPathThatIsNoPathIsReported() {
        Diagnostics diagnostics = new Diagnostics();
        SourceLoader.loadText("t.nmap", "import \"a\u0000b.nmap\";\nnetwork N {}", dir, diagnostics);
        Diagnostic d = diagnostics.all().get(0);
        assertEquals("t.nmap:1:1: error[NM-E0501]: `a\\u0000b.nmap` is not a valid file path", d.headline());
    }

    @Test
    void loadTextResolvesImportsAgainstTheDirectory() throws IOException {
        write("cells.nmap", "celltype C : lif {}");
        Diagnostics diagnostics = new Diagnostics();
        SourceSet set = SourceLoader.loadText("editor.nmap", "import \"cells.nmap\";\nnetwork N {}", dir, diagnostics);
        assertTrue(diagnostics.all().isEmpty());
        assertEquals(2, set.programs().size());
        Program root = set.root();
        assertEquals("editor.nmap", root.file());
    }
}
