package io.neuromap.compiler.elaborate;

import io.neuromap.compiler.diag.Diagnostic;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.ir.DelaySteps;
import io.neuromap.compiler.ir.IndexRange;
import io.neuromap.compiler.ir.SynapseWeights;
import io.neuromap.compiler.source.SourceSpan;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Units;
import java.util.List;
import java.util.Optional;

/**
 * Computes the weight and delay of every synapse of a projection from its body's binding program
 * (and, for {@code from_list}, the file's values), row by row in parallel. The streams of row i
 * are keyed by pre neuron i and the row's synapses take successive draws, so values do not depend
 * on threads. Constant weights and delays are stored once; varying weights take a {@code float}
 * per synapse and varying delays one byte (when every possible delay fits in 255 steps) or two.
 * Weights are stored as magnitudes; the raw extremes are returned to decide the receptor.
 */
final class SynapseValues {
    private static final int MIN_CHUNK = 1024;
    /**
     * What a weight written as a plain number is multiplied by: weights are currents (every
     * built-in neuron is current-based) and a plain number is read in nA, PyNN's unit, as
     * analysis accepts it ({@link io.neuromap.compiler.frontend.AnalyzedProgram}).
     */
    static final double PLAIN_WEIGHT_UNIT = Units.displayUnit(Dimension.CURRENT).orElseThrow().factor();

    private SynapseValues() {
    }

    /**
     * @param weights stored magnitudes
     * @param minWeight smallest weight as written (signed)
     * @param maxWeight largest weight as written (signed)
     */
    record Result(SynapseWeights weights, DelaySteps delays, double minWeight, double maxWeight) {
    }

    /** Where the inputs of one projection's values come from. */
    record Inputs(String projection, BindingProgram program, int weightSlot, int delaySlot, int[] rowStart,
            IndexRange preRange, double dt, SynapseList list, int[] listOrder) {
    }

    private static final class ChunkResult {
        final FailureLog failures = new FailureLog();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int maxDelay;
    }

    /** The values, or empty after reporting per-synapse problems. */
    static Optional<Result> compute(ElaborationContext ctx, Inputs in) {
        BindingProgram prog = in.program();
        int count = in.rowStart()[in.rowStart().length - 1];
        boolean listWeights = in.list() != null && in.list().hasAnyWeight();
        boolean listDelays = in.list() != null && in.list().hasAnyDelay();
        boolean weightConstant = prog.isConstant(in.weightSlot()) && !listWeights;
        boolean delayConstant = prog.isConstant(in.delaySlot()) && !listDelays;
        SourceSpan delaySpan = prog.lastSpan(in.delaySlot()).orElse(null);

        Optional<SynapseWeights> constantWeights = Optional.empty();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        if (weightConstant) {
            double w = prog.constantValue(in.weightSlot()) * plainFactor(prog.constantDimension(in.weightSlot()));
            constantWeights = Optional.of(SynapseWeights.constant(count, (float) Math.abs(w)));
            if (count > 0) {
                min = w;
                max = w;
            }
        }
        Optional<DelaySteps> constantDelays = Optional.empty();
        if (delayConstant) {
            int steps = steps(prog.constantValue(in.delaySlot()), in.dt());
            Optional<Diagnostic> bad = delayProblem(prog.constantValue(in.delaySlot()), steps, DelaySteps.MAX_STEPS,
                    delaySpan, in.dt());
            if (bad.isPresent()) {
                ctx.diagnostics().report(bad.get());
                return Optional.empty();
            }
            constantDelays = Optional.of(DelaySteps.constant(count, steps));
        }
        boolean perSynapse = !weightConstant || !delayConstant;
        if (!perSynapse) {
            return Optional.of(new Result(constantWeights.get(), constantDelays.get(), min, max));
        }

        float[] weights = weightConstant ? null : new float[count];
        int delayCap = delayConstant ? 0 : delayCapacity(prog, in);
        byte[] delayBytes = !delayConstant && delayCap <= DelaySteps.MAX_BYTE ? new byte[count] : null;
        short[] delayShorts = !delayConstant && delayBytes == null ? new short[count] : null;
        int rows = in.preRange().size();
        boolean runs = prog.hasPerInstanceSteps();
        List<ChunkResult> results = ctx.parallel().chunks(rows, ctx.parallel().chunkSize(rows, MIN_CHUNK), (f, t) -> {
            ChunkResult cr = new ChunkResult();
            BindingProgram.Runner r = prog.newRunner();
            if (!runs) {
                // Only constant steps: one run leaves every slot at its value for all synapses.
                r.run();
            }
            double weightFactor = Double.NaN;
            for (int pre = in.preRange().from() + f; pre < in.preRange().from() + t; pre++) {
                r.begin(pre);
                for (int k = in.rowStart()[pre]; k < in.rowStart()[pre + 1]; k++) {
                    if (runs && !r.run()) {
                        cr.failures.record(k, r.failure());
                        continue;
                    }
                    int entry = in.list() == null ? -1 : in.listOrder()[k];
                    if (weights != null) {
                        double w;
                        if (entry >= 0 && !Double.isNaN(in.list().weight(entry))) {
                            w = in.list().weight(entry);
                        } else {
                            if (Double.isNaN(weightFactor)) {
                                // The dimension is the same for every synapse: look it up once per chunk.
                                weightFactor = plainFactor(r.dimension(in.weightSlot()));
                            }
                            w = r.value(in.weightSlot()) * weightFactor;
                        }
                        weights[k] = (float) Math.abs(w);
                        cr.min = Math.min(cr.min, w);
                        cr.max = Math.max(cr.max, w);
                    }
                    if (!delayConstant) {
                        boolean fromList = entry >= 0 && !Double.isNaN(in.list().delay(entry));
                        double d = fromList ? in.list().delay(entry) : r.value(in.delaySlot());
                        int steps = steps(d, in.dt());
                        Optional<Diagnostic> bad = delayProblem(d, steps, delayCap, fromList ? in.list().rowSpan(entry)
                                : delaySpan, in.dt());
                        if (bad.isPresent()) {
                            cr.failures.record(k, bad.get());
                            continue;
                        }
                        if (delayBytes != null) {
                            delayBytes[k] = (byte) steps;
                        } else {
                            delayShorts[k] = (short) steps;
                        }
                        cr.maxDelay = Math.max(cr.maxDelay, steps);
                    }
                }
            }
            return cr;
        });
        FailureLog failures = new FailureLog();
        int maxDelay = 0;
        for (ChunkResult cr : results) {
            failures.merge(cr.failures);
            min = Math.min(min, cr.min);
            max = Math.max(max, cr.max);
            maxDelay = Math.max(maxDelay, cr.maxDelay);
        }
        if (!failures.isEmpty()) {
            failures.reportTo(ctx.diagnostics(), k -> describe(in, k));
            return Optional.empty();
        }
        SynapseWeights w = weights == null ? constantWeights.get() : SynapseWeights.of(weights);
        DelaySteps d;
        if (delayConstant) {
            d = constantDelays.get();
        } else if (delayBytes != null) {
            d = DelaySteps.ofBytes(delayBytes);
        } else if (maxDelay <= DelaySteps.MAX_BYTE) {
            byte[] packed = new byte[count];
            for (int k = 0; k < count; k++) {
                packed[k] = (byte) delayShorts[k];
            }
            d = DelaySteps.ofBytes(packed);
        } else {
            d = DelaySteps.ofShorts(delayShorts);
        }
        return Optional.of(new Result(w, d, min, max));
    }

    /** {@link #PLAIN_WEIGHT_UNIT} for a dimensionless weight, 1 for one written with a unit. */
    static double plainFactor(Dimension d) {
        return d == null || d.isNone() ? PLAIN_WEIGHT_UNIT : 1.0;
    }

    /**
     * {@code max(1, round(delay / dt))}: a spike arrives in the next step at the earliest, so a
     * delay below one step (0 included) takes one step, as analysis documents.
     */
    static int steps(double delay, double dt) {
        double s = Math.max(1, Math.rint(delay / dt));
        return s > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) s;
    }

    /** The largest delay in steps the storage must hold: a byte when the delay's distribution is bounded by 255 steps. */
    private static int delayCapacity(BindingProgram prog, Inputs in) {
        if (in.list() != null && in.list().hasAnyDelay()) {
            return DelaySteps.MAX_STEPS;
        }
        Optional<Draw> draw = prog.finalDraw(in.delaySlot());
        if (draw.isPresent() && Double.isFinite(draw.get().upperBound())
                && steps(draw.get().upperBound(), in.dt()) <= DelaySteps.MAX_BYTE) {
            return DelaySteps.MAX_BYTE;
        }
        return DelaySteps.MAX_STEPS;
    }

    private static Optional<Diagnostic> delayProblem(double delay, int steps, int capacity, SourceSpan span, double dt) {
        if (span == null || (delay >= 0 && steps >= 1 && steps <= capacity)) {
            return Optional.empty();
        }
        String d = Units.format(delay, Dimension.TIME);
        String step = Units.format(dt, Dimension.TIME);
        if (delay < 0) {
            return Optional.of(new Diagnostic(DiagnosticCode.NEGATIVE_DELAY, span, "delay " + d + " is negative",
                    "delays are at least one time step (" + step + ")"));
        }
        if (steps > capacity) {
            return Optional.of(new Diagnostic(DiagnosticCode.TOO_LARGE, span, "delay " + d + " is " + steps
                    + " time steps, more than the " + capacity + " the IR holds", "shorten the delay or use a larger dt"));
        }
        return Optional.empty();
    }

    private static String describe(Inputs in, long k) {
        int lo = 0;
        int hi = in.rowStart().length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (in.rowStart()[mid] <= k) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return "synapse " + k + ", from pre neuron " + lo + ", of `" + in.projection() + "`";
    }
}
