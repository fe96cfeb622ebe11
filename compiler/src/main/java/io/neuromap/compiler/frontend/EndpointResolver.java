package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.Endpoint;
import io.neuromap.compiler.ast.Expr;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.diag.Suggestions;
import io.neuromap.compiler.eval.DimensionChecker;
import io.neuromap.compiler.eval.Typed;
import io.neuromap.compiler.units.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Resolves endpoints ({@code msn}, {@code pyr.dendrite}, {@code cortex.RS}, {@code exc[0:100]})
 * against the network's populations: the population must exist; {@code .part} must be a
 * compartment every neuron has or a cell type of the population (both is ambiguous); a projection
 * source names neurons, never a compartment; a slice {@code [from:to]} is half-open, whole,
 * constant and within the selection.
 */
final class EndpointResolver {
    /** Where an endpoint stands: the source of a projection may not name a passive compartment. */
    enum Role {
        PRE, OTHER
    }

    private final NetworkContext context;
    private final Diagnostics diagnostics;

    EndpointResolver(NetworkContext context) {
        this.context = requireNonNull(context, "context is null");
        this.diagnostics = context.diagnostics();
    }

    /** Empty if the population is unknown or the part is wrong (both reported). */
    Optional<ResolvedEndpoint> resolve(Endpoint e, Role role) {
        String name = e.population().name();
        PopulationInfo pop = context.populations().get(name);
        if (pop == null) {
            context.unknownPopulation(e.population().span(), name, "unknown population `" + name + "`",
                    Suggestions.closest(name, context.populationNames()).map(s -> "did you mean `" + s + "`?")
                            .orElse(context.populationNames().isEmpty() ? "declare it: population " + name + "[10] : lif;"
                                    : "populations of `" + context.network().name().name() + "`: "
                                            + String.join(", ", context.populationNames())));
            return Optional.empty();
        }
        if (!pop.resolved()) {
            return Optional.of(new ResolvedEndpoint(e, pop, Optional.empty(), List.of(), OptionalLong.empty()));
        }
        Optional<String> compartment = Optional.empty();
        List<PopulationInfo.Variant> variants = pop.variants();
        OptionalLong size = pop.size();
        if (e.part().isPresent()) {
            String part = e.part().get().name();
            List<String> compartments = pop.compartments();
            List<String> celltypes = new ArrayList<>();
            for (PopulationInfo.Variant v : pop.variants()) {
                v.celltype().ifPresent(c -> celltypes.add(c.name()));
            }
            boolean isCompartment = compartments.contains(part);
            boolean isCelltype = celltypes.contains(part);
            if (isCompartment && isCelltype) {
                diagnostics.report(DiagnosticCode.UNKNOWN_COMPARTMENT, e.part().get().span(), "`" + name + "." + part
                        + "` is ambiguous: `" + part + "` is both a compartment and a cell type of `" + name + "`",
                        "rename the cell type `" + part + "`");
                return Optional.empty();
            }
            if (isCompartment) {
                if (role == Role.PRE) {
                    diagnostics.report(DiagnosticCode.UNKNOWN_COMPARTMENT, e.part().get().span(), "a projection starts from neurons, and `"
                            + part + "` is a compartment (spikes leave from `" + compartments.get(0) + "`)",
                            "write `" + name + "` as the source");
                    return Optional.empty();
                }
                compartment = Optional.of(part);
            } else if (isCelltype) {
                variants = pop.variants().stream().filter(v -> v.label().equals(part)).toList();
                size = variants.get(0).count();
            } else {
                List<String> all = new ArrayList<>(compartments);
                all.addAll(celltypes);
                String kinds = pop.isMix() ? "a compartment or a cell type" : "a compartment";
                diagnostics.report(DiagnosticCode.UNKNOWN_COMPARTMENT, e.part().get().span(), "`" + part + "` is not " + kinds
                        + " of `" + name + "` (it has " + String.join(", ", all) + ")", Suggestions.help(part, all));
                return Optional.empty();
            }
        }
        if (e.slice().isPresent()) {
            size = slice(e, e.slice().get(), size);
        }
        return Optional.of(new ResolvedEndpoint(e, pop, compartment, variants, size));
    }

    /** The number of neurons the slice selects, or empty if it is wrong (reported) or the selection's size is unknown. */
    private OptionalLong slice(Endpoint e, Endpoint.Slice s, OptionalLong size) {
        OptionalLong from = s.from().isPresent() ? index(s.from().get()) : OptionalLong.of(0);
        OptionalLong to = s.to().isPresent() ? index(s.to().get()) : size;
        if (from.isEmpty() || to.isEmpty() || size.isEmpty()) {
            return OptionalLong.empty();
        }
        String what = "`" + e.population().name() + e.part().map(p -> "." + p.name()).orElse("") + "`";
        if (to.getAsLong() > size.getAsLong()) {
            diagnostics.report(DiagnosticCode.OUT_OF_DOMAIN, s.to().map(Expr::span).orElse(s.span()), "slice end "
                    + to.getAsLong() + " is past the end of " + what + " (" + Hints.count(size.getAsLong(), "neuron") + ")",
                    "indices run from 0 to " + (size.getAsLong() - 1) + "; the end of a slice is exclusive");
            return OptionalLong.empty();
        }
        if (from.getAsLong() >= to.getAsLong()) {
            diagnostics.report(DiagnosticCode.OUT_OF_DOMAIN, s.span(), "slice [" + from.getAsLong() + ":" + to.getAsLong()
                    + "] selects no neuron", "the start must be below the (exclusive) end");
            return OptionalLong.empty();
        }
        return OptionalLong.of(to.getAsLong() - from.getAsLong());
    }

    private OptionalLong index(Expr e) {
        Typed t = DimensionChecker.check(e, context.constantScope(List.of()), diagnostics);
        if (t.isError()) {
            return OptionalLong.empty();
        }
        double v = t.range().lo();
        if (!t.dimension().get().isNone()) {
            diagnostics.report(DiagnosticCode.DIMENSIONLESS_REQUIRED, e.span(), "a slice index is a whole number, found "
                    + t.dimension().get().describe(), null);
            return OptionalLong.empty();
        }
        if (v < 0 || v != Math.rint(v) || v > Integer.MAX_VALUE) {
            diagnostics.report(DiagnosticCode.OUT_OF_DOMAIN, e.span(), "a slice index is a whole number >= 0, found "
                    + Units.formatNumber(v), "indices start at 0");
            return OptionalLong.empty();
        }
        return OptionalLong.of((long) v);
    }
}
