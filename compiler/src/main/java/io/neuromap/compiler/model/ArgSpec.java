package io.neuromap.compiler.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One argument of a {@link Signature}.
 *
 * @param defaultValue the SI default (a number) or word default; empty when required
 * @param words the allowed words for {@link ArgKind#WORD}
 */
public record ArgSpec(String name, ArgKind kind, Optional<Object> defaultValue, List<String> words, String doc) {
    public ArgSpec {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(defaultValue, "defaultValue is null");
        words = List.copyOf(requireNonNull(words, "words is null"));
        requireNonNull(doc, "doc is null");
    }

    public boolean required() {
        return defaultValue.isEmpty();
    }

    static ArgSpec required(String name, ArgKind kind, String doc) {
        return new ArgSpec(name, kind, Optional.empty(), List.of(), doc);
    }

    static ArgSpec optional(String name, ArgKind kind, double defaultSi, String doc) {
        return new ArgSpec(name, kind, Optional.of(defaultSi), List.of(), doc);
    }

    static ArgSpec word(String name, String defaultWord, List<String> words, String doc) {
        return new ArgSpec(name, ArgKind.WORD, Optional.of(defaultWord), words, doc);
    }
}
