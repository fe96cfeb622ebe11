package io.neuromap.compiler.elaborate;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.Argument;
import io.neuromap.compiler.ast.Binding;
import io.neuromap.compiler.ast.Distribution;
import io.neuromap.compiler.ast.Expr;
import io.neuromap.compiler.ast.QualifiedName;
import io.neuromap.compiler.diag.Diagnostic;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.diag.Suggestions;
import io.neuromap.compiler.eval.EvaluationException;
import io.neuromap.compiler.eval.Evaluator;
import io.neuromap.compiler.eval.Scope;
import io.neuromap.compiler.ir.KeyedRandom;
import io.neuromap.compiler.source.SourceSpan;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Quantity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bindings of one body ({@code tau_m ~ gamma(...); let r ~ uniform(0, 1); c = -65 mV + 15 mV * r^2;})
 * compiled into steps that compute one instance (a neuron, a synapse, a stimulated neuron) at a
 * time. Each name is a slot; a binding writes its slot; later bindings read earlier slots, the
 * model defaults, and constants.
 *
 * <p>Bindings that depend on nothing per-instance are evaluated once here ({@code tau_m = 20 ms}
 * costs nothing per neuron), distributions (whose arguments are constants) are resolved once, and
 * only expressions that read per-instance values go through the {@link Evaluator} per instance. Each sampling binding draws from its
 * own stream, keyed by (seed, path of the binding, stream index): for neurons the index is the
 * neuron, so adding a binding never shifts another's values; for synapses it is the pre row, and
 * the synapses of the row take successive values.
 *
 * <p>Immutable once built; instances are computed by a {@link Runner}, one per thread.
 */
final class BindingProgram {
    private final long seed;
    private final Map<String, Quantity> constants;
    private final IdentityHashMap<QualifiedName, Integer> nameSlots;
    private final String[] slotNames;
    private final double[] startValues;
    private final Dimension[] startDims;
    private final double[] endValues;
    private final Dimension[] endDims;
    private final boolean[] constantAtEnd;
    private final SourceSpan[] lastSpans;
    private final Step[] steps;
    /** True when some step evaluates an expression per instance, and so reads slots and their dimensions. */
    private final boolean evaluates;

    private BindingProgram(Builder b) {
        this.seed = b.seed;
        this.constants = b.constants;
        this.nameSlots = new IdentityHashMap<>(b.nameSlots);
        this.slotNames = b.slotNames.toArray(new String[0]);
        int n = slotNames.length;
        this.startValues = new double[n];
        this.startDims = new Dimension[n];
        this.endValues = new double[n];
        this.endDims = new Dimension[n];
        this.constantAtEnd = new boolean[n];
        this.lastSpans = new SourceSpan[n];
        for (int i = 0; i < n; i++) {
            startValues[i] = b.starts.get(i);
            startDims[i] = b.startDims.get(i);
            endValues[i] = b.values.get(i);
            endDims[i] = b.dims.get(i);
            constantAtEnd[i] = b.constant.get(i);
            lastSpans[i] = b.spans.get(i);
        }
        this.steps = b.steps.toArray(new Step[0]);
        boolean any = false;
        for (Step step : steps) {
            any |= step instanceof ComputeStep;
        }
        this.evaluates = any;
    }

    int slotCount() {
        return slotNames.length;
    }

    /** True when every instance has the same value in {@code slot} (no per-instance step writes it last). */
    boolean isConstant(int slot) {
        return constantAtEnd[slot];
    }

    /** The value of a slot that is constant at the end of the program (its declared value if nothing wrote it). */
    double constantValue(int slot) {
        if (!constantAtEnd[slot]) {
            throw new IllegalStateException("slot " + slotNames[slot] + " varies per instance");
        }
        return endValues[slot];
    }

    /** The dimension of a constant slot (null if no binding gave it one). */
    Dimension constantDimension(int slot) {
        return endDims[slot];
    }

    /** The binding that wrote {@code slot} last, if any did. */
    Optional<SourceSpan> lastSpan(int slot) {
        return Optional.ofNullable(lastSpans[slot]);
    }

    /** True when some step runs per instance, i.e. instances may differ or draw randomness. */
    boolean hasPerInstanceSteps() {
        for (Step s : steps) {
            if (!(s instanceof ConstStep)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The dimension of {@code slot}'s value when it is known without computing an instance: for
     * a constant slot and a slot written last by a distribution with constant arguments. Empty
     * when an expression computes it per instance (ask {@link Runner#dimension} after a run).
     */
    Optional<Dimension> staticDimension(int slot) {
        if (constantAtEnd[slot]) {
            return Optional.of(endDims[slot]);
        }
        return finalDraw(slot).map(Draw::dimension);
    }

    /** The draw of the step that writes {@code slot} last, when it is a distribution with constant arguments. */
    Optional<Draw> finalDraw(int slot) {
        for (int i = steps.length - 1; i >= 0; i--) {
            if (steps[i].slot() == slot) {
                return steps[i] instanceof SampleStep s ? Optional.of(s.draw) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    Runner newRunner() {
        return new Runner();
    }

    /** Computes instances. Also the {@link Scope} per-instance expressions are evaluated in. */
    final class Runner implements Scope {
        final double[] slots = startValues.clone();
        final Dimension[] dims = startDims.clone();
        private final KeyedRandom[] streams = new KeyedRandom[steps.length];
        private int failedStep;
        private Diagnostic failure;

        private Runner() {
            for (int i = 0; i < steps.length; i++) {
                if (steps[i].samples()) {
                    streams[i] = new KeyedRandom();
                }
            }
        }

        /** Positions every sampling binding at the start of its stream for {@code index}. */
        void begin(long index) {
            for (int i = 0; i < steps.length; i++) {
                if (streams[i] != null) {
                    streams[i].reset(KeyedRandom.key(seed, steps[i].pathHash(), index));
                }
            }
        }

        /** Computes one instance into {@link #slots}; false when a step failed ({@link #failure()} says why). */
        boolean run() {
            // Every instance starts from the declared values, so a step never sees what a later
            // step wrote for the previous instance. Without per-instance expressions nothing reads
            // a slot before its step writes it, and the hot path (a weight and a delay per synapse)
            // skips the copy.
            if (evaluates) {
                System.arraycopy(startValues, 0, slots, 0, slots.length);
                System.arraycopy(startDims, 0, dims, 0, dims.length);
            }
            for (int i = 0; i < steps.length; i++) {
                if (!steps[i].run(this, i)) {
                    return false;
                }
            }
            return true;
        }

        double value(int slot) {
            return slots[slot];
        }

        boolean tracksDimensions() {
            return evaluates;
        }

        /** The dimension of {@code slot} after {@link #run()}: static when known, else as computed. */
        Dimension dimension(int slot) {
            return staticDimension(slot).orElse(dims[slot]);
        }

        int failedStep() {
            return failedStep;
        }

        Diagnostic failure() {
            return failure;
        }

        boolean fail(int step, Diagnostic d) {
            failedStep = step;
            failure = d;
            return false;
        }

        KeyedRandom stream(int step) {
            return streams[step];
        }

        @Override
        public Optional<Quantity> lookup(QualifiedName name) {
            Integer slot = nameSlots.get(name);
            if (slot != null) {
                return Optional.of(new Quantity(slots[slot], dims[slot]));
            }
            return Optional.ofNullable(constants.get(name.text()));
        }

        @Override
        public Collection<String> visibleNames() {
            List<String> names = new ArrayList<>(List.of(slotNames));
            names.addAll(constants.keySet());
            return names;
        }
    }

    private interface Step {
        int slot();

        long pathHash();

        boolean samples();

        boolean run(Runner r, int index);
    }

    private record ConstStep(int slot, double value, Dimension dimension) implements Step {
        @Override
        public long pathHash() {
            return 0;
        }

        @Override
        public boolean samples() {
            return false;
        }

        @Override
        public boolean run(Runner r, int index) {
            r.slots[slot] = value;
            if (r.tracksDimensions()) {
                r.dims[slot] = dimension;
            }
            return true;
        }
    }

    private static final class SampleStep implements Step {
        private final int slot;
        private final long pathHash;
        private final Draw draw;
        private final Diagnostic exhausted;

        SampleStep(int slot, long pathHash, Draw draw, Diagnostic exhausted) {
            this.slot = slot;
            this.pathHash = pathHash;
            this.draw = draw;
            this.exhausted = exhausted;
        }

        @Override
        public int slot() {
            return slot;
        }

        @Override
        public long pathHash() {
            return pathHash;
        }

        @Override
        public boolean samples() {
            return true;
        }

        @Override
        public boolean run(Runner r, int index) {
            double v = draw.sample(r.stream(index));
            if (Double.isNaN(v)) {
                return r.fail(index, exhausted);
            }
            r.slots[slot] = v;
            if (r.tracksDimensions()) {
                r.dims[slot] = draw.dimension();
            }
            return true;
        }
    }

    private record ComputeStep(int slot, Expr expr, Dimension expected, String what) implements Step {
        @Override
        public long pathHash() {
            return 0;
        }

        @Override
        public boolean samples() {
            return false;
        }

        @Override
        public boolean run(Runner r, int index) {
            try {
                Quantity q = Evaluator.evaluate(expr, r);
                if (expected != null) {
                    Evaluator.require(q, expected, expr.span(), what);
                }
                r.slots[slot] = q.si();
                r.dims[slot] = q.dimension();
                return true;
            } catch (EvaluationException e) {
                return r.fail(index, e.diagnostic());
            }
        }
    }

    /** Compiles bindings in order. Not thread-safe. */
    static final class Builder {
        private final Map<String, Quantity> constants;
        private final long seed;
        private final IdentityHashMap<QualifiedName, Integer> nameSlots = new IdentityHashMap<>();
        private final Map<String, Integer> slotByName = new HashMap<>();
        private final List<String> slotNames = new ArrayList<>();
        private final List<Double> starts = new ArrayList<>();
        private final List<Dimension> startDims = new ArrayList<>();
        private final List<Double> values = new ArrayList<>();
        private final List<Dimension> dims = new ArrayList<>();
        private final List<Dimension> declared = new ArrayList<>();
        private final List<Boolean> constant = new ArrayList<>();
        private final List<SourceSpan> spans = new ArrayList<>();
        private final List<Step> steps = new ArrayList<>();
        private final Map<String, Integer> pathUses = new LinkedHashMap<>();

        Builder(Map<String, Quantity> constants, long seed) {
            this.constants = requireNonNull(constants, "constants is null");
            this.seed = seed;
        }

        /**
         * Declares a named slot with an initial constant value (a model parameter's default; the
         * value of a {@code delay} not written). {@code dimension} is what bindings must give it,
         * or null for "whatever they give" (a weight).
         */
        int declare(String name, Dimension dimension, double initial) {
            int slot = slotNames.size();
            slotNames.add(name);
            starts.add(initial);
            startDims.add(dimension == null ? Dimension.NONE : dimension);
            values.add(initial);
            dims.add(dimension == null ? Dimension.NONE : dimension);
            declared.add(dimension);
            constant.add(true);
            spans.add(null);
            slotByName.put(name, slot);
            return slot;
        }

        /** The slot a name refers to now, if any. */
        Optional<Integer> slot(String name) {
            return Optional.ofNullable(slotByName.get(name));
        }

        /**
         * Compiles one binding. Problems found now (unknown names, units, bad distribution
         * parameters when they are constant) are reported here, once.
         *
         * @param pathPrefix the object path its draws are keyed under, e.g. {@code Net/exc}
         * @return false when the binding could not be compiled
         */
        boolean add(Binding binding, String pathPrefix, Diagnostics diagnostics) {
            String name = binding.name().text();
            int slot;
            Dimension expected;
            if (binding.isLet()) {
                List<QualifiedName> names = new ArrayList<>();
                collectNames(binding.value(), names);
                resolveNames(names);
                slot = declare(name, null, Double.NaN);
                expected = null;
            } else {
                Integer existing = slotByName.get(name);
                if (existing == null) {
                    List<String> known = new ArrayList<>();
                    for (int i = 0; i < slotNames.size(); i++) {
                        if (declared.get(i) != null || slotNames.get(i).equals("weight")) {
                            known.add(slotNames.get(i));
                        }
                    }
                    diagnostics.report(DiagnosticCode.UNKNOWN_PARAMETER, binding.name().span(), "`" + name
                            + "` is not a parameter here", Suggestions.closest(name, known)
                            .map(s -> "did you mean `" + s + "`? (a per-instance variable is declared with `let " + name + "`)")
                            .orElse("the parameters here are " + String.join(", ", known)));
                    return false;
                }
                slot = existing;
                expected = declared.get(slot);
                List<QualifiedName> names = new ArrayList<>();
                collectNames(binding.value(), names);
                resolveNames(names);
            }
            spans.set(slot, binding.span());
            String path = pathPrefix + "/" + name;
            int use = pathUses.merge(path, 1, Integer::sum);
            long pathHash = KeyedRandom.pathHash(use == 1 ? path : path + "#" + use);
            boolean allConstant = dependsOnlyOnConstants(binding.value());
            String what = "`" + name + "`";
            try {
                if (binding.value() instanceof Binding.Value.Fixed f) {
                    if (allConstant) {
                        Quantity q = Evaluator.evaluate(f.expr(), compileScope());
                        if (expected != null) {
                            Evaluator.require(q, expected, f.expr().span(), what);
                        }
                        steps.add(new ConstStep(slot, q.si(), q.dimension()));
                        values.set(slot, q.si());
                        dims.set(slot, q.dimension());
                        constant.set(slot, true);
                    } else {
                        steps.add(new ComputeStep(slot, f.expr(), expected, what));
                        markVarying(slot, expected);
                    }
                } else {
                    Distribution d = ((Binding.Value.Sampled) binding.value()).distribution();
                    Diagnostic exhausted = exhausted(d);
                    if (!allConstant) {
                        // The language fixes a distribution per binding; per-neuron variation goes
                        // through `let` variables in expressions (analysis reports this too).
                        diagnostics.report(DiagnosticCode.DYNAMIC_IN_CONSTANT, d.span(), "the arguments and clip of `"
                                + d.family().name() + "` must be constants, but they read a value that differs per instance",
                                "use literals or `const`s; vary values per neuron with a `let` variable in an expression");
                        markVarying(slot, expected);
                        return false;
                    }
                    Draw draw = DistributionResolver.resolve(d, new ExprSource(compileScope()), expected);
                    steps.add(new SampleStep(slot, pathHash, draw, exhausted));
                    markVarying(slot, draw.dimension());
                }
                return true;
            } catch (EvaluationException e) {
                diagnostics.report(e.diagnostic());
                markVarying(slot, expected);
                return false;
            }
        }

        private void markVarying(int slot, Dimension dimension) {
            constant.set(slot, false);
            values.set(slot, Double.NaN);
            if (dimension != null) {
                dims.set(slot, dimension);
            }
        }

        private static Diagnostic exhausted(Distribution d) {
            if (d.clip().isEmpty()) {
                return new Diagnostic(DiagnosticCode.REDRAW_EXHAUSTED, d.span(), "every draw of `" + d.family().name()
                        + "` underflowed to 0 in " + Draw.MAX_ATTEMPTS + " attempts, but its values must be positive",
                        "use a larger shape or scale");
            }
            SourceSpan span = d.clip().get().span();
            return new Diagnostic(DiagnosticCode.REDRAW_EXHAUSTED, span, "no draw of `" + d.family().name()
                    + "` fell inside the clip after " + Draw.MAX_ATTEMPTS
                    + " attempts: the probability mass inside the clip is too small",
                    "widen the clip, move the distribution inside it, or write `clamp` to move values to the nearest bound");
        }

        BindingProgram build() {
            return new BindingProgram(this);
        }

        private Scope compileScope() {
            return new Scope() {
                @Override
                public Optional<Quantity> lookup(QualifiedName name) {
                    Integer slot = nameSlots.get(name);
                    if (slot != null) {
                        return constant.get(slot) && !Double.isNaN(values.get(slot))
                                ? Optional.of(new Quantity(values.get(slot), dims.get(slot))) : Optional.empty();
                    }
                    return Optional.ofNullable(constants.get(name.text()));
                }

                @Override
                public Collection<String> visibleNames() {
                    List<String> names = new ArrayList<>(slotByName.keySet());
                    names.addAll(constants.keySet());
                    return names;
                }
            };
        }

        private void resolveNames(List<QualifiedName> names) {
            for (QualifiedName n : names) {
                Integer slot = slotByName.get(n.text());
                if (slot != null) {
                    nameSlots.put(n, slot);
                }
            }
        }

        /** True when the value reads no slot that varies per instance. */
        private boolean dependsOnlyOnConstants(Binding.Value value) {
            List<QualifiedName> names = new ArrayList<>();
            collectNames(value, names);
            for (QualifiedName n : names) {
                Integer slot = nameSlots.get(n);
                if (slot != null && !constant.get(slot)) {
                    return false;
                }
            }
            return true;
        }

        private static void collectNames(Binding.Value value, List<QualifiedName> out) {
            if (value instanceof Binding.Value.Fixed f) {
                collectNames(f.expr(), out);
            } else {
                Distribution d = ((Binding.Value.Sampled) value).distribution();
                for (Argument a : d.arguments()) {
                    collectNames(a.value(), out);
                }
                if (d.clip().isPresent()) {
                    collectNames(d.clip().get().low(), out);
                    collectNames(d.clip().get().high(), out);
                }
            }
        }

        private static void collectNames(Expr e, List<QualifiedName> out) {
            if (e instanceof Expr.Name n) {
                out.add(n.name());
            } else if (e instanceof Expr.Paren p) {
                collectNames(p.inner(), out);
            } else if (e instanceof Expr.Unary u) {
                collectNames(u.operand(), out);
            } else if (e instanceof Expr.Binary b) {
                collectNames(b.left(), out);
                collectNames(b.right(), out);
            } else if (e instanceof Expr.Call c) {
                for (Argument a : c.call().arguments()) {
                    collectNames(a.value(), out);
                }
            } else if (e instanceof Expr.ListOf l) {
                for (Expr x : l.elements()) {
                    collectNames(x, out);
                }
            }
        }
    }
}
