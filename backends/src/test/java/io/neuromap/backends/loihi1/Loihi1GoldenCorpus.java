package io.neuromap.backends.loihi1;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Loihi 1 golden files a test runs over: the copies bundled in the test resources
 * ({@code golden/loihi1/}), plus every {@code *.json} under the directory named by the system
 * property {@code neuromap.golden.dir}, if it is set (DESIGN.md §Golden tests). Tests pick the
 * files of the kinds they know from each file's content; files of other kinds are left to the
 * tests that know them.
 */
public final class Loihi1GoldenCorpus {
    /** The system property naming an extra directory of golden files. */
    public static final String EXTRA_DIR_PROPERTY = "neuromap.golden.dir";

    private static final String BUNDLED = "/golden/loihi1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One parsed golden file. */
    public record GoldenFile(Path path, JsonNode root) {
        public GoldenFile {
            requireNonNull(path, "path is null");
            requireNonNull(root, "root is null");
        }

        /** A short name for test display: the file name, with its directory for extra files. */
        public String label() {
            return path.getFileName().toString();
        }
    }

    private Loihi1GoldenCorpus() {
    }

    /** The bundled golden files. */
    public static List<GoldenFile> bundled() {
        return readAll(jsonFilesUnder(bundledDir()));
    }

    /** The bundled golden files and those of the extra directory, if one is given. */
    public static List<GoldenFile> all() {
        List<Path> paths = new ArrayList<>(jsonFilesUnder(bundledDir()));
        String extra = System.getProperty(EXTRA_DIR_PROPERTY);
        if (extra != null && !extra.isBlank()) {
            Path dir = Paths.get(extra);
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("-D" + EXTRA_DIR_PROPERTY + "=" + extra + " is not a directory");
            }
            paths.addAll(jsonFilesUnder(dir));
        }
        return readAll(paths);
    }

    private static Path bundledDir() {
        URL url = Loihi1GoldenCorpus.class.getResource(BUNDLED);
        if (url == null) {
            throw new IllegalStateException("test resources lack " + BUNDLED);
        }
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad resource URL " + url, e);
        }
    }

    private static List<Path> jsonFilesUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static List<GoldenFile> readAll(List<Path> paths) {
        List<GoldenFile> files = new ArrayList<>();
        for (Path path : paths) {
            try {
                files.add(new GoldenFile(path, JSON.readTree(path.toFile())));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read golden file " + path, e);
            }
        }
        return files;
    }
}
