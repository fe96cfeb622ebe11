package io.neuromap.compiler.elaborate;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.Binding;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.eval.EvaluationException;
import io.neuromap.compiler.eval.Evaluator;
import io.neuromap.compiler.eval.Scope;
import io.neuromap.compiler.frontend.AnalyzedProgram;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Quantity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What the parts of one elaboration share: the program, the diagnostics sink, the worker threads,
 * and the IR built so far (populations before projections, projections before pathways). Lives
 * for one call of {@link Elaborator#elaborate}.
 */
final class ElaborationContext {
    /** The reserved body binding that overrides the seed of one object's draws. */
    static final String SEED = "seed";

    private final AnalyzedProgram program;
    private final Diagnostics diagnostics;
    private final Parallel parallel;
    private final Scope constantScope;
    private final List<Population> populations = new ArrayList<>();
    private final Map<String, Integer> populationIndex = new HashMap<>();
    private final Set<String> failedPopulations = new HashSet<>();
    private final List<Projection> projections = new ArrayList<>();
    private final Map<String, Integer> projectionIndex = new HashMap<>();
    private final Set<String> failedProjections = new HashSet<>();
    private final Map<String, io.neuromap.compiler.source.SourceSpan> claimed = new HashMap<>();
    private int nextOffset;

    ElaborationContext(AnalyzedProgram program, Diagnostics diagnostics, Parallel parallel) {
        this.program = requireNonNull(program, "program is null");
        this.diagnostics = requireNonNull(diagnostics, "diagnostics is null");
        this.parallel = requireNonNull(parallel, "parallel is null");
        this.constantScope = Scope.ofConstants(program.constants());
    }

    AnalyzedProgram program() {
        return program;
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    Parallel parallel() {
        return parallel;
    }

    Map<String, Quantity> constants() {
        return program.constants();
    }

    Scope constantScope() {
        return constantScope;
    }

    ExprSource constantSource() {
        return new ExprSource(constantScope);
    }

    String networkName() {
        return program.network().name().name();
    }

    long seed() {
        return program.simulation().seed();
    }

    double dt() {
        return program.simulation().dt();
    }

    /**
     * {@code Network/population}: the object path a population's draws (and Poisson trains) are
     * keyed under. Other kinds of declaration get a prefix ({@link #projectionPath},
     * {@link #stimulusPath}), so that equal names in different namespaces never share a stream.
     */
    String path(String population) {
        return networkName() + "/" + population;
    }

    /** {@code Network/project:name}; its connector draws are under {@code .../:connector}. */
    String projectionPath(String projection) {
        return networkName() + "/project:" + projection;
    }

    /** {@code Network/stimulus:name}. */
    String stimulusPath(String stimulus) {
        return networkName() + "/stimulus:" + stimulus;
    }

    /**
     * Claims a declaration name in its namespace; false (after reporting NM-E0102) when it is
     * taken. Analysis reports duplicates too; elaboration must not build two objects of one name,
     * since later declarations refer to them by name.
     */
    boolean claim(String namespace, String name, io.neuromap.compiler.source.SourceSpan span, String help) {
        io.neuromap.compiler.source.SourceSpan previous = claimed.putIfAbsent(namespace + ":" + name, span);
        if (previous != null) {
            diagnostics.report(DiagnosticCode.DUPLICATE_NAME, span, namespace + " `" + name + "` is already declared at "
                    + previous.location(), help);
            return false;
        }
        return true;
    }

    void addPopulation(Population p) {
        populationIndex.put(p.name(), populations.size());
        populations.add(p);
        nextOffset += p.size();
    }

    void populationFailed(String name) {
        failedPopulations.add(name);
    }

    /** Global index of the next population's first neuron. */
    int nextOffset() {
        return nextOffset;
    }

    List<Population> populations() {
        return populations;
    }

    /** The index of an elaborated population; empty if unknown or failed. */
    Optional<Integer> populationIndex(String name) {
        return Optional.ofNullable(populationIndex.get(name));
    }

    /** True when a population was declared but could not be elaborated (its errors are already reported). */
    boolean populationFailedEarlier(String name) {
        return failedPopulations.contains(name);
    }

    void addProjection(Projection p) {
        projectionIndex.put(p.name(), projections.size());
        projections.add(p);
    }

    void projectionFailed(String name) {
        failedProjections.add(name);
    }

    List<Projection> projections() {
        return projections;
    }

    Optional<Integer> projectionIndex(String name) {
        return Optional.ofNullable(projectionIndex.get(name));
    }

    boolean projectionFailedEarlier(String name) {
        return failedProjections.contains(name);
    }

    /** The seed a body's {@code seed = N;} sets, if any; {@code ok} is false after a bad value was reported. */
    record SeedOverride(OptionalLong seed, boolean ok) {
        long orElse(long fallback) {
            return seed.orElse(fallback);
        }
    }

    /**
     * The value of a reserved {@code seed = N;} among {@code bindings}, if present: a whole
     * number >= 0 evaluated from constants. Reports a bad value.
     */
    SeedOverride seedOverride(List<Binding> bindings) {
        OptionalLong result = OptionalLong.empty();
        boolean ok = true;
        for (Binding b : bindings) {
            if (b.isLet() || !b.name().text().equals(SEED)) {
                continue;
            }
            if (!(b.value() instanceof Binding.Value.Fixed f)) {
                diagnostics.report(DiagnosticCode.TYPE_MISMATCH, b.span(), "`seed` must be a fixed number, not drawn",
                        "write `seed = 42;`");
                ok = false;
                continue;
            }
            try {
                Quantity q = Evaluator.require(Evaluator.evaluate(f.expr(), constantScope), Dimension.NONE, f.expr().span(),
                        "`seed`");
                double v = q.si();
                if (v < 0 || v != Math.rint(v) || v > 9.007199254740992E15) {
                    diagnostics.report(DiagnosticCode.OUT_OF_DOMAIN, f.expr().span(), "`seed` must be a whole number >= 0, found "
                            + q, null);
                    ok = false;
                    continue;
                }
                result = OptionalLong.of((long) v);
            } catch (EvaluationException e) {
                diagnostics.report(e.diagnostic());
                ok = false;
            }
        }
        return new SeedOverride(result, ok);
    }

    /** Evaluates a constant expression, reporting and returning empty on failure. */
    Optional<Quantity> constant(io.neuromap.compiler.ast.Expr e, Dimension expected, String what) {
        try {
            Quantity q = Evaluator.evaluate(e, constantScope);
            if (expected != null) {
                Evaluator.require(q, expected, e.span(), what);
            }
            return Optional.of(q);
        } catch (EvaluationException ex) {
            diagnostics.report(ex.diagnostic());
            return Optional.empty();
        }
    }
}
