package io.neuromap.compiler.ast;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.List;

/**
 * A name applied to arguments: connectors ({@code fixed_prob(0.1)}), plasticity rules, stimulus
 * sources, probe kinds, response functions, functions in expressions. {@code hasParens} tells
 * {@code all_to_all} from {@code all_to_all()} so that printing round-trips.
 */
public record Invocation(Identifier name, List<Argument> arguments, boolean hasParens, SourceSpan span) implements Node {
    public Invocation {
        requireNonNull(name, "name is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        requireNonNull(span, "span is null");
    }
}
