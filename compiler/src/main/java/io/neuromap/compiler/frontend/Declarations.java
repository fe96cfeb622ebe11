package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.Identifier;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.source.SourceSpan;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One namespace of declarations (constants and cell types; populations; modulators; ...): the
 * first declaration of a name wins and every later one is reported at its own name, with the
 * place of the first (across imported files too).
 */
final class Declarations {
    private final Diagnostics diagnostics;
    private final Map<String, SourceSpan> first;

    Declarations(Diagnostics diagnostics) {
        this.diagnostics = requireNonNull(diagnostics, "diagnostics is null");
        this.first = new LinkedHashMap<>();
    }

    private Declarations(Declarations outer) {
        this.diagnostics = outer.diagnostics;
        this.first = new LinkedHashMap<>(outer.first);
    }

    /** A namespace nested in this one: it sees these names, and its own stay in it. */
    Declarations nested() {
        return new Declarations(this);
    }

    /** Declares a name; returns false (after reporting) if it was declared before. */
    boolean declare(Identifier name, String kind) {
        SourceSpan previous = first.putIfAbsent(name.name(), name.span());
        if (previous == null || previous.equals(name.span())) {
            return true;
        }
        diagnostics.report(DiagnosticCode.DUPLICATE_NAME, name.span(), kind + " `" + name.name() + "` is already declared at "
                + previous.location(), "rename one of them");
        return false;
    }
}
