package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.QualifiedName;
import io.neuromap.compiler.eval.Scope;
import io.neuromap.compiler.eval.TypeScope;
import io.neuromap.compiler.eval.Typed;
import io.neuromap.compiler.units.Units;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names an expression in a body may use, at the point where it stands: the {@code let}
 * variables and parameters bound above it in the same body, the parameters the neuron's cell type
 * bound, and constants. Knows what comes later in the body and which parameters the model has, so
 * that an unknown name gets a precise fix ("bound later", "bind it first").
 */
final class BodyScope implements TypeScope {
    private final Constants constants;
    private final Map<String, Typed> inherited;
    private final Optional<ParameterSet> params;
    private final Map<String, Typed> bound = new LinkedHashMap<>();
    private final Set<String> lets = new HashSet<>();
    private final Set<String> usedLets = new HashSet<>();
    private final List<Pending> pending;

    /** A binding not yet reached, for "bound later" hints. */
    record Pending(String name, int line) {
    }

    BodyScope(Constants constants, Map<String, Typed> inherited, Optional<ParameterSet> params, List<Pending> pending) {
        this.constants = requireNonNull(constants, "constants is null");
        this.inherited = requireNonNull(inherited, "inherited is null");
        this.params = requireNonNull(params, "params is null");
        this.pending = new ArrayList<>(pending);
    }

    /** The binding at the front of the body has been reached. */
    void reached(String name) {
        for (int i = 0; i < pending.size(); i++) {
            if (pending.get(i).name().equals(name)) {
                pending.remove(i);
                return;
            }
        }
    }

    void define(String name, Typed typed, boolean isLet) {
        bound.put(name, typed);
        if (isLet) {
            lets.add(name);
        } else {
            lets.remove(name);
        }
    }

    boolean isLetUsed(String name) {
        return usedLets.contains(name);
    }

    @Override
    public Optional<Typed> lookup(QualifiedName name) {
        String text = name.text();
        Typed t = bound.get(text);
        if (t != null) {
            if (lets.contains(text)) {
                usedLets.add(text);
            }
            return Optional.of(t);
        }
        t = inherited.get(text);
        if (t != null) {
            return Optional.of(t);
        }
        return constants.lookup(name);
    }

    @Override
    public Scope values() {
        return constants.values();
    }

    @Override
    public Collection<String> visibleNames() {
        Set<String> out = new LinkedHashSet<>(bound.keySet());
        out.addAll(inherited.keySet());
        out.addAll(constants.names());
        return out;
    }

    @Override
    public Optional<String> unknownNameHelp(QualifiedName name) {
        String text = name.text();
        for (Pending p : pending) {
            if (p.name().equals(text)) {
                return Optional.of("`" + text + "` is bound later in this body (line " + p.line()
                        + "): move that binding above this one");
            }
        }
        if (params.isPresent() && params.get().find(text).isPresent()) {
            ParameterSet.Param p = params.get().find(text).get();
            String example = p.defaultSi().isPresent() && p.dimension().isPresent()
                    ? ", e.g. `" + text + " = " + Units.format(p.defaultSi().get(), p.dimension().get()) + ";`" : "";
            return Optional.of("`" + text + "` is a parameter of " + params.get().owner()
                    + " but is not bound above this line; bind it first" + example);
        }
        if (params.isPresent()) {
            Optional<String> near = io.neuromap.compiler.diag.Suggestions.closest(text, visibleNames());
            if (near.isEmpty()) {
                near = io.neuromap.compiler.diag.Suggestions.closest(text, params.get().names());
                if (near.isPresent()) {
                    return Optional.of("did you mean `" + near.get() + "`? It is a parameter of " + params.get().owner()
                            + ": bind it above this line to use it");
                }
            }
        }
        return Optional.empty();
    }
}
