package io.neuromap.backends.loihi1;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * What Lava's {@code optimize_weight_bits} returns: the weights rescaled to use the 8-bit
 * mantissa fully, the number of weight bits they need, and the weight exponent that undoes the
 * rescaling. The array is row-major in whatever shape the caller flattened.
 *
 * @param weights the optimized weights (copied in and out: the record is a value)
 * @param numWeightBits weight bits needed; 9 is possible for mixed-sign weights on Loihi 1
 * @param weightExp the weight exponent to configure
 * @see "loihi1.md §2.3; lava utils/weightutils.py OptimizedWeights"
 */
public record Loihi1OptimizedWeights(int[] weights, int numWeightBits, int weightExp) {

    public Loihi1OptimizedWeights {
        weights = requireNonNull(weights, "weights is null").clone();
    }

    /** A copy of the optimized weights. */
    @Override
    public int[] weights() {
        return weights.clone();
    }

    /** The optimized weight at flat index {@code i}, without copying. */
    public int weight(int i) {
        return weights[i];
    }

    /** Number of weights. */
    public int size() {
        return weights.length;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Loihi1OptimizedWeights)) {
            return false;
        }
        Loihi1OptimizedWeights other = (Loihi1OptimizedWeights) o;
        return numWeightBits == other.numWeightBits && weightExp == other.weightExp
                && Arrays.equals(weights, other.weights);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(weights) + numWeightBits) + weightExp;
    }

    @Override
    public String toString() {
        return "Loihi1OptimizedWeights[weights=" + Arrays.toString(weights) + ", numWeightBits=" + numWeightBits
                + ", weightExp=" + weightExp + "]";
    }
}
