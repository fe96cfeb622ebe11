package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a Loihi 1 config ({@code config.json} and its sidecars) into a validated
 * {@link Loihi1Config}: JSON syntax, then the schema, then every table streamed and checked row by
 * row, then the cross-references and trees ({@link Loihi1ConfigValidator}). Any problem, in any
 * phase, ends in one {@link Loihi1ConfigException} listing all problems of that phase with their
 * locations; nothing is half-read.
 */
public final class Loihi1ConfigReader {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Loihi1ConfigReader() {
    }

    /**
     * Reads the config at {@code path}: a config directory (holding {@code config.json}) or a
     * {@code .json} file; sidecars are resolved beside it.
     *
     * @throws Loihi1ConfigException with every problem found, each located
     */
    public static Loihi1Config read(Path path) throws Loihi1ConfigException {
        requireNonNull(path, "path is null");
        boolean directory = Files.isDirectory(path) || !path.getFileName().toString().endsWith(".json");
        Path file = directory ? path.resolve(Loihi1ConfigDescriptor.CONFIG_FILE) : path;
        Path dir = file.toAbsolutePath().getParent();
        String name = file.getFileName().toString();
        Loihi1ConfigProblems problems = new Loihi1ConfigProblems(name);
        JsonNode root = parse(file, name);
        versionCheck(root, problems);
        problems.throwIfAny();
        problems.addAll(Loihi1ConfigSchema.validate(root, name));
        problems.throwIfAny();
        Loihi1Config config = Loihi1ConfigJson.decode(root, dir, problems);
        problems.throwIfAny();
        Loihi1ConfigValidator.validate(config, problems, false);
        problems.throwIfAny();
        return config;
    }

    private static JsonNode parse(Path file, String name) throws Loihi1ConfigException {
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode root = MAPPER.readTree(in);
            if (root == null || !root.isObject()) {
                throw new Loihi1ConfigException(new Loihi1ConfigProblem(name, "", "expected a JSON object"));
            }
            return root;
        } catch (NoSuchFileException e) {
            throw new Loihi1ConfigException(new Loihi1ConfigProblem(name, "", "file not found ("
                    + file.toAbsolutePath() + ")"));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new Loihi1ConfigException(new Loihi1ConfigProblem(name, "", where + "invalid JSON: "
                    + firstLine(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new Loihi1ConfigException(new Loihi1ConfigProblem(name, "", "cannot read: " + e.getMessage()));
        }
    }

    /** Format, target and version first: a newer file gets one clear message, not schema noise. */
    private static void versionCheck(JsonNode root, Loihi1ConfigProblems problems) {
        JsonNode format = root.get(Loihi1ConfigDescriptor.K_FORMAT);
        if (format == null || !Loihi1ConfigDescriptor.FORMAT.equals(format.asText())) {
            problems.add("/" + Loihi1ConfigDescriptor.K_FORMAT, "expected \"format\": \""
                    + Loihi1ConfigDescriptor.FORMAT + "\", found " + (format == null ? "none" : format)
                    + ": this is not a neuromap Loihi 1 config");
            return;
        }
        JsonNode version = root.get(Loihi1ConfigDescriptor.K_VERSION);
        if (version == null || !version.isInt() || version.asInt() != Loihi1ConfigDescriptor.VERSION) {
            problems.add("/" + Loihi1ConfigDescriptor.K_VERSION, "format version " + version
                    + " is not supported: this neuromap reads version " + Loihi1ConfigDescriptor.VERSION);
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
