package io.neuromap.compiler.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The arguments a named thing takes. Positional arguments bind in order; named ones by name. A
 * thing with several forms ({@code gamma(k, theta)} and {@code gamma(k, mean)}) has one signature
 * per form; the named arguments written select the form.
 */
public record Signature(String name, String doc, List<ArgSpec> arguments) {
    public Signature {
        requireNonNull(name, "name is null");
        requireNonNull(doc, "doc is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
    }

    public Optional<ArgSpec> argument(String argName) {
        return arguments.stream().filter(a -> a.name().equals(argName)).findFirst();
    }

    public long requiredCount() {
        return arguments.stream().filter(ArgSpec::required).count();
    }

    /** {@code gamma(k, mean)}, for messages and docs. */
    public String usage() {
        StringBuilder b = new StringBuilder(name).append('(');
        for (int i = 0; i < arguments.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            ArgSpec a = arguments.get(i);
            b.append(a.name());
            if (!a.required()) {
                b.append('?');
            }
        }
        return b.append(')').toString();
    }
}
