package io.neuromap.compiler.ast;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.Optional;

/**
 * A keyed setting. In modulators: {@code release 0.3 per spike;}, {@code source external "r";}.
 * In simulate and target blocks: {@code dt = 1 ms;}.
 *
 * @param value empty only for {@code source external "name"}, which sets {@code external}
 * @param external the external channel name of {@code source external "name"}
 * @param per the word after {@code per}, e.g. {@code spike}
 */
public record Setting(Identifier key, Optional<Expr> value, Optional<String> external, Optional<Identifier> per,
        SourceSpan span) implements Node {
    public Setting {
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
        requireNonNull(external, "external is null");
        requireNonNull(per, "per is null");
        requireNonNull(span, "span is null");
        if (value.isPresent() == external.isPresent()) {
            throw new IllegalArgumentException("a setting has exactly one of value and external");
        }
    }
}
