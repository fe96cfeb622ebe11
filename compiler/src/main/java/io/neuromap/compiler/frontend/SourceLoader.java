package io.neuromap.compiler.frontend;

import io.neuromap.compiler.ast.ImportDecl;
import io.neuromap.compiler.ast.Program;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.source.SourceFile;
import io.neuromap.compiler.source.SourceSpan;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a root file and, depth first, every file it imports (paths relative to the importing
 * file). Each file is read and parsed once however often it is imported; a cycle or a missing
 * file is reported at the {@code import} that causes it.
 */
public final class SourceLoader {
    /** Files larger than this are refused rather than parsed (a .nmap file is text written by people). */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    /**
     * A UTF-8 byte-order mark: dropped when a file is read, so that columns count as the editor
     * shows them. (Notepad writes one; UTF-8 needs none.)
     */
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Diagnostics diagnostics;
    private final Map<Path, Program> parsed = new LinkedHashMap<>();
    private final Map<String, SourceFile> files = new LinkedHashMap<>();
    private final List<Program> ordered = new ArrayList<>();
    private final Set<Path> failed = new HashSet<>();
    private final Deque<Path> stack = new ArrayDeque<>();

    private SourceLoader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Loads {@code root} and its imports. The result holds every file that parsed; errors are in {@code diagnostics}. */
    public static SourceSet load(Path root, Diagnostics diagnostics) {
        SourceLoader loader = new SourceLoader(diagnostics);
        loader.visit(root, root.toString(), SourceSpan.synthetic(root.toString()), true);
        return new SourceSet(loader.ordered, loader.files);
    }

    /** Parses text that is not on disk (tests, editors); imports resolve against {@code directory}. */
    public static SourceSet loadText(String name, String text, Path directory, Diagnostics diagnostics) {
        SourceLoader loader = new SourceLoader(diagnostics);
        SourceFile file = new SourceFile(name, text);
        loader.files.put(name, file);
        Optional<Program> program = Parser.parse(file, diagnostics);
        if (program.isPresent()) {
            Path key = directory.resolve(name).toAbsolutePath().normalize();
            loader.stack.push(key);
            loader.imports(program.get(), directory);
            loader.stack.pop();
            loader.ordered.add(program.get());
        }
        return new SourceSet(loader.ordered, loader.files);
    }

    private void visit(Path path, String displayName, SourceSpan importSpan, boolean isRoot) {
        Path key = path.toAbsolutePath().normalize();
        if (stack.contains(key)) {
            List<Path> cycle = new ArrayList<>(stack);
            Collections.reverse(cycle);
            int from = cycle.indexOf(key);
            String chain = cycle.subList(from, cycle.size()).stream().map(p -> p.getFileName().toString())
                    .collect(Collectors.joining(" -> ")) + " -> " + key.getFileName();
            diagnostics.report(DiagnosticCode.IMPORT_CYCLE, importSpan, "import cycle: " + chain,
                    "move the shared declarations into a file that none of these import");
            return;
        }
        if (parsed.containsKey(key) || failed.contains(key)) {
            return;
        }
        Optional<String> text = read(path, displayName, importSpan, isRoot);
        if (text.isEmpty()) {
            failed.add(key);
            return;
        }
        SourceFile file = new SourceFile(displayName, text.get());
        files.put(displayName, file);
        Optional<Program> program = Parser.parse(file, diagnostics);
        if (program.isEmpty()) {
            failed.add(key);
            return;
        }
        stack.push(key);
        imports(program.get(), key.getParent());
        stack.pop();
        parsed.put(key, program.get());
        ordered.add(program.get());
    }

    private void imports(Program program, Path directory) {
        for (ImportDecl decl : program.itemsOf(ImportDecl.class)) {
            Path target;
            try {
                target = directory == null ? Path.of(decl.path()) : directory.resolve(decl.path());
            } catch (InvalidPathException e) {
                diagnostics.report(DiagnosticCode.FILE_NOT_FOUND, decl.span(), "`" + printable(decl.path())
                        + "` is not a valid file path", "import paths are relative to the importing file, e.g. `common/cells.nmap`");
                continue;
            }
            String display = relativeName(target);
            visit(target, display, decl.span(), false);
        }
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static String relativeName(Path target) {
        Path normal = target.normalize();
        Path cwd = Path.of("").toAbsolutePath();
        if (normal.isAbsolute() && normal.startsWith(cwd)) {
            return cwd.relativize(normal).toString();
        }
        return normal.toString();
    }

    /** A NUL byte never occurs in a UTF-8 text file, but in every UTF-16 one and in most binary files. */
    private static boolean looksBinary(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasByteOrderMark(byte[] bytes) {
        return bytes.length >= UTF8_BOM.length && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1] && bytes[2] == UTF8_BOM[2];
    }

    private Optional<String> read(Path path, String displayName, SourceSpan span, boolean isRoot) {
        String what = isRoot ? "file" : "imported file";
        if (!Files.exists(path)) {
            diagnostics.report(DiagnosticCode.FILE_NOT_FOUND, span, what + " `" + displayName + "` does not exist",
                    isRoot ? "check the path" : "import paths are relative to the importing file");
            return Optional.empty();
        }
        if (Files.isDirectory(path)) {
            diagnostics.report(DiagnosticCode.UNREADABLE_FILE, span, "`" + displayName + "` is a directory, not a .nmap file");
            return Optional.empty();
        }
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                diagnostics.report(DiagnosticCode.UNREADABLE_FILE, span, what + " `" + displayName + "` is larger than "
                        + (MAX_FILE_BYTES >> 20) + " MiB", "large data belongs in from_list(\"file.csv\")");
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(path);
            if (looksBinary(bytes)) {
                diagnostics.report(DiagnosticCode.UNREADABLE_FILE, span, what + " `" + displayName
                        + "` is not UTF-8 text (it contains NUL bytes: UTF-16, or not text at all)", "save the file as UTF-8");
                return Optional.empty();
            }
            int start = hasByteOrderMark(bytes) ? UTF8_BOM.length : 0;
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString());
        } catch (CharacterCodingException e) {
            diagnostics.report(DiagnosticCode.UNREADABLE_FILE, span, what + " `" + displayName + "` is not UTF-8 text",
                    "save the file as UTF-8");
        } catch (IOException | SecurityException e) {
            diagnostics.report(DiagnosticCode.UNREADABLE_FILE, span, "cannot read " + what + " `" + displayName + "`: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        return Optional.empty();
    }
}
