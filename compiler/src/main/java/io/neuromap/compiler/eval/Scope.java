package io.neuromap.compiler.eval;

import io.neuromap.compiler.ast.QualifiedName;
import io.neuromap.compiler.units.Quantity;
import java.util.Optional;

/**
 * What names mean where an expression is evaluated: constants, {@code let} variables and already
 * bound parameters of the current neuron, and (in pathway effects) modulator concentrations.
 */
public interface Scope {
    /** The value of a name, or empty if the name is unknown here. */
    Optional<Quantity> lookup(QualifiedName name);

    /** The concentration of a modulator, or empty where concentrations are not defined. */
    default Optional<Quantity> concentration(String modulator) {
        return Optional.empty();
    }

    /** Names visible here, for "did you mean" suggestions. */
    default java.util.Collection<String> visibleNames() {
        return java.util.List.of();
    }

    /** A scope with no names. */
    Scope EMPTY = name -> Optional.empty();

    /** A scope that sees the given named constants (single, undotted names) and nothing per neuron. */
    static Scope ofConstants(java.util.Map<String, Quantity> constants) {
        return new Scope() {
            @Override
            public Optional<Quantity> lookup(QualifiedName name) {
                return name.parts().size() == 1 ? Optional.ofNullable(constants.get(name.text())) : Optional.empty();
            }

            @Override
            public java.util.Collection<String> visibleNames() {
                return constants.keySet();
            }
        };
    }
}
