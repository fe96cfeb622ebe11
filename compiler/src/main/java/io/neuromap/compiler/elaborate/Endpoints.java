package io.neuromap.compiler.elaborate;

import io.neuromap.compiler.ast.Endpoint;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.ir.IndexRange;
import io.neuromap.compiler.ir.NeuronRange;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Quantity;
import io.neuromap.compiler.units.Units;
import java.util.Optional;

/**
 * Resolves an endpoint ({@code msn}, {@code pyr.dendrite}, {@code cortex.RS}, {@code pyr[0:20]})
 * against the elaborated populations to one contiguous range of neurons and, when it names one, a
 * compartment. {@code .part} is a compartment of the model if the model has one of that name,
 * otherwise a cell type of the population (a block of the mix). A slice {@code [from:to]} is
 * half-open and relative to what the part selected; either bound may be omitted.
 */
final class Endpoints {
    private Endpoints() {
    }

    /**
     * @param population index into the context's populations
     * @param range the selected neurons, population-local
     * @param compartment the compartment named by {@code .part}, if it named one
     */
    record Resolved(int population, IndexRange range, Optional<String> compartment) {
        /** The range as a {@link NeuronRange} at {@code compartment} (or the given default). */
        NeuronRange neurons(Population p, String defaultCompartment) {
            return new NeuronRange(population, range.from(), p.offset() + range.from(), range.size(),
                    compartment.orElse(defaultCompartment));
        }
    }

    /**
     * Resolves {@code e}; empty when it cannot be (reported here, unless the population itself
     * failed earlier and was reported then).
     */
    static Optional<Resolved> resolve(ElaborationContext ctx, Endpoint e) {
        Diagnostics diagnostics = ctx.diagnostics();
        String popName = e.population().name();
        Optional<Integer> index = ctx.populationIndex(popName);
        if (index.isEmpty()) {
            if (!ctx.populationFailedEarlier(popName)) {
                diagnostics.report(DiagnosticCode.UNKNOWN_POPULATION, e.population().span(), "unknown population `" + popName + "`");
            }
            return Optional.empty();
        }
        Population p = ctx.populations().get(index.get());
        IndexRange range = IndexRange.of(p.size());
        Optional<String> compartment = Optional.empty();
        if (e.part().isPresent()) {
            String part = e.part().get().name();
            int type = p.cellTypeIndex(part);
            if (p.model().hasCompartment(part)) {
                compartment = Optional.of(part);
            } else if (type >= 0) {
                range = p.cellTypeRange(type);
            } else {
                diagnostics.report(DiagnosticCode.UNKNOWN_COMPARTMENT, e.part().get().span(), "population `" + popName
                        + "` has no compartment or cell type `" + part + "`", "its compartments are "
                        + String.join(", ", p.model().compartments()) + "; its cell types are "
                        + String.join(", ", p.cellTypes().stream().map(io.neuromap.compiler.ir.CellType::name).toList()));
                return Optional.empty();
            }
        }
        if (e.slice().isPresent()) {
            Endpoint.Slice s = e.slice().get();
            int from = 0;
            int to = range.size();
            if (s.from().isPresent()) {
                Optional<Integer> v = index(ctx, s.from().get());
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                from = v.get();
            }
            if (s.to().isPresent()) {
                Optional<Integer> v = index(ctx, s.to().get());
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                to = v.get();
            }
            if (from > to || to > range.size()) {
                diagnostics.report(DiagnosticCode.OUT_OF_DOMAIN, s.span(), "slice [" + from + ":" + to + "] is outside the "
                        + range.size() + " neurons of `" + popName + (e.part().isPresent() ? "." + e.part().get().name() : "")
                        + "`", "slices are half-open [from:to] with 0 <= from <= to <= " + range.size());
                return Optional.empty();
            }
            range = new IndexRange(range.from() + from, range.from() + to);
        }
        return Optional.of(new Resolved(index.get(), range, compartment));
    }

    private static Optional<Integer> index(ElaborationContext ctx, io.neuromap.compiler.ast.Expr e) {
        Optional<Quantity> q = ctx.constant(e, Dimension.NONE, "a slice bound");
        if (q.isEmpty()) {
            return Optional.empty();
        }
        double v = q.get().si();
        if (v < 0 || v != Math.rint(v) || v > Integer.MAX_VALUE) {
            ctx.diagnostics().report(DiagnosticCode.OUT_OF_DOMAIN, e.span(), "a slice bound must be a whole number >= 0, found "
                    + Units.formatNumber(v), null);
            return Optional.empty();
        }
        return Optional.of((int) v);
    }
}
