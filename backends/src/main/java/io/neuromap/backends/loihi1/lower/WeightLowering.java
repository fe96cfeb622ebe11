package io.neuromap.backends.loihi1.lower;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1SignMode;
import io.neuromap.backends.loihi1.Loihi1SynapseFormat;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.compiler.ir.SynapseMatrix;
import io.neuromap.compiler.ir.SynapseReceptor;
import io.neuromap.backends.report.QuantizationRow;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Lowers one projection's weights and delays to a Loihi 1 synapse format. The weight exponent is
 * the smallest that fits the projection's largest weight (on the post neurons' scale) into the
 * 8-bit mantissa, so each projection keeps all its bits however small its weights are next to
 * others' (nengo-loihi's per-synapse exponent, without its lossy floor case); no smaller than
 * nengo-loihi's per-synapse floor of -6, so that every stored weight is a whole number of state
 * units. The sign mode is the receptor's: weights are magnitudes with the receptor's sign
 * (PyNN's convention), so no bit is spent on a sign. Delay bits hold the longest delay field.
 */
final class WeightLowering {
    private WeightLowering() {
    }

    /** A lowered projection, its error rows and its facts. */
    record Result(ProjectionLowering lowering, List<QuantizationRow> rows, LoweringFacts.Weights weights,
            LoweringFacts.Delay delay) {
    }

    /**
     * @param position the post compartment position, or -1 when the post population has no compartments
     * @param factor the post neurons' weight factors for that position (state units per ampere)
     * @param reportWeights whether the post population was lowered (weights into placeholders are not judged)
     */
    static Result lower(int index, Projection p, int position, double[] factor, boolean reportWeights, double dt) {
        SynapseMatrix m = p.synapses();
        int count = m.count();
        boolean constant = m.weights().isHomogeneous();
        double w0 = constant ? m.weights().constantValue() : 0;
        int[] targets = m.targetArray();
        double max = 0;
        if (constant) {
            for (int t : targets) {
                max = Math.max(max, factor[t] * w0);
            }
        } else {
            for (int k = 0; k < count; k++) {
                max = Math.max(max, factor[m.target(k)] * m.weight(k));
            }
        }
        // A plastic projection's weights must reach its w_max (twice that for a multiplicative rule,
        // whose w_max is a product constant of 8 signed bits): its exponent fits the bound too.
        double bound = io.neuromap.backends.loihi1.learning.PlasticBounds.chipBound(p, factor);
        max = Math.max(max, bound);
        int needed = neededExponent(max);
        int exp = Math.max(Loihi1Limits.SYNAPSE_WEIGHT_EXP_FLOOR, Math.min(needed, Loihi1Limits.WEIGHT_EXP_MAX));
        double unit = StrictMath.scalb(1.0, Loihi1Limits.ACTIVATION_SHIFT + exp);
        double errMax = 0;
        double errSum = 0;
        long errCount = 0;
        long vanished = 0;
        if (constant) {
            // One weight: a synapse's error depends on its target alone, so it is computed once
            // per post neuron and summed in synapse order (the same sum, bit for bit).
            double[] errOf = new double[factor.length];
            boolean[] vanishes = new boolean[factor.length];
            for (int t = 0; t < factor.length; t++) {
                double ideal = factor[t] * w0;
                if (!(ideal > 0)) {
                    errOf[t] = Double.NaN;
                    continue;
                }
                long mant = Math.min(Math.round(ideal / unit), Loihi1Limits.WEIGHT_MANTISSA_MAX);
                vanishes[t] = mant == 0;
                errOf[t] = Math.abs(mant * unit - ideal) / ideal;
            }
            for (int t : targets) {
                double err = errOf[t];
                if (Double.isNaN(err)) {
                    continue;
                }
                if (vanishes[t]) {
                    vanished++;
                }
                errMax = Math.max(errMax, err);
                errSum += err;
                errCount++;
            }
        } else {
            for (int k = 0; k < count; k++) {
                double ideal = factor[m.target(k)] * m.weight(k);
                if (!(ideal > 0)) {
                    continue;
                }
                long mant = Math.min(Math.round(ideal / unit), Loihi1Limits.WEIGHT_MANTISSA_MAX);
                if (mant == 0) {
                    vanished++;
                }
                double err = Math.abs(mant * unit - ideal) / ideal;
                errMax = Math.max(errMax, err);
                errSum += err;
                errCount++;
            }
        }
        int longestField = Math.max(0, m.delays().max() - Loihi1Limits.AXON_LATENCY_STEPS);
        int delayBits = Math.min(bitsFor(longestField), Loihi1Limits.SYNAPSE_DELAY_BITS_MAX);
        Loihi1SignMode sign = p.receptor() == SynapseReceptor.INH ? Loihi1SignMode.INHIBITORY : Loihi1SignMode.EXCITATORY;
        Loihi1SynapseFormat format = new Loihi1SynapseFormat(Loihi1Limits.WEIGHT_BITS_CODE_MAX, delayBits,
                io.neuromap.backends.loihi1.learning.PlasticBounds.tagBits(p),
                Loihi1Limits.indexBitsCodeFor(Loihi1Limits.COMPARTMENTS_PER_CORE - 1), Loihi1Limits.COMPRESSION_SPARSE,
                Loihi1Limits.SYNAPSES_PER_CHUNK_FIELD_MAX, sign.code(), exp);
        ProjectionLowering lowering = new ProjectionLowering(index, p.name(), p.post(), position, sign, format, m, factor);
        String weightNote = reportWeights
                ? "8-bit " + sign.name().toLowerCase(java.util.Locale.ROOT) + " mantissa x 2^(6 + " + exp + ")"
                : "not lowered: the post population is not";
        List<QuantizationRow> rows = List.of(
                new QuantizationRow(QuantizationRow.ObjectKind.PROJECTION, p.name(), "weight", "nA", count, errMax,
                        Math.min(errCount == 0 ? 0 : errSum / errCount, errMax), OptionalDouble.empty(), p.span(),
                        weightNote),
                new QuantizationRow(QuantizationRow.ObjectKind.PROJECTION, p.name(), "delay", "steps", count, 0, 0,
                        OptionalDouble.empty(), p.span(), "exact: whole steps D stored as the delay field D - 1"));
        LoweringFacts.Weights weights = reportWeights
                ? new LoweringFacts.Weights(p.name(), max, needed, vanished, count, p.span()) : null;
        LoweringFacts.Delay delay = new LoweringFacts.Delay(p.name(), m.delays().max(), dt, p.span());
        return new Result(lowering, rows, weights, delay);
    }

    /** The weight exponent e with {@code max <= 255 x 2^(6 + e)}, unclamped; the floor when there is no weight. */
    static int neededExponent(double max) {
        if (!(max > 0)) {
            return Loihi1Limits.SYNAPSE_WEIGHT_EXP_FLOOR;
        }
        double ratio = max / Loihi1Limits.WEIGHT_MANTISSA_MAX;
        int e = (int) Math.ceil(Math.log(ratio) / Math.log(2)) - Loihi1Limits.ACTIVATION_SHIFT;
        // Guard the logarithm's rounding at exact powers of two.
        while (Loihi1Limits.WEIGHT_MANTISSA_MAX * StrictMath.scalb(1.0, Loihi1Limits.ACTIVATION_SHIFT + e - 1) >= max) {
            e--;
        }
        while (Loihi1Limits.WEIGHT_MANTISSA_MAX * StrictMath.scalb(1.0, Loihi1Limits.ACTIVATION_SHIFT + e) < max) {
            e++;
        }
        return e;
    }

    /** Bits that hold 0..value. */
    static int bitsFor(int value) {
        return value == 0 ? 0 : Integer.SIZE - Integer.numberOfLeadingZeros(value);
    }
}
