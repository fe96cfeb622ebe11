package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.ConstDecl;
import io.neuromap.compiler.ast.QualifiedName;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.eval.DimensionChecker;
import io.neuromap.compiler.eval.Scope;
import io.neuromap.compiler.eval.TypeScope;
import io.neuromap.compiler.eval.Typed;
import io.neuromap.compiler.units.Quantity;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The constants visible at one level (all files' top level, or a network inside it), evaluated in
 * declaration order, with a record of which were used so that unused ones can be reported. A
 * constant whose value could not be computed stays known by name, so its uses are not reported a
 * second time as unknown names.
 */
final class Constants {
    private final Diagnostics diagnostics;
    private final Map<String, Quantity> values;
    private final Set<String> failed;
    private final Set<String> used;

    Constants(Diagnostics diagnostics) {
        this.diagnostics = requireNonNull(diagnostics, "diagnostics is null");
        this.values = new LinkedHashMap<>();
        this.failed = new HashSet<>();
        this.used = new HashSet<>();
    }

    private Constants(Constants outer) {
        this.diagnostics = outer.diagnostics;
        this.values = new LinkedHashMap<>(outer.values);
        this.failed = new HashSet<>(outer.failed);
        this.used = outer.used;
    }

    /** A table for a nested level (a network) that sees these constants and shares the record of uses. */
    Constants nested() {
        return new Constants(this);
    }

    /** Evaluates and adds a constant; the caller has reported a duplicate name already. */
    void define(ConstDecl c) {
        String name = c.name().name();
        if (values.containsKey(name) || failed.contains(name)) {
            return;
        }
        Typed t = DimensionChecker.check(c.value(), scope(), diagnostics);
        if (t.isConstant()) {
            values.put(name, t.constantValue().get());
        } else {
            failed.add(name);
        }
    }

    boolean contains(String name) {
        return values.containsKey(name) || failed.contains(name);
    }

    /** The value of a constant, recording the use. */
    Optional<Quantity> get(String name) {
        Quantity q = values.get(name);
        if (q != null) {
            used.add(name);
        }
        return Optional.ofNullable(q);
    }

    /** Every constant with a value, by name. */
    Map<String, Quantity> all() {
        return java.util.Collections.unmodifiableMap(values);
    }

    /** Warns about the given declarations whose constant no expression used. */
    void reportUnused(List<ConstDecl> declarations) {
        for (ConstDecl c : declarations) {
            if (!used.contains(c.name().name()) && values.containsKey(c.name().name())) {
                diagnostics.report(DiagnosticCode.UNUSED_DECLARATION, c.name().span(), "constant `" + c.name().name()
                        + "` is never used", "remove it, or use it in a value");
            }
        }
    }

    /** Resolves a one-part name to a constant (recording the use); a failed constant resolves to an error. */
    Optional<Typed> lookup(QualifiedName name) {
        if (name.parts().size() != 1) {
            return Optional.empty();
        }
        String text = name.text();
        if (failed.contains(text)) {
            return Optional.of(Typed.error());
        }
        return get(text).map(Typed::constant);
    }

    Collection<String> names() {
        Set<String> out = new LinkedHashSet<>(values.keySet());
        out.addAll(failed);
        return out;
    }

    /** Evaluator scope over the constants, recording uses. */
    Scope values() {
        return new Scope() {
            @Override
            public Optional<Quantity> lookup(QualifiedName name) {
                return name.parts().size() == 1 ? get(name.text()) : Optional.empty();
            }

            @Override
            public Collection<String> visibleNames() {
                return values.keySet();
            }
        };
    }

    /** A scope where only constants are visible. */
    TypeScope scope() {
        return new TypeScope() {
            @Override
            public Optional<Typed> lookup(QualifiedName name) {
                return Constants.this.lookup(name);
            }

            @Override
            public Scope values() {
                return Constants.this.values();
            }

            @Override
            public Collection<String> visibleNames() {
                return names();
            }
        };
    }
}
