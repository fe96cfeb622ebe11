package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.function.Function;

/**
 * The one lookup behind every config enum's {@code fromJson}: the constant whose
 * {@code config.json} spelling is {@code name}, so each enum states only its spellings and codes.
 */
final class Loihi1JsonNames {
    private Loihi1JsonNames() {
    }

    /** The constant of {@code values} spelled {@code name}, if any. */
    static <E extends Enum<E>> Optional<E> find(E[] values, Function<E, String> jsonName, String name) {
        requireNonNull(name, "name is null");
        for (E value : values) {
            if (jsonName.apply(value).equals(name)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
