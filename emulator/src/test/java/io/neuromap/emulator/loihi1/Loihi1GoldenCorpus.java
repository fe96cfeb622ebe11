package io.neuromap.emulator.loihi1;

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
 * The Loihi 1 golden files the emulator tests replay: the copies bundled in this module's test
 * resources ({@code golden/loihi1/}, copied from {@code shared/golden/} so tests run in any clone),
 * plus every {@code *.json} under the directory named by {@code -Dneuromap.golden.dir=DIR}
 * (DESIGN.md §Golden tests). Which files a test can replay is decided from each file's layout
 * ({@link Loihi1GoldenConfigs#kindOf}); the others are left to the tests that know them.
 */
final class Loihi1GoldenCorpus {

    /** The system property naming an extra directory of golden files. */
    static final String EXTRA_DIR_PROPERTY = "neuromap.golden.dir";

    private static final String BUNDLED = "/golden/loihi1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One parsed golden file. */
    record GoldenFile(Path path, JsonNode root) {
        GoldenFile {
            requireNonNull(path, "path is null");
            requireNonNull(root, "root is null");
        }

        /** The file name, for test names and mismatch messages. */
        String label() {
            return path.getFileName().toString();
        }
    }

    private Loihi1GoldenCorpus() {
    }

    /** The bundled golden files. */
    static List<GoldenFile> bundled() {
        return readAll(jsonFilesUnder(bundledDir()));
    }

    /** The bundled golden files and those of the extra directory, if one is given. */
    static List<GoldenFile> all() {
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
