package io.neuromap.compiler.pass;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Options for a pipeline run ({@code seed=7}, {@code target=loihi1}), as text: every pass sees
 * the same options and parses what it needs. Immutable.
 */
public final class PassOptions {
    private static final PassOptions EMPTY = new PassOptions(Map.of());

    private final Map<String, String> values;

    private PassOptions(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static PassOptions empty() {
        return EMPTY;
    }

    public static PassOptions of(Map<String, String> values) {
        return new PassOptions(requireNonNull(values, "values is null"));
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** True if the option is set to {@code true} or given without a value. */
    public boolean flag(String key) {
        String value = values.get(key);
        return value != null && (value.isEmpty() || value.equalsIgnoreCase("true"));
    }

    public Map<String, String> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PassOptions p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "PassOptions" + new TreeMap<>(values);
    }
}
