package io.neuromap.compiler.pass;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.diag.Suggestions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The passes a tool knows by name, and named pipelines ({@code check} = {@code load,analyse}),
 * so that {@code --pipeline=check,partition} can be written as text. Immutable once built.
 */
public final class PassRegistry {
    private final Map<String, Pass<?, ?>> passes;
    private final Map<String, String> pipelines;

    private PassRegistry(Map<String, Pass<?, ?>> passes, Map<String, String> pipelines) {
        this.passes = Collections.unmodifiableMap(new LinkedHashMap<>(passes));
        this.pipelines = Collections.unmodifiableMap(new LinkedHashMap<>(pipelines));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Pass<?, ?>> pass(String name) {
        return Optional.ofNullable(passes.get(name));
    }

    /** Pass names in registration order. */
    public List<String> passNames() {
        return List.copyOf(passes.keySet());
    }

    /** Named pipelines and their text. */
    public Map<String, String> pipelines() {
        return pipelines;
    }

    /**
     * Parses pipeline text: pass or pipeline names separated by commas, whitespace ignored
     * ({@code load, analyse}). Named pipelines expand in place.
     *
     * @throws PipelineException for an empty element, an unknown name (with a suggestion), or
     *         passes whose IR kinds do not chain
     */
    public Pipeline parse(String text) {
        requireNonNull(text, "text is null");
        List<Pass<?, ?>> out = new ArrayList<>();
        expand(text, out, new LinkedHashSet<>());
        return new Pipeline(text.replaceAll("\\s+", ""), out);
    }

    /**
     * Checks a list of pass names (for {@code --print-ir-after=a,b}); every name must be a
     * registered pass.
     */
    public List<String> passNamesIn(String text) {
        List<String> names = new ArrayList<>();
        for (String raw : text.split(",", -1)) {
            String name = raw.trim();
            if (!passes.containsKey(name)) {
                throw unknown(name, text, passes.keySet());
            }
            names.add(name);
        }
        return names;
    }

    private void expand(String text, List<Pass<?, ?>> out, Set<String> expanding) {
        if (text.isBlank()) {
            throw new PipelineException("empty pipeline: name at least one pass, e.g. `" + String.join(",", passes.keySet()) + "`");
        }
        for (String raw : text.split(",", -1)) {
            String name = raw.trim();
            if (name.isEmpty()) {
                throw new PipelineException("empty pass name in pipeline `" + text.trim() + "`: remove the extra `,`");
            }
            Pass<?, ?> pass = passes.get(name);
            if (pass != null) {
                out.add(pass);
            } else if (pipelines.containsKey(name)) {
                if (!expanding.add(name)) {
                    throw new PipelineException("pipeline `" + name + "` is defined in terms of itself");
                }
                expand(pipelines.get(name), out, expanding);
                expanding.remove(name);
            } else {
                Set<String> known = new LinkedHashSet<>(passes.keySet());
                known.addAll(pipelines.keySet());
                throw unknown(name, text, known);
            }
        }
    }

    private static PipelineException unknown(String name, String text, Set<String> known) {
        Optional<String> near = Suggestions.closest(name, known);
        return new PipelineException("unknown pass `" + name + "` in `" + text.trim() + "`"
                + near.map(n -> "; did you mean `" + n + "`?").orElse("")
                + " (known: " + String.join(", ", known) + ")");
    }

    /** Collects passes and named pipelines; names must be unique across both. */
    public static final class Builder {
        private final Map<String, Pass<?, ?>> passes = new LinkedHashMap<>();
        private final Map<String, String> pipelines = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder add(Pass<?, ?> pass) {
            requireNonNull(pass, "pass is null");
            checkFree(pass.name());
            passes.put(pass.name(), pass);
            return this;
        }

        /** A named pipeline, e.g. {@code pipeline("check", "load,analyse")}; checked when built. */
        public Builder pipeline(String name, String text) {
            checkFree(name);
            pipelines.put(name, requireNonNull(text, "text is null"));
            return this;
        }

        public PassRegistry build() {
            PassRegistry registry = new PassRegistry(passes, pipelines);
            for (String text : pipelines.values()) {
                registry.parse(text);
            }
            return registry;
        }

        private void checkFree(String name) {
            requireNonNull(name, "name is null");
            if (!name.matches("[a-z][a-z0-9_-]*")) {
                throw new IllegalArgumentException("pass and pipeline names are lower-case words: " + name);
            }
            if (passes.containsKey(name) || pipelines.containsKey(name)) {
                throw new IllegalArgumentException("`" + name + "` is registered twice");
            }
        }
    }
}
