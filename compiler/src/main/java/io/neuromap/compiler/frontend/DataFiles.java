package io.neuromap.compiler.frontend;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a data file named in a {@code .nmap} file is ({@code from_list("syn.csv")}): relative
 * paths are relative to the directory of the file that names it, as imports are. Analysis and
 * elaboration both resolve through here.
 */
public final class DataFiles {
    private DataFiles() {
    }

    /**
     * @param sourceFile the name of the {@code .nmap} file, as its spans carry it
     * @param path the path as written
     * @return the resolved path, or empty if {@code path} is not a valid path on this system
     */
    public static Optional<Path> resolve(String sourceFile, String path) {
        try {
            Path p = Path.of(path);
            if (p.isAbsolute()) {
                return Optional.of(p.normalize());
            }
            Path parent = Path.of(sourceFile).toAbsolutePath().getParent();
            return Optional.of((parent == null ? p : parent.resolve(p)).normalize());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
