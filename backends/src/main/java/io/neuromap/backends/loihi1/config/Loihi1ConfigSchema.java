package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON Schema of {@code config.json}, shipped in the jar at {@link #RESOURCE} so that editors
 * and other tools can validate configs too, and checked by neuromap on every write and every read.
 * Each violation becomes a {@link Loihi1ConfigProblem} at the violating element's JSON pointer.
 */
public final class Loihi1ConfigSchema {

    /** Where the schema lives in the jar. */
    public static final String RESOURCE = "/io/neuromap/backends/loihi1/config.schema.json";

    private Loihi1ConfigSchema() {
    }

    /** The compiled schema: loaded once, immutable and thread-safe afterwards. */
    private static final class Holder {
        private static final Schema SCHEMA = load();

        private static Schema load() {
            try (InputStream in = Loihi1ConfigSchema.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("config schema missing from the jar: " + RESOURCE);
                }
                SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
                return registry.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the config schema " + RESOURCE, e);
            }
        }
    }

    /**
     * Validates a parsed {@code config.json}.
     *
     * @param config the parsed document
     * @param file the file name problems are attributed to
     * @return every violation, located by JSON pointer; empty when the document conforms
     */
    public static List<Loihi1ConfigProblem> validate(JsonNode config, String file) {
        requireNonNull(config, "config is null");
        requireNonNull(file, "file is null");
        List<Loihi1ConfigProblem> problems = new ArrayList<>();
        for (Error error : Holder.SCHEMA.validate(config)) {
            problems.add(new Loihi1ConfigProblem(file, pointer(error.getInstanceLocation()), error.getMessage()));
        }
        return problems;
    }

    /** A JSON pointer (RFC 6901) for a validator path, whatever path style the library prints. */
    static String pointer(NodePath path) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            String name = String.valueOf(element);
            text.append('/').append(name.replace("~", "~0").replace("/", "~1"));
        }
        return text.toString();
    }
}
