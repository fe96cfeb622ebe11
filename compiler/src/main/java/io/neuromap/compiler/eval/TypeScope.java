package io.neuromap.compiler.eval;

import io.neuromap.compiler.ast.Identifier;
import io.neuromap.compiler.ast.QualifiedName;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What names mean where an expression is checked (not evaluated): constants with their values,
 * and per-neuron names ({@code let} variables, earlier parameters, concentrations) with their
 * dimension and range only. The analysis counterpart of {@link Scope}.
 */
public interface TypeScope {
    /** What is known of a name, or empty if the name is unknown here. */
    Optional<Typed> lookup(QualifiedName name);

    /** The values of the constants visible here, for evaluating the parts of an expression that are constant. */
    Scope values();

    /** True where {@code [X]} means a modulator concentration (pathway effects). */
    default boolean allowsConcentrations() {
        return false;
    }

    /** What is known of a modulator concentration; empty if no such modulator is declared. */
    default Optional<Typed> concentration(Identifier modulator) {
        return Optional.empty();
    }

    /** Modulators whose concentrations may be used here, for suggestions. */
    default Collection<String> modulatorNames() {
        return List.of();
    }

    /** Names visible here, for "did you mean" suggestions. */
    default Collection<String> visibleNames() {
        return List.of();
    }

    /** A specific fix for an unknown name (e.g. "it is bound later"), if the scope knows one. */
    default Optional<String> unknownNameHelp(QualifiedName name) {
        return Optional.empty();
    }
}
