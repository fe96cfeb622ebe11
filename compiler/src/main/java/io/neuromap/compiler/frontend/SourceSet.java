package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.Program;
import io.neuromap.compiler.source.SourceFile;
import java.util.List;
import java.util.Map;

/**
 * A root file and everything it imports, parsed.
 *
 * @param programs parsed files in dependency order: every file after the files it imports; the root last
 * @param files the text of every file read (also those that failed to parse), by the name spans use
 */
public record SourceSet(List<Program> programs, Map<String, SourceFile> files) {
    public SourceSet {
        programs = List.copyOf(requireNonNull(programs, "programs is null"));
        files = Map.copyOf(requireNonNull(files, "files is null"));
    }

    /** The file the user named. */
    public Program root() {
        return programs.get(programs.size() - 1);
    }
}
