package io.neuromap.compiler.elaborate;

import io.neuromap.compiler.ast.Argument;
import io.neuromap.compiler.ast.Expr;
import io.neuromap.compiler.ast.ProbeDecl;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.ir.Probe;
import io.neuromap.compiler.model.Catalog;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Quantity;
import io.neuromap.compiler.units.Units;
import java.util.Optional;

/**
 * Binds a {@code probe} to its neurons and converts its period to whole steps ({@code every}
 * rounds to the nearest step, at least one; one step when not written). State variables of a
 * multi-compartment model are qualified: {@code state(v) of pyr.dendrite} records {@code dendrite.v}.
 */
final class ProbeElaborator {
    private ProbeElaborator() {
    }

    static Optional<Probe> elaborate(ElaborationContext ctx, ProbeDecl decl) {
        Diagnostics diagnostics = ctx.diagnostics();
        String kind = decl.what().name().name();
        if (Catalog.probe(kind).isEmpty()) {
            diagnostics.report(DiagnosticCode.UNKNOWN_KIND, decl.what().name().span(), "unknown probe kind `" + kind + "`",
                    io.neuromap.compiler.diag.Suggestions.help(kind, Catalog.probeNames()));
            return Optional.empty();
        }
        Optional<String> variable = Optional.empty();
        if (!decl.what().arguments().isEmpty()) {
            Argument a = decl.what().arguments().get(0);
            Expr v = a.value();
            while (v instanceof Expr.Paren p) {
                v = p.inner();
            }
            if (v instanceof Expr.Name n) {
                variable = Optional.of(n.name().text());
            } else if (v instanceof Expr.Concentration c) {
                variable = Optional.of(c.modulator().name());
            } else {
                diagnostics.report(DiagnosticCode.TYPE_MISMATCH, a.span(), "`" + kind + "(...)` takes a name", null);
                return Optional.empty();
            }
        }
        Optional<Endpoints.Resolved> target = Endpoints.resolve(ctx, decl.target());
        if (target.isEmpty()) {
            return Optional.empty();
        }
        int every = 1;
        if (decl.every().isPresent()) {
            Optional<Quantity> q = ctx.constant(decl.every().get(), Dimension.TIME, "`every`");
            if (q.isEmpty()) {
                return Optional.empty();
            }
            double steps = Math.rint(q.get().si() / ctx.dt());
            if (steps < 1 || steps > Integer.MAX_VALUE) {
                diagnostics.report(DiagnosticCode.OUT_OF_DOMAIN, decl.every().get().span(), "probe period " + q.get()
                        + " is not a whole number of time steps >= 1 (dt = " + Units.format(ctx.dt(), Dimension.TIME) + ")",
                        "use a period of at least one time step");
                return Optional.empty();
            }
            every = (int) steps;
        }
        Population p = ctx.populations().get(target.get().population());
        if (variable.isPresent() && kind.equals("state") && p.model().isMultiCompartment() && !variable.get().contains(".")
                && target.get().compartment().isPresent()) {
            // On a compartment endpoint an unqualified state variable is that compartment's.
            variable = Optional.of(target.get().compartment().get() + "." + variable.get());
        }
        String name = decl.name().map(io.neuromap.compiler.ast.Identifier::name).orElse(kind + "_" + p.name());
        return Optional.of(new Probe(name, decl.span(), kind, variable, target.get().neurons(p, p.model().compartments()
                .get(0)), every));
    }
}
