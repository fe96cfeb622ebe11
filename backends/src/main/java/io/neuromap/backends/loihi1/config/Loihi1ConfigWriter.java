package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes a {@link Loihi1Config} as {@code config.json} plus sidecars, so that a failure never
 * leaves a partial config: the config is validated and encoded into a temporary directory, the
 * JSON checked against the schema, and only then published. A new directory is published by one
 * atomic rename. Into an existing directory (where reports may already sit) an old
 * {@code config.json} is removed first, the sidecars are moved in, and {@code config.json} comes
 * last, so a directory holds a {@code config.json} only when everything it names is there; if a
 * move fails, the sidecars already moved are removed again. Output is deterministic: the same config gives the same bytes.
 */
public final class Loihi1ConfigWriter {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private Loihi1ConfigWriter() {
    }

    /**
     * Writes {@code config} into {@code dir} (created if missing).
     *
     * @return the path of the written {@code config.json}
     * @throws Loihi1ConfigException if the config is invalid (every problem, located) or cannot be
     *     written; nothing is left behind in either case
     */
    public static Path write(Loihi1Config config, Path dir) throws Loihi1ConfigException {
        requireNonNull(config, "config is null");
        requireNonNull(dir, "dir is null");
        Loihi1ConfigProblems problems = new Loihi1ConfigProblems(Loihi1ConfigDescriptor.CONFIG_FILE);
        Loihi1ConfigValidator.validate(config, problems, true);
        problems.throwIfAny();
        Path target = dir.toAbsolutePath().normalize();
        boolean exists = Files.isDirectory(target);
        Path temp = null;
        try {
            Path parent = exists ? target : target.getParent();
            Files.createDirectories(parent);
            temp = parent.resolve("." + (exists ? "config" : target.getFileName()) + ".tmp-" + UUID.randomUUID());
            Files.createDirectory(temp);
            ObjectNode root = Loihi1ConfigJson.encode(config, temp);
            problems.addAll(Loihi1ConfigSchema.validate(root, Loihi1ConfigDescriptor.CONFIG_FILE));
            problems.throwIfAny();
            try (OutputStream out = Files.newOutputStream(temp.resolve(Loihi1ConfigDescriptor.CONFIG_FILE))) {
                out.write(PRETTY.writeValueAsBytes(root));
                out.write('\n');
            }
            if (exists) {
                publishInto(temp, target);
            } else {
                move(temp, target);
            }
            temp = null;
            return target.resolve(Loihi1ConfigDescriptor.CONFIG_FILE);
        } catch (IOException e) {
            throw new Loihi1ConfigException(new Loihi1ConfigProblem(dir.toString(), "", "cannot write the config: "
                    + describe(e)));
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    /** An I/O failure in words: many carry only the path as their message, or none. */
    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase(java.util.Locale.ROOT);
        return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
    }

    private static void publishInto(Path temp, Path target) throws IOException {
        List<Path> sidecars = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(temp)) {
            for (Path file : files) {
                if (!file.getFileName().toString().equals(Loihi1ConfigDescriptor.CONFIG_FILE)) {
                    sidecars.add(file);
                }
            }
        }
        sidecars.sort(Comparator.naturalOrder());
        // An old config.json would name sidecars that are about to change: remove it first, so
        // that a failure below leaves no config rather than a mixed one.
        Files.deleteIfExists(target.resolve(Loihi1ConfigDescriptor.CONFIG_FILE));
        List<Path> moved = new ArrayList<>();
        try {
            for (Path sidecar : sidecars) {
                Path to = target.resolve(sidecar.getFileName());
                move(sidecar, to);
                moved.add(to);
            }
            move(temp.resolve(Loihi1ConfigDescriptor.CONFIG_FILE), target.resolve(Loihi1ConfigDescriptor.CONFIG_FILE));
        } catch (IOException e) {
            for (Path path : moved) {
                Files.deleteIfExists(path);
            }
            throw e;
        }
        Files.delete(temp);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // Best effort: the temporary directory is hidden and named as such.
                }
            });
        } catch (IOException ignored) {
            // Nothing more can be done about a temporary directory that cannot be listed.
        }
    }
}
