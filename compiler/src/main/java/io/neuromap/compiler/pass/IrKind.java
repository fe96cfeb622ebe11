package io.neuromap.compiler.pass;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Function;

/**
 * A kind of intermediate representation that passes consume and produce: its name (what
 * pipelines and {@code --print-ir-after} show), its Java type, the verifier the pass manager runs
 * on every value of this kind a pass produces, and how to print one. Declaring the verifier with
 * the kind means no pass can produce it unchecked. (MLIR: the IR verifies itself after every pass.)
 *
 * @param <T> the Java type of the representation
 */
public final class IrKind<T> {
    private final String name;
    private final Class<T> type;
    private final Verifier<T> verifier;
    private final Function<T, String> dumper;

    private IrKind(String name, Class<T> type, Verifier<T> verifier, Function<T, String> dumper) {
        this.name = requireNonNull(name, "name is null");
        this.type = requireNonNull(type, "type is null");
        this.verifier = requireNonNull(verifier, "verifier is null");
        this.dumper = requireNonNull(dumper, "dumper is null");
        if (!name.matches("[a-z][a-z0-9_-]*")) {
            throw new IllegalArgumentException("IR kind name must be lower-case letters, digits, '_' or '-': " + name);
        }
    }

    /**
     * @param verifier checks the invariants later passes rely on; returns the problems found
     * @param dumper prints a value for {@code --print-ir-after}; need not round-trip
     */
    public static <T> IrKind<T> of(String name, Class<T> type, Verifier<T> verifier, Function<T, String> dumper) {
        return new IrKind<>(name, type, verifier, dumper);
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    /** The verifier's problems with {@code value}; empty when it is valid. */
    public List<String> verify(T value) {
        return List.copyOf(verifier.verify(value));
    }

    public String dump(T value) {
        return dumper.apply(value);
    }

    /** {@link #verify} for a value known only as an {@code Object} (checked against {@link #type()}). */
    List<String> verifyObject(Object value) {
        return verify(type.cast(value));
    }

    String dumpObject(Object value) {
        return dump(type.cast(value));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IrKind<?> k && k.name.equals(name) && k.type.equals(type);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + type.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
